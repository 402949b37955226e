import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeEditorElement } from '../../src/elements/code-editor'
import { axeBuilder, wcagTags } from './axe'
import { launchChromium } from './chromium'
import { desktop, eventually, openEditor, openLesson, panel } from './lesson-page'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/**
 * Lesson 2 has two exercises with editable code; a copy of the first, under another slug, makes
 * a third editor on the same page (each has an `app.ts`).
 */
async function pageWithThreeEditors(page: Page) {
  await page.evaluate(() => {
    const original = document.querySelector('exercise-panel[data-slug="complete-the-login-flow"]')
    const copy = original?.cloneNode(true) as HTMLElement
    copy.dataset['slug'] = 'third-editor'
    delete copy.dataset['ready']
    original?.after(copy)
  })
  return ['complete-the-login-flow', 'fix-the-user-loader', 'third-editor'].map((slug) =>
    panel(page, slug),
  )
}

/** What each exercise's app.ts editor holds, and what its Monaco shows on screen. */
const editorsState = (page: Page) =>
  page.locator('code-editor[data-path="app.ts"][data-editable="true"]').evaluateAll((editors) =>
    editors.map((editor) => ({
      mode: (editor as CodeEditorElement).mode,
      holds: (editor as CodeEditorElement).value.includes('app.'),
      shows: (editor.querySelector('.view-lines')?.textContent ?? '').includes('app.'),
    })),
  )

describe('several code editors on one page', () => {
  for (const order of [
    [0, 1, 2],
    [2, 0, 1],
  ]) {
    it(`keeps every editor working when they open in the order ${order.join(', ')}`, async () => {
      const context = await desktop(browser)
      const page = await openLesson(context, '/lessons/the-login-manager/')
      const unknownServices: string[] = []
      page.on('console', (message) => {
        if (message.text().includes('UNKNOWN service')) unknownServices.push(message.text())
      })
      const panels = await pageWithThreeEditors(page)
      for (const index of order) await openEditor(panels[index]!)
      expect(await editorsState(page)).toEqual(
        Array.from({ length: 3 }, () => ({ mode: 'monaco', holds: true, shows: true })),
      )

      // The editor opened first still takes typing, and Check grades what it shows.
      const first = panels[order[0]!]!
      await first.locator('.monaco-editor .view-lines').first().click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type('\n// edited last\n')
      await eventually(() =>
        first.locator('code-editor[data-path="app.ts"]').evaluate((editor) => ({
          value: (editor as CodeEditorElement).value.includes('// edited last'),
          // Monaco draws spaces as no-break spaces.
          shows: editor
            .querySelector('.view-lines')
            ?.textContent?.replaceAll('\u00a0', ' ')
            .includes('// edited last'),
        })),
      ).toEqual({ value: true, shows: true })
      expect(unknownServices).toEqual([])
      await context.close()
    })
  }
})

