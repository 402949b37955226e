import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSeededPages } from './seeded-page'

const { newPage } = useSeededPages()

const saved = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('signed-in:progress') ?? '{}'))

const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()

describe('spaced review', () => {
  it('a question missed in a quiz enters review, due a day later; nothing is due yet', async () => {
    const { page, errors } = await newPage()
    await page.goto('/quizzes/login-manager-practice/')
    await page.waitForSelector('quiz-form button[type="submit"]:not([disabled])')
    const question = page.locator('[data-question="log-in-call"]')
    await question.locator('[data-option="session-set"] input').check()
    await question.getByRole('button', { name: 'Check answer' }).click()
    const item = (await saved(page)).review['login-manager-practice/log-in-call']
    expect(item.stage).toBe(0)
    expect(Date.parse(item.due) - Date.now()).toBeGreaterThan(86_400_000 - 60_000)
    expect(Date.parse(item.due) - Date.now()).toBeLessThanOrEqual(86_400_000)

    await page.goto('/')
    await page.waitForFunction(() => customElements.get('review-count'))
    expect(await page.locator('review-count').isHidden()).toBe(true)
    await page.goto('/review/')
    await expect
      .poll(() => page.locator('review-session [data-status]').textContent())
      .toMatch(/^Nothing is due\. The next question comes back on /)
    expect(errors).toEqual([])
  })

  it('brings due questions back: right moves to the next interval, wrong starts over', async () => {
    const { page, errors } = await newPage({
      progress: {
        version: 1,
        lessons: {},
        lastLesson: null,
        review: {
          'login-manager-practice/log-in-call': {
            quiz: 'login-manager-practice',
            question: 'log-in-call',
            stage: 0,
            due: past(2),
          },
          'login-manager-practice/what-it-manages': {
            quiz: 'login-manager-practice',
            question: 'what-it-manages',
            stage: 3,
            due: past(1),
          },
        },
      },
    })
    await page.goto('/')
    await expect
      .poll(() => page.locator('review-count').textContent())
      .toMatch(/2 questions\s+due for review/)
    await page.locator('review-count a').click()
    await page.waitForURL(/\/review\/$/)
    const status = page.locator('review-session [data-status]')
    await expect.poll(() => status.textContent()).toBe('2 questions due.')

    const first = page.locator('[data-key="login-manager-practice/log-in-call"]')
    expect(await first.isVisible()).toBe(true)
    expect(await page.locator('[data-key]:visible').count()).toBe(1)
    await first.locator('input[value="login-user"]').check()
    await first.getByRole('button', { name: 'Check answer' }).click()
    expect(await first.locator('[data-verdict]').textContent()).toMatch(
      /^Right\. It comes back in 3 days\./,
    )
    expect((await saved(page)).review['login-manager-practice/log-in-call'].stage).toBe(1)

    await page.getByRole('button', { name: 'Next question' }).click()
    const second = page.locator('[data-key="login-manager-practice/what-it-manages"]')
    expect(await second.isVisible()).toBe(true)
    await second.locator('input[value="routing"]').check()
    await second.getByRole('button', { name: 'Check answer' }).click()
    expect(await second.locator('[data-verdict]').textContent()).toMatch(
      /^Not quite\. It comes back tomorrow\./,
    )
    const after = (await saved(page)).review['login-manager-practice/what-it-manages']
    expect(after.stage).toBe(0)

    await page.getByRole('button', { name: 'Next question' }).click()
    expect(await status.textContent()).toMatch(/^Nothing is due\./)
    expect(await page.locator('[data-key]:visible').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('a right answer after the 21-day wait retires the question', async () => {
    const { page } = await newPage({
      progress: {
        version: 1,
        lessons: {},
        lastLesson: null,
        review: {
          'login-manager-practice/log-in-call': {
            quiz: 'login-manager-practice',
            question: 'log-in-call',
            stage: 3,
            due: past(1),
          },
        },
      },
    })
    await page.goto('/review/')
    const first = page.locator('[data-key="login-manager-practice/log-in-call"]')
    await first.locator('input[value="login-user"]').check()
    await first.getByRole('button', { name: 'Check answer' }).click()
    expect(await first.locator('[data-verdict]').textContent()).toMatch(/learned/)
    expect((await saved(page)).review).toEqual({})
  })
})
