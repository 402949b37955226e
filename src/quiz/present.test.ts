import { describe, expect, it } from 'vitest'
import { quizSchema, type Quiz } from '../schemas/quiz'
import { presentOnly, presentQuiz } from './present'
import { createRng, shuffle } from './shuffle'

const letters = 'abcdefgh'.split('')

/** A quiz of eight single-choice questions and one order question per step count 2..5. */
const quiz: Quiz = quizSchema.parse({
  title: 'Shuffling',
  lesson: 'the-login-manager',
  questions: [
    ...letters.map((letter) => ({
      id: `q-${letter}`,
      type: 'single',
      prompt: `Question ${letter}?`,
      explanation: 'Because.',
      options: letters.slice(0, 4).map((id) => ({ id, text: id.toUpperCase() })),
      answer: 'a',
    })),
    ...[2, 3, 4, 5].map((count) => ({
      id: `order-${count}`,
      type: 'order',
      prompt: 'Put them in order.',
      explanation: 'Because.',
      steps: letters.slice(0, count).map((id) => ({ id, text: id })),
    })),
    {
      id: 'typed',
      type: 'text',
      prompt: 'Type it.',
      explanation: 'Because.',
      accept: ['x'],
    },
  ],
})
const fileOrder = quiz.questions.map((question) => question.id)

describe('createRng and shuffle', () => {
  it('repeat for the same seed and differ for another', () => {
    const items = Array.from({ length: 20 }, (_, i) => i)
    expect(shuffle(items, 'a')).toEqual(shuffle(items, 'a'))
    expect(shuffle(items, 'a')).not.toEqual(shuffle(items, 'b'))
    expect(shuffle(items, 7)).toEqual(shuffle(items, 7))
    const random = createRng('seed')
    const again = createRng('seed')
    expect([random(), random(), random()]).toEqual([again(), again(), again()])
  })

  it('gives numbers in [0, 1) and keeps every item exactly once, without changing the input', () => {
    const random = createRng(42)
    for (let i = 0; i < 1000; i++) {
      const value = random()
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThan(1)
    }
    const items = Object.freeze(Array.from({ length: 50 }, (_, i) => i))
    const shuffled = shuffle(items, 'x')
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items)
    expect(shuffled).not.toEqual(items)
  })

  it('pins one known order, so a change to the generator is noticed', () => {
    expect(shuffle([1, 2, 3, 4, 5, 6], 'login-manager-practice#1')).toEqual(
      shuffle([1, 2, 3, 4, 5, 6], 'login-manager-practice#1'),
    )
    expect(createRng(1)()).toBeCloseTo(0.6270739405881613, 12)
  })
})

describe('presentQuiz', () => {
  it('keeps the author’s order of questions and options on the first attempt', () => {
    const first = presentQuiz(quiz, { seed: 'quiz', attempt: 0 })
    expect(first.attempt).toBe(0)
    expect(first.questions).toEqual(fileOrder)
    expect(first.options['q-a']).toEqual(['a', 'b', 'c', 'd'])
    expect(first.options['typed']).toBeUndefined()
  })

  it('is the same for the same seed and attempt, and differs between attempts', () => {
    const retry = presentQuiz(quiz, { seed: 'quiz', attempt: 1 })
    expect(presentQuiz(quiz, { seed: 'quiz', attempt: 1 })).toEqual(retry)
    expect(retry.questions).not.toEqual(fileOrder)
    expect([...retry.questions].sort()).toEqual([...fileOrder].sort())
    const second = presentQuiz(quiz, { seed: 'quiz', attempt: 2 })
    expect(second.questions).not.toEqual(retry.questions)
    expect(presentQuiz(quiz, { seed: 'other', attempt: 1 }).questions).not.toEqual(retry.questions)
  })

  it('shuffles options on retries, each question with its own order', () => {
    const retry = presentQuiz(quiz, { seed: 'quiz', attempt: 1 })
    const orders = letters.map((letter) => retry.options[`q-${letter}`]?.join(''))
    expect(new Set(orders).size).toBeGreaterThan(1)
    expect(orders.some((order) => order !== 'abcd')).toBe(true)
    for (const order of orders) expect([...(order ?? '')].sort().join('')).toBe('abcd')
  })

  it('never shows an order question already solved, on any attempt or seed', () => {
    for (const seed of ['quiz', 'login-manager-practice', '']) {
      for (let attempt = 0; attempt < 200; attempt++) {
        const { steps } = presentQuiz(quiz, { seed, attempt })
        for (const count of [2, 3, 4, 5]) {
          const shown = steps[`order-${count}`]
          expect(shown).not.toEqual(letters.slice(0, count))
          expect([...(shown ?? [])].sort()).toEqual(letters.slice(0, count))
        }
      }
    }
  })
})

describe('presentOnly', () => {
  it('keeps only the given questions, in the order shown, with their option order', () => {
    const retry = presentQuiz(quiz, { seed: 'quiz', attempt: 1 })
    const keep = ['q-c', 'order-3']
    const review = presentOnly(retry, keep)
    expect(review.questions).toEqual(retry.questions.filter((id) => keep.includes(id)))
    expect(review.options).toEqual({ 'q-c': retry.options['q-c'] })
    expect(review.steps).toEqual({ 'order-3': retry.steps['order-3'] })
    expect(review.attempt).toBe(1)
  })
})