describe('the first click on the code', () => {
  it('makes no editor at idle: only once the pointer reaches the panel, hidden, so a page nobody edits pays nothing', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    const file = exercise.locator('code-editor[data-path="app.ts"]')
    await file.locator('.static-code').evaluate((code) => code.scrollIntoView())
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('exercise-panel[data-slug="complete-the-login-flow"]')
          ?.dataset['editorPrefetched'] === 'true',
      null,
      { timeout: 60_000 },
    )
    await page.waitForTimeout(500)
    expect(await page.locator('.monaco-editor').count()).toBe(0)
    await exercise.dispatchEvent('pointerenter')
    await eventually(() => file.locator('.monaco-editor').count()).toBe(1)
    expect(await file.locator('.monaco-editor').isVisible()).toBe(false)
    await context.close()
  })

  it('reveals the editor made hidden once the pointer came near, with the TypeScript worker already started: focused, on the first blank, holding the current text', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    const exercise = panel(page, 'complete-the-login-flow')
    const file = exercise.locator('code-editor[data-path="app.ts"]')
    await file.locator('.static-code').scrollIntoViewIfNeeded()
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('exercise-panel[data-slug="complete-the-login-flow"]')
          ?.dataset['editorPrefetched'] === 'true',
      null,
      { timeout: 60_000 },
    )
    // The learner's pointer reaches the panel on its way to the code.
    await exercise.dispatchEvent('pointerenter')
    await eventually(() => file.locator('.monaco-editor').count()).toBe(1)
    // Made ahead of the click, hidden: the learner still sees the highlighted code.
    expect(await file.locator('.monaco-editor').isVisible()).toBe(false)
    expect(await file.locator('.static-code').isVisible()).toBe(true)
    expect(await file.evaluate((editor) => (editor as CodeEditorElement).mode)).toBe('static')
    expect(workers.filter((url) => /\/ts\.worker[.-][\w-]+\.js$/.test(url))).toHaveLength(1)

    // The text changes while it waits, as a draft restored from another tab would.
    await file.evaluate((editor) => {
      const code = editor as CodeEditorElement
      code.value = `${code.value}// added while hidden\n`
    })
    await file.locator('.static-code').click()
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
    expect(await file.evaluate((editor) => (editor as CodeEditorElement).mode)).toBe('monaco')
    // The same editor, revealed: no second one was made.
    expect(await file.locator('.monaco-editor').count()).toBe(1)
    await eventually(() =>
      file.evaluate((editor) =>
        editor.querySelector('.view-lines')?.textContent?.replaceAll('\u00a0', ' '),
      ),
    ).toContain('// added while hidden')
    // The first blank is selected: typing fills it.
    await page.keyboard.type('null')
    expect(
      await file.evaluate((editor) => (editor as CodeEditorElement).value.split('\n')[15]),
    ).toBe('loginManager.userLoader(async (id) => users.get(id) ?? null)')
    await context.close()
  })
})

describe('blanks and the keyboard', () => {
  it('keeps the first Tab on the blank offered at focus, and types quotes and brackets into a blank once', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    await exercise.locator('.static-code').first().focus()
    await exercise.locator('.monaco-editor').waitFor()
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
    const line = (number: number) =>
      exercise
        .locator('code-editor[data-path="app.ts"]')
        .evaluate((editor, at) => (editor as CodeEditorElement).value.split('\n')[at - 1], number)
    // A keyboard user presses Tab to reach the first blank, then types its answer.
    await page.keyboard.press('Tab')
    await page.keyboard.type('null')
    expect(await line(16)).toBe('loginManager.userLoader(async (id) => users.get(id) ?? null)')
    // A quote or a bracket typed as the first character of a blank, closed by hand, once.
    await page.keyboard.press('Tab')
    await page.keyboard.type("login('x')")
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    // This blank sits inside quotes already: what is typed lands once, with nothing added.
    await page.keyboard.type("r'e")
    expect(await line(30)).toBe("  await login('x')(c, user, { remember: form['r'e'] === 'on' })")
    await page.keyboard.press('Tab')
    await page.keyboard.type('(guard)')
    expect(await line(34)).toContain("app.get('/dashboard', (guard)<User>()")
    await context.close()
  })
})

describe('open editors and accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(
      `axe finds no violations with every editor open and one focused, ${colorScheme} theme, and the focused editor shows a focus ring`,
      { timeout: 180_000 },
      async () => {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 900 },
          colorScheme,
          // Without smooth scrolling, so axe reads each element where it is, not where it was.
          reducedMotion: 'reduce',
        })
        const page = await openLesson(context, '/lessons/the-login-manager/')
        for (const slug of ['fix-the-user-loader', 'complete-the-login-flow'])
          await openEditor(panel(page, slug))
        await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
        const results = await axeBuilder(page).withTags(wcagTags).analyze()
        expect(
          results.violations.map(
            (result) =>
              `${result.id}: ${result.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join(', ')}`,
          ),
        ).toEqual([])
        const ring = await panel(page, 'complete-the-login-flow')
          .locator('.editor-box')
          .evaluate((box) => {
            const style = getComputedStyle(box)
            return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
          })
        expect(ring.style).not.toBe('none')
        expect(ring.width).toBeGreaterThanOrEqual(2)
        await context.close()
      },
    )
  }
})
