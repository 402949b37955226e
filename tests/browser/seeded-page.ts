import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchChromium } from './chromium'

/**
 * What {@link useSeededPages}'s `newPage` takes.
 *
 * @example
 * await newPage({ progress: { version: 1, lessons: {} }, theme: 'dark', width: 375 })
 */
export interface SeededPageOptions {
  /** Saved progress the site finds on its first load (a reload keeps what the page saved since). */
  progress?: object
  /** The saved theme choice. */
  theme?: 'light' | 'dark'
  /** The viewport width (default 1280; the height is 900). */
  width?: number
}

/**
 * One Chromium for the test file (launched in `beforeAll`, closed in `afterAll`) and a fresh
 * context per page, on the built site, with progress and a theme saved before the first load.
 * Each `newPage` closes the previous page's context, so a test starts from a clean browser.
 *
 * @returns `newPage`, which gives the page and the errors it throws
 * @example
 * const { newPage } = useSeededPages()
 * it('…', async () => {
 *   const { page, errors } = await newPage({ progress })
 *   await page.goto('/review/')
 * })
 */
export function useSeededPages(): {
  newPage(options?: SeededPageOptions): Promise<{ page: Page; errors: string[] }>
} {
  const baseUrl = inject('baseUrl')
  let browser: Browser
  let context: BrowserContext | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })
  return {
    async newPage(options = {}) {
      await context?.close()
      context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: options.width ?? 1280, height: 900 },
      })
      await context.addInitScript(
        ({ progress, theme }) => {
          if (theme) localStorage.setItem('signed-in:theme', theme)
          // Once per tab: a reload finds what the page saved, not the seed again.
          if (progress && !sessionStorage.getItem('seeded')) {
            localStorage.setItem('signed-in:progress', progress)
            sessionStorage.setItem('seeded', '1')
          }
        },
        {
          progress: options.progress ? JSON.stringify(options.progress) : null,
          theme: options.theme ?? null,
        },
      )
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      return { page, errors }
    },
  }
}
