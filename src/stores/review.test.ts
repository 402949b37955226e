import { keepMount } from 'nanostores'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createProgressStore } from './progress'
import { createQuizStore } from './quiz'
import { createReviewStore } from './review'

const question = {
  id: 'pick',
  type: 'single' as const,
  prompt: 'Pick b.',
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
  answer: 'b',
  explanation: 'B it is.',
}
const quiz = { slug: 'q', lesson: 'l', passThreshold: 0.8, questions: [question] }
const start = new Date('2026-01-01T00:00:00Z')
const later = (days: number) => new Date(start.getTime() + days * 86_400_000)
let key = 0
const fresh = () => createProgressStore(`review-test-${key++}`, { storageWorks: () => true })

// The quiz store stamps answers with the real clock, so the tests move it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(start)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('review store', () => {
  it('a miss recorded by the quiz store is due a day later; right answers space it out', () => {
    const progress = fresh()
    const review = createReviewStore(progress)
    keepMount(review.$due)
    createQuizStore(quiz, progress).answer('pick', 'a')
    expect(review.$due.get()).toEqual([])
    expect(review.$nextDue.get()).toBe(later(1).toISOString())

    vi.setSystemTime(later(1))
    const afterOneDay = createReviewStore(progress)
    expect(afterOneDay.$due.get().map((item) => item.key)).toEqual(['q/pick'])
    afterOneDay.answer('q/pick', true)
    expect(progress.$progress.get().review?.['q/pick']).toMatchObject({ stage: 1 })
    expect(afterOneDay.$due.get()).toEqual([])
  })

  it('a right quiz answer puts nothing in review, and 0 due is an empty list', () => {
    const progress = fresh()
    createQuizStore(quiz, progress).answer('pick', 'b')
    const review = createReviewStore(progress)
    expect(review.$due.get()).toEqual([])
    expect(review.$nextDue.get()).toBeNull()
    expect(progress.$progress.get().review).toBeUndefined()
  })

  it('the schedule travels with export and import, and reset clears it', () => {
    const progress = fresh()
    createQuizStore(quiz, progress).answer('pick', 'a')
    const exported = progress.exportJson()
    expect(JSON.parse(exported).review['q/pick'].stage).toBe(0)
    const other = fresh()
    expect(other.importJson(exported)).toEqual({ ok: true })
    expect(other.$progress.get().review?.['q/pick']?.due).toBe(
      progress.$progress.get().review?.['q/pick']?.due,
    )
    other.reset()
    expect(other.$progress.get().review).toBeUndefined()
  })
})
