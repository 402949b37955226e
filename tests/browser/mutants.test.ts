// The exercise graded by mutants, in the Worker: the learner's tests run in an app Worker beside
// each app, and the verdict lists every mutant, caught or missed, with a hint for a missed one.
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

describe('tests graded by mutants', () => {
  it('passes with the solution in the Worker, and names each missed mutant with a hint', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/testing-the-login-flow/')
    const exercise = panel(page, 'test-the-login-flow')
    await openEditor(exercise)
    const editor = exercise.locator('code-editor[data-path="app.test.ts"]')
    const check = exercise.locator('[data-action="check"]')
    const items = exercise.locator('.checks li')

    const lazy = `import { expect, newClient, test } from 'signed-in/testing'
test('logs in', async () => {
  await newClient().postForm('/login', { username: 'Ada', password: 'analytical-engine' })
})
`
    await editor.evaluate((element, text) => ((element as CodeEditorElement).value = text), lazy)
    await check.click()
    await eventually(() => items.count(), { timeout: 60_000 }).toBe(10)
    const missed = exercise.locator('.checks li[data-passed="false"]')
    expect(await missed.count()).toBe(9)
    const text = (await missed.first().textContent()) ?? ''
    expect(text).toMatch(/Mutant: .+Missed: every one of your tests passed/)
    expect(text).toContain('Hint:')

    const solution = readFileSync('exercises/test-the-login-flow/solution/app.test.ts', 'utf8')
    await editor.evaluate(
      (element, text) => ((element as CodeEditorElement).value = text),
      solution,
    )
    await check.click()
    await eventually(() => exercise.getAttribute('data-passed'), { timeout: 60_000 }).toBe('true')
    expect(await exercise.locator('.checks li[data-passed="true"]').count()).toBe(10)
    // A caught mutant says so in words, and names the test that caught it.
    const caught = exercise
      .locator('.checks li[data-passed="true"]')
      .filter({ hasText: /Mutant: .+Caught by "/ })
    expect(await caught.count()).toBe(9)
    await context.close()
  }, 180_000)
})
