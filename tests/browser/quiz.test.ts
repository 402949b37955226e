import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { passMark, percentOf, presentQuiz } from '../../src/quiz/engine'
import { parseQuizFile, type Question } from '../../src/schemas/quiz'
import { axeBuilder, wcagTags } from './axe'
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

const slug = 'login-manager-practice'

async function openQuiz(path = `/quizzes/${slug}/`): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(`${inject('baseUrl')}${path}`)
  await page.waitForSelector('quiz-form button[type="submit"]:not([disabled])')
  return page
}

const q = (page: Page, id: string) => page.locator(`[data-question="${id}"]`)

/** What the live region says now. */
const announced = (page: Page) => page.locator('quiz-form [data-announce]').textContent()

/** Whether the focused element matches `selector`. */
const focusIs = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)

/**
 * Axe's WCAG rules plus two best-practice rules about headings: one `h1` per page, and no skipped
 * levels. Fails on any violation, and checks that the heading rules really ran.
 */
async function expectNoAxeViolations(page: Page) {
  const headingRules = ['page-has-heading-one', 'heading-order']
  const results = await axeBuilder(page)
    .options({ rules: Object.fromEntries(headingRules.map((id) => [id, { enabled: true }])) })
    .withTags(wcagTags)
    .analyze()
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join('; ')}`,
    ),
  ).toEqual([])
  expect(results.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(headingRules))
}

/** The quiz's headings, as `h1 Title`, in page order (hidden ones left out). */
const quizHeadings = (page: Page) =>
  page
    .locator('quiz-form :is(h1, h2, h3, h4, h5, h6):visible')
    .evaluateAll((hs) => hs.map((h) => `${h.tagName.toLowerCase()} ${h.textContent?.trim()}`))

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
  // Axe alone takes seconds per page on a busy machine, and these answer the quiz more than once.
  const slow = { timeout: 120_000 }

  it(
    'passes with every answer right, announces the score, and keeps the best score after a lower retry and a reload',
    slow,
    async () => {
      const page = await openQuiz()
      const mark = passMark(quiz)
      expect(await page.locator('[data-pass-mark]').textContent()).toBe(
        `${mark.total} questions. You pass with ${mark.correctNeeded} of ${mark.total} right (${mark.percent}%).`,
      )
      for (const question of quiz.questions) {
        await answer(page, question)
        // The verdict has the focus, so it is read from there and not repeated in the live region.
        expect(await focusIs(page, `[data-question="${question.id}"] [data-verdict]`)).toBe(true)
        if (question !== quiz.questions.at(-1)) expect(await announced(page)).toBe('')
      }
      expect(await page.locator('[data-summary-title]').textContent()).toBe('Passed: 100%')
      expect(await announced(page)).toBe(
        `Passed: 100%. ${quiz.questions.length} of ${quiz.questions.length} right. Well done. Your best score is kept.`,
      )
      expect(await page.locator('[data-review]').isHidden()).toBe(true)
      // Axe checks this page, summary showing, in the wrong-answer test below.
      expect(await quizHeadings(page)).toEqual([`h1 ${quiz.title}`, 'h2 Passed: 100%'])

      // A lower second attempt: enough wrong answers to fail.
      await page.locator('[data-retry]').click()
      expect(await focusIs(page, '.quiz-title')).toBe(true)
      expect(await announced(page)).toBe('New attempt: the questions and options are shuffled.')
      const wrongCount = mark.total - mark.correctNeeded + 1
      for (const [index, question] of quiz.questions.entries())
        await answer(page, question, index < wrongCount)
      const lower = percentOf((mark.total - wrongCount) / mark.total)
      expect(await announced(page)).toBe(
        `Not passed yet: ${lower}%. ${mark.total - wrongCount} of ${mark.total} right. You need ${mark.percent}% (${mark.correctNeeded} right) to pass. Your best score is kept.`,
      )
      expect(await page.locator('[data-best]').textContent()).toBe(
        'Your best score: 100% (passed), after 2 attempts.',
      )

      await page.reload()
      await page.waitForSelector('quiz-form button[type="submit"]:not([disabled])')
      expect(await page.locator('[data-best]').textContent()).toBe(
        'Your best score: 100% (passed), after 2 attempts.',
      )
      // The third attempt's order: the seeded sequence goes on after a reload.
      const order = await page
        .locator('[data-question]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['question']))
      expect(order).toEqual(presentQuiz(quiz, { seed: slug, attempt: 2 }).questions)
      await page.context().close()
    },
  )

  it('says when Check is pressed with no answer, and leaves the focus on the button', async () => {
    const page = await openQuiz()
    const first = q(page, quiz.questions[0]!.id)
    await first.locator('button[type="submit"]').click()
    expect(await announced(page)).toBe('Choose or type an answer first.')
    expect(
      await focusIs(page, `[data-question="${quiz.questions[0]!.id}"] button[type="submit"]`),
    ).toBe(true)
    expect(await first.locator('[data-verdict]').textContent()).toContain(
      'Choose or type an answer first.',
    )
    await page.context().close()
  })

  it(
    'has one h1 and no skipped heading levels in the lesson that holds the quiz',
    slow,
    async () => {
      const page = await openQuiz(`/lessons/${quiz.lesson}/`)
      expect(await quizHeadings(page)).toEqual([`h3 ${quiz.title}`])
      for (const question of quiz.questions) await answer(page, question)
      expect(await quizHeadings(page)).toEqual([`h3 ${quiz.title}`, 'h4 Passed: 100%'])
      expect(await announced(page)).toMatch(/^Passed: 100%\. /)
      await expectNoAxeViolations(page)
      await page.context().close()
    },
  )

  it(
    'shows the explanation and feedback for a wrong answer, scores below 100%, and reviews the mistake',
    slow,
    async () => {
      const page = await openQuiz()
      const [first, ...rest] = quiz.questions
      await answer(page, first!, true)
      const verdict = q(page, first!.id).locator('[data-verdict]')
      expect(await verdict.textContent()).toContain('Not quite.')
      expect(await verdict.textContent()).toContain(first!.explanation.slice(0, 40))
      expect(
        await q(page, first!.id).locator('[data-state="right"] .option-state').textContent(),
      ).toBe('Right answer')
      for (const question of rest) await answer(page, question)
      expect(await page.locator('[data-summary-title]').textContent()).toBe(
        `Passed: ${percentOf(rest.length / quiz.questions.length)}%`,
      )
      await expectNoAxeViolations(page)

      await page.locator('[data-review]').click()
      expect(await announced(page)).toBe('Reviewing 1 question not answered right.')
      expect(await page.locator('[data-question]:not([hidden])').count()).toBe(1)
      expect(await q(page, first!.id).locator('[data-verdict]').isHidden()).toBe(true)
      await answer(page, first!)
      expect(await q(page, first!.id).locator('[data-verdict]').textContent()).toContain('Correct.')

      await page.locator('[data-retry]').click()
      expect(await page.locator('[data-question]:not([hidden])').count()).toBe(
        quiz.questions.length,
      )
      const order = await page
        .locator('[data-question]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['question']))
      expect(order).not.toEqual(quiz.questions.map((question) => question.id))
      await page.context().close()
    },
  )

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

describe('an unfinished attempt', () => {
  it('keeps the answers given across a reload, shows them, and resumes at the first unanswered', async () => {
    const page = await openQuiz()
    const [first, second, third, text, multiple] = quiz.questions
    const order = quiz.questions.find((question) => question.type === 'order')!
    const given = [first!, second!, text!, multiple!, order]
    for (const question of given) await answer(page, question, question === second)
    expect(await page.locator('[data-resume]').isHidden()).toBe(true)

    await page.reload()
    await page.waitForSelector('quiz-form button[type="submit"]:not([disabled])')
    // Drawing the kept answers does not take the focus (the browser restores the scroll itself).
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
    for (const question of given) {
      expect(await q(page, question.id).getAttribute('data-result'), question.id).toBe(
        question === second ? 'incorrect' : 'correct',
      )
      expect(await q(page, question.id).locator('[data-verdict]').isVisible()).toBe(true)
    }
    // What the learner chose shows again, as it was.
    if (first!.type === 'single')
      expect(
        await q(page, first!.id).locator(`[data-option="${first!.answer}"] input`).isChecked(),
      ).toBe(true)
    expect(await q(page, text!.id).locator('input[type="text"]').inputValue()).toBe(
      'await currentUser(c)',
    )
    expect(
      await q(page, order.id)
        .locator('[data-step]')
        .evaluateAll((steps) => steps.map((s) => (s as HTMLElement).dataset['step'])),
    ).toEqual(order.type === 'order' ? order.steps.map((step) => step.id) : [])
    expect(await q(page, third!.id).getAttribute('data-result')).toBe('')
    expect(await page.locator('[data-resume-text]').textContent()).toBe(
      'Welcome back: your 5 answers from last time are kept.',
    )
    const resume = page.locator('[data-resume-go]')
    expect(await resume.textContent()).toBe('Continue at question 3')
    await resume.click()
    expect(await focusIs(page, `[data-question="${third!.id}"] input`)).toBe(true)

    // Finishing scores the kept answers with the new ones, and forgets the draft.
    for (const question of quiz.questions.filter((question) => !given.includes(question)))
      await answer(page, question)
    const total = quiz.questions.length
    expect(await page.locator('[data-summary-title]').textContent()).toBe(
      `Passed: ${percentOf((total - 1) / total)}%`,
    )
    expect(await page.locator('[data-resume]').isHidden()).toBe(true)
    await page.reload()
    await page.waitForSelector('quiz-form button[type="submit"]:not([disabled])')
    expect(await page.locator('quiz-form [data-result="correct"]').count()).toBe(0)
    expect(await page.locator('[data-resume]').isHidden()).toBe(true)
    await page.context().close()
  })
})

describe('an order question', () => {
  it('is served in the order its first attempt shows, never already solved', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${inject('baseUrl')}/quizzes/${slug}/`)
    const orders = quiz.questions.filter((question) => question.type === 'order')
    expect(orders.length).toBeGreaterThan(0)
    const shown = presentQuiz(quiz, { seed: slug, attempt: 0 }).steps
    for (const question of orders) {
      const served = await q(page, question.id)
        .locator('[data-step]')
        .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step')))
      expect(served).toEqual(shown[question.id])
      expect(served).not.toEqual(question.steps.map((step) => step.id))
    }
    await context.close()
  })

  it('announces each move, keeping focus on the button without ever losing it', async () => {
    const page = await openQuiz()
    const order = quiz.questions.find((question) => question.type === 'order')!
    const steps = q(page, order.id).locator('[data-step]')
    const ids = () =>
      steps.evaluateAll((all) => all.map((s) => (s as HTMLElement).dataset['step'] ?? ''))
    const before = await ids()
    const moving = before[1]!
    const text = (
      await q(page, order.id).locator(`[data-step="${moving}"] .step-text`).textContent()
    )?.trim()
    const up = q(page, order.id).locator(`[data-step="${moving}"] [data-move="-1"]`)
    await up.focus()
    // A blur would mean the button left the document for a moment: a screen reader then reads the
    // newly focused button and drops the polite announcement.
    await up.evaluate((button) => {
      button.addEventListener('blur', () => document.body.setAttribute('data-blurred', 'yes'))
    })
    await page.keyboard.press('Enter')
    expect(await ids()).toEqual([moving, before[0], ...before.slice(2)])
    expect(await announced(page)).toBe(`${text} is now step 1 of ${before.length}.`)
    await page.keyboard.press('Enter')
    expect(await announced(page)).toBe('Already first.')
    expect(await page.locator('body').getAttribute('data-blurred')).toBeNull()
    const down = q(page, order.id).locator(`[data-step="${moving}"] [data-move="1"]`)
    await down.focus()
    await page.evaluate(() => document.body.removeAttribute('data-blurred'))
    await down.evaluate((button) => {
      button.addEventListener('blur', () => document.body.setAttribute('data-blurred', 'yes'))
    })
    await page.keyboard.press('Enter')
    expect(await ids()).toEqual(before)
    expect(await announced(page)).toBe(`${text} is now step 2 of ${before.length}.`)
    expect(await focusIs(page, `[data-step="${moving}"] [data-move="1"]`)).toBe(true)
    expect(await page.locator('body').getAttribute('data-blurred')).toBeNull()
    await page.context().close()
  })
})
