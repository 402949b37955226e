import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect, inject } from 'vitest'

/**
 * Open a page of the built site in a new tab; an uncaught error in the page fails the test.
 *
 * @example
 * const page = await openLesson(context, '/lessons/the-login-manager/')
 */
export async function openLesson(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(`${inject('baseUrl')}${path}`)
  return page
}

/**
 * Poll until the assertion holds: a cold Worker on a busy 2-core machine can take seconds.
 *
 * @example
 * await eventually(() => heading.textContent()).toBe('3 of 5 checks pass')
 */
export const eventually = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) =>
  expect.poll(read, { timeout: 15_000, ...options })

/**
 * The `<exercise-panel>` of one exercise or example.
 *
 * @example
 * await panel(page, 'fix-the-user-loader').locator('[data-action="check"]').click()
 */
export const panel = (page: Page, slug: string) =>
  page.locator(`exercise-panel[data-slug="${slug}"]`)

/**
 * A desktop-sized context (1280 × 900), where editors are Monaco.
 *
 * @example
 * const context = await desktop(browser)
 */
export const desktop = (browser: Browser) =>
  browser.newContext({ viewport: { width: 1280, height: 900 } })

/**
 * Open the first editable file of an exercise in Monaco, by clicking its code.
 *
 * @example
 * await openEditor(panel(page, 'fix-the-user-loader'))
 */
export async function openEditor(exercise: ReturnType<typeof panel>): Promise<void> {
  await exercise.locator('code-editor[data-editable="true"] .static-code').first().click()
  await exercise.locator('.monaco-editor').first().waitFor()
}
