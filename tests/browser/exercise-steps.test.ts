import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeEditorElement } from '../../src/elements/code-editor'
import { loadExercise } from '../../src/course/exercise-files'
import { launchChromium } from './chromium'
import { desktop, eventually, openLesson, panel } from './lesson-page'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const bundle = loadExercise('capstone-app')
const steps = bundle.meta.steps ?? []

/** Each step's state after `passed` steps have passed: passed ones, the current one, locked ones. */
const expected = (passed: number) =>
  steps.map((_, index) => (index < passed ? 'passed' : index === passed ? 'current' : 'locked'))

describe('a multi-step exercise (the capstone)', () => {
  it('opens its steps in order, each on a pass, and passes end to end in the Worker', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/capstone/')
    const exercise = panel(page, 'capstone-app')
    await eventually(() => exercise.getAttribute('data-ready')).toBe('true')
    const items = exercise.locator('exercise-steps [data-step]')
    const states = () =>
      items.evaluateAll((list) => list.map((item) => (item as HTMLElement).dataset['state']))
    expect(steps.length).toBe(6)
    expect(await states()).toEqual(expected(0))
    expect(await items.nth(0).getAttribute('aria-current')).toBe('step')
    // A locked step says so instead of showing its task.
    expect(await items.nth(1).locator('[data-step-body]').isHidden()).toBe(true)
    expect(await items.nth(1).locator('[data-step-state]').textContent()).toBe('(locked)')
    // Keyboard: a step's summary takes focus and Enter opens it.
    await items.nth(1).locator('summary').focus()
    await page.keyboard.press('Enter')
    expect(await items.nth(1).locator('details').getAttribute('open')).toBe('')
    expect(await items.nth(1).locator('[data-step-locked]').isVisible()).toBe(true)

    // The starter cannot even start (the schema's blank runs at start-up), so nothing opens.
    const check = exercise.locator('[data-action="check"]')
    const heading = exercise.locator('.results-heading')
    await check.click()
    await eventually(() => heading.textContent()).toBe('Your code stopped with an error')
    expect(await exercise.locator('.run-message').textContent()).toMatch(/blank at db\.ts line/)
    expect(await states()).toEqual(expected(0))
    // The hints are step 1's.
    expect(await exercise.locator('[data-action="hint"] [data-label]').textContent()).toBe(
      `Hint 1 of ${steps[0]?.hints.length}`,
    )

    // The finished code passes one more step with each Check, and the live region says so.
    // Each file's editor takes the finished code, and hands it to the panel's store.
    for (const path of ['app.ts', 'pages.ts', 'db.ts'])
      await exercise
        .locator(`code-editor[data-path="${path}"]`)
        .evaluate(
          (editor, text) => ((editor as CodeEditorElement).value = text),
          readFileSync(`exercises/capstone-app/solution/${path}`, 'utf8'),
        )
    const announce = exercise.locator('[data-announce]')
    let ran = 0
    for (const [index, step] of steps.entries()) {
      ran += step.checks.length
      await check.click()
      await eventually(() => states(), { timeout: 30_000 }).toEqual(expected(index + 1))
      expect(await heading.textContent()).toBe(
        index + 1 < steps.length
          ? `All ${ran} checks so far pass`
          : `All ${ran} checks pass. Well done!`,
      )
      expect(await exercise.locator('.checks li').count()).toBe(ran)
      expect(await announce.textContent()).toContain(`Step ${index + 1}, ${step.title}, passed.`)
      if (index + 1 < steps.length) {
        expect(await announce.textContent()).toContain(
          `Step ${index + 2}, ${steps[index + 1]?.title}, is unlocked.`,
        )
        expect(await exercise.getAttribute('data-passed')).toBe('false')
        // The newly opened step is open, with its own hints.
        expect(
          await items
            .nth(index + 1)
            .locator('details')
            .getAttribute('open'),
        ).toBe('')
        expect(await exercise.locator('[data-action="hint"] [data-label]').textContent()).toBe(
          `Hint 1 of ${steps[index + 1]?.hints.length}`,
        )
      }
    }
    expect(await announce.textContent()).toContain('Every step passes.')
    expect(await exercise.getAttribute('data-passed')).toBe('true')
    expect(await exercise.locator('exercise-steps [data-steps-summary]').textContent()).toBe(
      `All ${steps.length} steps passed`,
    )

    // Every step is saved: after a reload they are all passed and the exercise is too.
    await page.reload()
    const again = panel(page, 'capstone-app')
    await eventually(() => again.getAttribute('data-ready')).toBe('true')
    expect(
      await again
        .locator('exercise-steps [data-step]')
        .evaluateAll((list) => list.map((item) => (item as HTMLElement).dataset['state'])),
    ).toEqual(expected(steps.length))
    const saved = await page.evaluate(() => localStorage.getItem('signed-in:progress'))
    const exerciseProgress = (
      JSON.parse(saved ?? '{}') as {
        lessons: Record<
          string,
          { exercises: Record<string, { passed: boolean; stepsPassed?: object }> }
        >
      }
    ).lessons['capstone']?.exercises['capstone-app']
    expect(exerciseProgress?.passed).toBe(true)
    expect(Object.keys(exerciseProgress?.stepsPassed ?? {})).toEqual(steps.map((step) => step.id))
    await context.close()
  }, 180_000)
})
