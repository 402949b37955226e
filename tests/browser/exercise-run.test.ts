import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeEditorElement } from '../../src/elements/code-editor'
import { launchChromium } from './chromium'
import { desktop, eventually, openEditor, openLesson, panel } from './lesson-page'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('running code', () => {
  it('runs in the page within seconds when the learner chose a WebContainer that cannot boot, and says so, also after a reload', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/how-a-login-works/')
    const example = panel(page, 'manual-session-login')
    const choice = example.locator('[data-runtime-choice]')
    expect(await choice.locator('option').allTextContents()).toEqual([
      'automatically (the best your browser offers)',
      'in this page (quick, works offline)',
      'in real Node, inside your browser (needs the internet)',
    ])
    await choice.selectOption('webcontainer')
    for (const reload of [false, true]) {
      if (reload) await page.reload()
      const run = panel(page, 'manual-session-login')
      await eventually(() => run.getAttribute('data-ready')).toBe('true')
      await run.locator('[data-action="check"]').click()
      // Offline the boot never settles and times out after 20 s; the run must not wait for it.
      await eventually(() => run.locator('.terminal li').count(), { timeout: 10_000 }).toBe(5)
      expect(await run.locator('[data-runtime-note]').textContent()).toContain(
        'checks run in this page',
      )
    }
    await context.close()
  })
})

describe('comparing with the solution', () => {
  it('ignores formatting: only the line that really differs is marked', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    await openEditor(exercise)
    // The solution, with its three-line dashboard route on one line and one real mistake.
    const code = readFileSync('exercises/complete-the-login-flow/solution/app.ts', 'utf8')
      .replace(/\(c\) =>\n\s+(c\.text\(.*\)),\n\)/, '(c) => $1)')
      .replace('remember: true', 'remember: false')
    expect(code).toContain("app.get('/dashboard', loginRequired<User>(), (c) => c.text(")
    await exercise
      .locator('code-editor[data-path="app.ts"]')
      .evaluate((editor, text) => ((editor as CodeEditorElement).value = text), code)
    await exercise.locator('[data-action="check"]').click()
    await eventually(() => exercise.locator('.results-heading').textContent()).toMatch(
      /checks pass$/,
    )
    await exercise.locator('[data-action="diff"]').click()
    const body = exercise.locator('[data-diff-body]')
    expect(await body.locator('.diff-removed').allTextContents()).toEqual([
      expect.stringContaining('remember: false'),
    ])
    expect(await body.locator('.diff-added').allTextContents()).toEqual([
      expect.stringContaining('remember: true'),
    ])
    await context.close()
  })
})

describe('errors in learner code', () => {
  it('gives a syntax error position once', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'fix-the-user-loader')
    await openEditor(exercise)
    const code = readFileSync('exercises/fix-the-user-loader/starter/app.ts', 'utf8')
    await exercise
      .locator('code-editor[data-path="app.ts"]')
      .evaluate(
        (editor, text) => ((editor as CodeEditorElement).value = text),
        `${code}\nconst broken = (\n`,
      )
    await exercise.locator('[data-action="check"]').click()
    const message = exercise.locator('.run-message')
    await eventually(() => message.textContent()).toMatch(
      /^Syntax error in app\.ts: [^()]+ \(app\.ts, line \d+, column \d+\)$/,
    )
    await context.close()
  })
})

describe('grading with blanks left', () => {
  it('fails only the checks that reach a blank, naming it, so filling one blank turns one more check green', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    await openEditor(exercise)
    const heading = exercise.locator('.results-heading')
    await page.keyboard.press('Control+Enter')
    await eventually(() => heading.textContent()).toBe('1 of 7 checks pass')
    const failures = exercise.locator('.checks [data-passed="false"]')
    expect(await failures.first().textContent()).toContain('blank left at app.ts line 34')
    for (const text of await failures.allTextContents())
      expect(text).toMatch(/blank left at app\.ts line (30|34)/)
    // Fill the dashboard's blank only: the anonymous visitor now gets 401.
    const code = await exercise
      .locator('code-editor[data-path="app.ts"]')
      .evaluate((editor) => (editor as CodeEditorElement).value)
    await exercise
      .locator('code-editor[data-path="app.ts"]')
      .evaluate(
        (editor, text) => ((editor as CodeEditorElement).value = text),
        code.replace("'/dashboard', ___<User>()", "'/dashboard', loginRequired<User>()"),
      )
    await page.keyboard.press('Control+Enter')
    await eventually(() => heading.textContent()).toBe('2 of 7 checks pass')
    expect(await exercise.locator('.checks [data-passed="true"]').first().textContent()).toContain(
      'An anonymous visitor to /dashboard gets 401',
    )
    await context.close()
  })
})
