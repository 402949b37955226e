import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './chromium'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function openLesson(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(`${inject('baseUrl')}${path}`)
  return page
}

const panel = (page: Page, slug: string) => page.locator(`exercise-panel[data-slug="${slug}"]`)

describe('a graded exercise', () => {
  it('fills the blanks in the editor, passes with Ctrl+Enter, and is restored after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    const code = exercise.locator('.static-code').first()
    await code.scrollIntoViewIfNeeded()
    expect(await code.locator('mark.blank').count()).toBe(5)
    const before = await code.boundingBox()

    // Keyboard only: focus the code, which becomes the editor with the first blank selected.
    await code.focus()
    await exercise.locator('.monaco-editor').waitFor()
    const after = await exercise.locator('.editor-box').boundingBox()
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThanOrEqual(2)
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
    for (const [index, word] of [
      'null',
      'loginUser',
      'true',
      'loginRequired',
      'logoutUser',
    ].entries()) {
      if (index) {
        await page.keyboard.press('Escape')
        await page.keyboard.press('Tab')
      }
      await page.keyboard.type(word)
    }
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+Enter')
    const heading = exercise.locator('.results-heading')
    await heading.waitFor()
    expect(await heading.textContent()).toBe('All 7 checks pass. Well done!')
    expect(await exercise.locator('.checks [data-passed="true"]').count()).toBe(7)
    expect(await exercise.locator('[data-announce]').textContent()).toContain('All 7 checks pass')
    // Offline, the WebContainer never boots; the Worker ran the checks meanwhile and says so.
    expect(await exercise.locator('[data-runtime-note]').textContent()).toBe(
      'Starting Node in your browser (a WebContainer). Until it is ready, checks run in this page.',
    )
    await exercise.locator('[data-runtime-choice]').selectOption('worker')
    expect(await exercise.locator('[data-runtime-note]').textContent()).toContain(
      'Your code runs in this page (chosen)',
    )
    expect(await exercise.locator('[data-preview]').isHidden()).toBe(true)

    await page.reload()
    await expect
      .poll(() => panel(page, 'complete-the-login-flow').getAttribute('data-passed'))
      .toBe('true')
    expect(
      await panel(page, 'complete-the-login-flow').locator('[data-passed-badge]').isVisible(),
    ).toBe(true)
    expect(
      await panel(page, 'complete-the-login-flow').locator('.static-code').first().textContent(),
    ).toContain('await loginUser(c, user, { remember: true })')
    await context.close()
  })

  it('refuses to check while blanks remain, names the lines, and expands the first failure of a wrong answer', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    await exercise.locator('[data-action="check"]').click()
    const results = exercise.locator('[data-results]')
    await expect
      .poll(() => results.textContent())
      .toContain('app.ts line 15, app.ts line 26 (2 blanks), app.ts line 30, app.ts line 33')
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('results-heading')),
    ).toBe(true)

    // A hint at a time, in order; the solution only after a first attempt, with confirmation.
    const hint = exercise.locator('[data-action="hint"]')
    await hint.click()
    expect(await exercise.locator('[data-hints] li').count()).toBe(1)
    await hint.click()
    await hint.click()
    expect(await exercise.locator('[data-hints] li').count()).toBe(3)
    expect(await hint.isDisabled()).toBe(true)

    page.once('dialog', (dialog) => void dialog.accept())
    await exercise.locator('[data-action="solution"]').click()
    await exercise.locator('[data-action="check"]').click()
    await expect
      .poll(() => exercise.locator('.results-heading').textContent())
      .toBe('All 7 checks pass. Well done!')

    page.once('dialog', (dialog) => void dialog.dismiss())
    await exercise.locator('[data-action="reset"]').click()
    expect(await exercise.getAttribute('data-state')).toBe('done')
    page.once('dialog', (dialog) => void dialog.accept())
    await exercise.locator('[data-action="reset"]').click()
    await exercise.locator('.static-code').first().click()
    await exercise.locator('.monaco-editor').waitFor()
    await page.keyboard.type('null')
    await page.keyboard.press('Escape')
    for (const word of ['loginUser', 'false', 'loginRequired', 'logoutUser']) {
      await page.keyboard.press('Tab')
      await page.keyboard.type(word)
      await page.keyboard.press('Escape')
    }
    await page.keyboard.press('Control+Enter')
    await expect
      .poll(() => exercise.locator('.results-heading').textContent())
      .toBe('5 of 7 checks pass')
    const open = exercise.locator('.checks details[open]')
    expect(await open.count()).toBe(1)
    expect(await open.textContent()).toContain('Logging in sets a remember-me cookie')
    expect(await open.textContent()).toContain('Hint: Pass { remember: true } to loginUser.')

    // The diff shows what differs from the solution.
    await exercise.locator('[data-action="diff"]').click()
    expect(
      await exercise.locator('[data-diff-body] .diff-removed').first().textContent(),
    ).toContain('remember: false')
    await page.keyboard.press('Escape')

    // The inspector lists the requests and decodes the cookies they received.
    await exercise.locator('.inspector summary').click()
    expect(await exercise.locator('[data-timeline] tr').count()).toBeGreaterThan(5)
    await expect
      .poll(() => exercise.locator('[data-decoded]').textContent())
      .toContain('Readable content')
    await exercise.locator('[data-tamper]').click()
    expect(await exercise.locator('[data-tamper-result]').textContent()).toContain(
      'nobody is logged in',
    )
    await context.close()
  })

  it('falls back to a plain textarea on touch screens', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      hasTouch: true,
      isMobile: true,
    })
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    await exercise.locator('.static-code').first().tap()
    const textarea = exercise.locator('textarea.plain-editor')
    await textarea.waitFor()
    expect(await exercise.locator('.monaco-editor').count()).toBe(0)
    expect(
      await textarea.evaluate((el: HTMLTextAreaElement) =>
        el.value.slice(el.selectionStart, el.selectionEnd),
      ),
    ).toBe('___')
    await context.close()
  })
})

describe('a runnable example', () => {
  it('prints the login story step by step', async () => {
    const context = await browser.newContext()
    const page = await openLesson(context, '/lessons/how-a-login-works/')
    const example = panel(page, 'manual-session-login')
    expect(await example.locator('.static-code').first().textContent()).toContain(
      "app.post('/login'",
    )
    await example.locator('[data-action="check"]').click()
    await expect
      .poll(() => example.locator('.terminal li').allTextContents())
      .toEqual(['401', 'Logged in as ada', 'Welcome to your dashboard, ada!', 'Logged out', '401'])
    await context.close()
  })
})
