import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
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
      .replace("form['remember'] === 'on'", "form['remember'] === 'yes'")
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
      expect.stringContaining("form['remember'] === 'yes'"),
    ])
    expect(await body.locator('.diff-added').allTextContents()).toEqual([
      expect.stringContaining("form['remember'] === 'on'"),
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
      /^Your code could not start: Syntax error in app\.ts: [^()]+ \(app\.ts, line \d+, column \d+\)$/,
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

describe('after a run', () => {
  it('keeps focus on Run and announces the output through the live region', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/how-a-login-works/')
    const example = panel(page, 'manual-session-login')
    await example.locator('[data-action="check"]').focus()
    await page.keyboard.press('Enter')
    await eventually(() => example.locator('[data-announce]').textContent()).toBe(
      'Output. 401. Logged in as ada. Welcome to your dashboard, ada!. Logged out. 401',
    )
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'check',
    )
    // Output lines are numbered by request, with no shell prompt in front of them.
    expect(
      await example
        .locator('.terminal li')
        .evaluateAll((lines) => lines.map((line) => getComputedStyle(line, '::before').content)),
    ).toEqual(Array.from({ length: 5 }, () => 'counter(list-item) "  "'))
    await context.close()
  })

  it('says what usually causes a time-out', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'fix-the-user-loader')
    await openEditor(exercise)
    const code = readFileSync('exercises/fix-the-user-loader/starter/app.ts', 'utf8')
    await exercise
      .locator('code-editor[data-path="app.ts"]')
      .evaluate(
        (editor, text) => ((editor as CodeEditorElement).value = text),
        code.replace('export default app', 'while (Date.now() > 0) {}\nexport default app'),
      )
    await exercise.locator('[data-action="check"]').click()
    await eventually(() => exercise.locator('.run-message').textContent(), {
      timeout: 30_000,
    }).toMatch(/ran for more than \d+ seconds without answering.*a loop that never ends/)
    await context.close()
  })
})

describe('the live preview frame', () => {
  it('is not in the page until a preview is asked for, so no sandbox warning is logged', async () => {
    const context = await desktop(browser)
    const page = await context.newPage()
    const warnings: string[] = []
    page.on('console', (message) => {
      if (message.text().includes('sandbox')) warnings.push(message.text())
    })
    await page.goto(`${inject('baseUrl')}/lessons/the-login-manager/`)
    await eventually(() => panel(page, 'fix-the-user-loader').getAttribute('data-ready')).toBe(
      'true',
    )
    expect(await page.locator('iframe').count()).toBe(0)
    expect(warnings).toEqual([])
    await context.close()
  })
})

describe('the solution', () => {
  it('says why it is locked, and a pass after viewing it is recorded and shown as such', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    await openEditor(exercise)
    const solutionButton = exercise.locator('[data-action="solution"]')
    const note = exercise.locator('[data-solution-note]')
    await page.keyboard.press('Control+Enter')
    await eventually(() => exercise.locator('.results-heading').textContent()).toBe(
      '1 of 7 checks pass',
    )
    expect(await solutionButton.isDisabled()).toBe(true)
    expect(await note.isVisible()).toBe(true)
    expect(await note.textContent()).toContain('once you have checked code of your own')
    expect(await solutionButton.getAttribute('aria-describedby')).toBe(
      await note.getAttribute('id'),
    )
    const code = readFileSync('exercises/complete-the-login-flow/solution/app.ts', 'utf8')
    await exercise
      .locator('code-editor[data-path="app.ts"]')
      .evaluate(
        (editor, text) => ((editor as CodeEditorElement).value = text),
        code.replace("form['remember'] === 'on'", "form['remember'] === 'yes'"),
      )
    await page.keyboard.press('Control+Enter')
    await eventually(() => solutionButton.isDisabled()).toBe(false)
    expect(await note.isVisible()).toBe(false)
    page.once('dialog', (dialog) => void dialog.accept())
    await solutionButton.click()
    await exercise.locator('[data-action="check"]').click()
    await eventually(() => exercise.getAttribute('data-passed')).toBe('true')
    await page.goto(`${inject('baseUrl')}/progress/`)
    await eventually(() =>
      page
        .locator('[data-list="exercises"] [data-item="complete-the-login-flow"] [data-state]')
        .textContent(),
    ).toMatch(/^Passed after viewing the solution on /)
    await context.close()
  })
})

describe('after a pass', () => {
  it('offers the next step: the next exercise, then the quiz', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    for (const [slug, next] of [
      ['complete-the-login-flow', '#exercise-fix-the-user-loader-title'],
      ['fix-the-user-loader', '#quiz-login-manager-practice-title'],
    ] as const) {
      const exercise = panel(page, slug)
      await openEditor(exercise)
      const solution = readFileSync(`exercises/${slug}/solution/app.ts`, 'utf8')
      await exercise
        .locator('code-editor[data-path="app.ts"]')
        .evaluate((editor, text) => ((editor as CodeEditorElement).value = text), solution)
      await exercise.locator('[data-action="check"]').click()
      const link = exercise.locator('.next-step a')
      await eventually(() => link.getAttribute('href')).toBe(next)
    }
    expect(await panel(page, 'fix-the-user-loader').locator('.next-step').textContent()).toMatch(
      /^Next: the quiz “.+”$/,
    )
    await context.close()
  })
})
