import { describe, expect, it } from 'vitest'
import {
  INTERVAL_DAYS,
  dueItems,
  nextDue,
  recordQuizAnswer,
  recordReviewAnswer,
  reviewKey,
  type ReviewState,
} from './schedule'

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000)
const key = reviewKey('quiz', 'q1')

describe('spaced review schedule', () => {
  it('a missed quiz question is due one day later, and a right quiz answer changes nothing', () => {
    const state = recordQuizAnswer({}, 'quiz', 'q1', false, day(0))
    expect(state[key]).toEqual({
      quiz: 'quiz',
      question: 'q1',
      stage: 0,
      due: day(1).toISOString(),
    })
    expect(recordQuizAnswer(state, 'quiz', 'q1', true, day(0))).toBe(state)
    expect(recordQuizAnswer({}, 'quiz', 'q2', true, day(0))).toEqual({})
  })

  it('right answers in review wait 1, 3, 7 and 21 days, then the question is learned', () => {
    let state: ReviewState = recordQuizAnswer({}, 'quiz', 'q1', false, day(0))
    let now = 0
    const waits: number[] = []
    while (state[key]) {
      const due = Date.parse(state[key].due)
      waits.push(Math.round((due - day(now).getTime()) / 86_400_000))
      now = Math.round((due - day(0).getTime()) / 86_400_000)
      expect(dueItems(state, day(now - 0.01))).toEqual([])
      expect(dueItems(state, day(now)).map((item) => item.key)).toEqual([key])
      state = recordReviewAnswer(state, key, true, day(now))
    }
    expect(waits).toEqual([...INTERVAL_DAYS])
    expect(state).toEqual({})
  })

  it('a wrong answer in review starts over at one day', () => {
    let state = recordQuizAnswer({}, 'quiz', 'q1', false, day(0))
    state = recordReviewAnswer(state, key, true, day(1))
    state = recordReviewAnswer(state, key, true, day(4))
    expect(state[key]?.stage).toBe(2)
    state = recordReviewAnswer(state, key, false, day(11))
    expect(state[key]).toMatchObject({ stage: 0, due: day(12).toISOString() })
  })

  it('a quiz miss of a question already in review starts it over too', () => {
    let state = recordQuizAnswer({}, 'quiz', 'q1', false, day(0))
    state = recordReviewAnswer(state, key, true, day(1))
    state = recordQuizAnswer(state, 'quiz', 'q1', false, day(2))
    expect(state[key]).toMatchObject({ stage: 0, due: day(3).toISOString() })
  })

  it('lists due questions longest overdue first, ignores unknown keys, and finds the next one', () => {
    let state = recordQuizAnswer({}, 'quiz', 'late', false, day(5))
    state = recordQuizAnswer(state, 'quiz', 'early', false, day(2))
    expect(dueItems(state, day(10)).map((item) => item.question)).toEqual(['early', 'late'])
    expect(recordReviewAnswer(state, 'quiz/none', true, day(10))).toBe(state)
    expect(nextDue(state)).toBe(day(3).toISOString())
    expect(nextDue({})).toBeNull()
  })
})
