import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { parseQuizFile, type Question } from '../../src/schemas/quiz'
import { launchChromium } from './chromium'

const quiz = parseQuizFile(
  'quizzes/login-manager-practice.yaml',
  readFileSync('quizzes/login-manager-practice.yaml', 'utf8'),
)
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function openQuiz(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(`${inject('baseUrl')}/quizzes/login-manager-practice/`)
  await page.waitForSelector('quiz-form button[type="submit"]:not([disabled])')
  return page
}

const q = (page: Page, id: string) => page.locator(`[data-question="${id}"]`)

/** Answer with the mouse; `wrong` picks a wrong answer instead. */
async function answer(page: Page, question: Question, wrong = false) {
  const element = q(page, question.id)
  switch (question.type) {
    case 'single':
    case 'predict': {
      const choice = wrong
        ? question.options.find((o) => o.id !== question.answer)!.id
        : question.answer
      await element.locator(`[data-option="${choice}"] input`).check()
      break
    }
    case 'multiple':
      for (const id of wrong
        ? [question.options.find((o) => !question.answers.includes(o.id))!.id]
        : question.answers) {
        await element.locator(`[data-option="${id}"] input`).check()
      }
      break
    case 'text':
      await element.locator('input[type="text"]').fill(wrong ? 'nope' : 'await currentUser(c)')
      break
    case 'order':
      for (const [target, step] of question.steps.entries()) {
        for (;;) {
          const order = await element
            .locator('[data-step]')
            .evaluateAll((steps) => steps.map((s) => (s as HTMLElement).dataset['step']))
          if (order.indexOf(step.id) <= target) break
          await element.locator(`[data-step="${step.id}"] [data-move="-1"]`).click()
        }
      }
  }
  await element.locator('button[type="submit"]').click()
  await element.locator('[data-verdict]:not([hidden])').waitFor()
}

describe('the practice quiz', () => {
  it('passes with every answer right, and keeps the best score after a reload', async () => {
    const page = await openQuiz()
    for (const question of quiz.questions) await answer(page, question)
    const title = page.locator('[data-summary-title]')
    expect(await title.textContent()).toBe('Passed: 100%')
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-summary-title')),
    ).toBe(true)
    expect(await page.locator('[data-review]').isHidden()).toBe(true)
    await page.reload()
    await expect
      .poll(() => page.locator('[data-best]').textContent())
      .toBe('Your best score: 100% (passed), after 1 attempt.')
    await page.context().close()
  })

  it('shows the explanation and feedback for a wrong answer, scores below 100%, and reviews the mistake', async () => {
    const page = await openQuiz()
    const [first, ...rest] = quiz.questions
    await answer(page, first!, true)
    const verdict = q(page, first!.id).locator('[data-verdict]')
    expect(await verdict.textContent()).toContain('Not quite.')
    expect(await verdict.textContent()).toContain('It keeps the logged-in user')
    expect(
      await q(page, first!.id).locator('[data-state="right"] .option-state').textContent(),
    ).toBe('Right answer')
    for (const question of rest) await answer(page, question)
    expect(await page.locator('[data-summary-title]').textContent()).toBe(
      `Passed: ${Math.floor((rest.length / quiz.questions.length) * 100)}%`,
    )

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])

    await page.locator('[data-review]').click()
    expect(await page.locator('[data-question]:not([hidden])').count()).toBe(1)
    expect(await q(page, first!.id).locator('[data-verdict]').isHidden()).toBe(true)
    await answer(page, first!)
    expect(await q(page, first!.id).locator('[data-verdict]').textContent()).toContain('Correct.')

    await page.locator('[data-retry]').click()
    expect(await page.locator('[data-question]:not([hidden])').count()).toBe(quiz.questions.length)
    const order = await page
      .locator('[data-question]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['question']))
    expect(order).not.toEqual(quiz.questions.map((question) => question.id))
    await page.context().close()
  })

  it('can be completed with the keyboard alone', async () => {
    const page = await openQuiz()
    const focusInside = async (selector: string) => {
      for (let presses = 0; presses < 60; presses++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
          return
        await page.keyboard.press('Tab')
      }
      throw new Error(`Tab never reached ${selector}`)
    }
    for (const question of quiz.questions) {
      const scope = `[data-question="${question.id}"]`
      if (question.type === 'single' || question.type === 'predict') {
        await focusInside(`${scope} input[type="radio"]`)
        const ids = question.options.map((o) => o.id)
        const target = ids.indexOf(question.answer)
        if (target === 0) await page.keyboard.press('Space')
        for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown')
      } else if (question.type === 'multiple') {
        for (const id of question.answers) {
          await focusInside(`${scope} [data-option="${id}"] input`)
          await page.keyboard.press('Space')
        }
      } else if (question.type === 'text') {
        await focusInside(`${scope} input[type="text"]`)
        await page.keyboard.type('currentUser(c)')
      } else if (question.type === 'order') {
        for (const [target, step] of question.steps.entries()) {
          const order = () =>
            page
              .locator(`${scope} [data-step]`)
              .evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset['step']))
          if ((await order()).indexOf(step.id) <= target) continue
          await focusInside(`${scope} [data-step="${step.id}"] [data-move="-1"]`)
          while ((await order()).indexOf(step.id) > target) await page.keyboard.press('Enter')
        }
      }
      await focusInside(`${scope} button[type="submit"]`)
      await page.keyboard.press('Enter')
      await page.locator(`${scope} [data-verdict]:not([hidden])`).waitFor()
      expect(await page.locator(`${scope} [data-verdict]`).textContent(), question.id).toContain(
        'Correct.',
      )
    }
    expect(await page.locator('[data-summary-title]').textContent()).toBe('Passed: 100%')
    await page.context().close()
  })
})
