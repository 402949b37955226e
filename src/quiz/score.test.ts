import { describe, expect, it } from 'vitest'
import { quizSchema, type QuizInput } from '../schemas/quiz'
import { gradeQuestion } from './grade'
import { mistakesOf, passMark, percentOf, scoreQuiz } from './score'

/** A quiz of `count` two-option questions whose right answer is `a`. */
function quizOf(count: number, extra: Partial<QuizInput> = {}) {
  return quizSchema.parse({
    title: 'Scoring',
    lesson: 'the-login-manager',
    questions: Array.from({ length: count }, (_, i) => ({
      id: `q${i}`,
      type: 'single',
      prompt: `Question ${i}?`,
      explanation: 'Because.',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      answer: 'a',
    })),
    ...extra,
  })
}

/** The first `right` questions right, the rest wrong. */
const results = (count: number, right: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`q${i}`, i < right]))

describe('scoreQuiz', () => {
  it('passes at exactly the default 80% and fails just below', () => {
    const quiz = quizOf(10)
    expect(quiz.passThreshold).toBe(0.8)
    expect(scoreQuiz(quiz, results(10, 8))).toEqual({
      correctCount: 8,
      total: 10,
      score: 0.8,
      percent: 80,
      passed: true,
    })
    expect(scoreQuiz(quiz, results(10, 7))).toMatchObject({ percent: 70, passed: false })
    expect(scoreQuiz(quizOf(5), results(5, 4)).passed).toBe(true)
    expect(scoreQuiz(quizOf(15), results(15, 12)).passed).toBe(true)
    expect(scoreQuiz(quizOf(15), results(15, 11)).passed).toBe(false)
  })

  it('honours a quiz’s own threshold, including its exact boundary', () => {
    expect(scoreQuiz(quizOf(10, { passThreshold: 0.5 }), results(10, 5)).passed).toBe(true)
    expect(scoreQuiz(quizOf(10, { passThreshold: 0.5 }), results(10, 4)).passed).toBe(false)
    expect(scoreQuiz(quizOf(10, { passThreshold: 0.7 }), results(10, 7)).passed).toBe(true)
    expect(scoreQuiz(quizOf(10, { passThreshold: 1 }), results(10, 9)).passed).toBe(false)
    expect(scoreQuiz(quizOf(10, { passThreshold: 0 }), results(10, 0)).passed).toBe(true)
  })

  it('rounds the percentage down to a whole number', () => {
    const thirds = scoreQuiz(quizOf(3), results(3, 2))
    expect(thirds.percent).toBe(66)
    expect(Number.isInteger(thirds.percent)).toBe(true)
    expect(scoreQuiz(quizOf(100), results(100, 29)).percent).toBe(29)
    expect(scoreQuiz(quizOf(13), results(13, 13)).percent).toBe(100)
  })

  it('counts unanswered questions as wrong and takes graded answers as they come', () => {
    const quiz = quizOf(4)
    const [q0, q1] = quiz.questions
    const score = scoreQuiz(quiz, {
      q0: gradeQuestion(q0!, 'a'),
      q1: gradeQuestion(q1!, 'b'),
      q2: true,
    })
    expect(score).toMatchObject({ correctCount: 2, total: 4, score: 0.5, percent: 50 })
    expect(scoreQuiz(quiz, { unknown: true }).correctCount).toBe(0)
  })
})

describe('percentOf', () => {
  it('rounds down, but not below the number floating point means', () => {
    // 0.29 * 100 is 28.999999999999996 in binary floating point: a bare Math.floor says 28.
    expect(Math.floor(0.29 * 100)).toBe(28)
    expect(percentOf(0.29)).toBe(29)
    expect(percentOf(0.57)).toBe(57)
    expect(percentOf(2 / 3)).toBe(66)
    expect(percentOf(0.799)).toBe(79)
    expect(percentOf(0)).toBe(0)
    expect(percentOf(1)).toBe(100)
  })

  it('is the rounding scoreQuiz uses, for every score of up to 50 questions', () => {
    for (let total = 1; total <= 50; total++) {
      for (let right = 0; right <= total; right++) {
        expect(scoreQuiz(quizOf(total), results(total, right)).percent).toBe(
          percentOf(right / total),
        )
      }
    }
  })
})

describe('passMark', () => {
  it('says how many right answers pass, agreeing with scoreQuiz at every threshold', () => {
    expect(passMark(quizOf(14))).toEqual({ percent: 80, correctNeeded: 12, total: 14 })
    expect(passMark(quizOf(10))).toEqual({ percent: 80, correctNeeded: 8, total: 10 })
    expect(passMark(quizOf(10, { passThreshold: 0.29 }))).toEqual({
      percent: 29,
      correctNeeded: 3,
      total: 10,
    })
    expect(passMark(quizOf(4, { passThreshold: 1 })).correctNeeded).toBe(4)
    expect(passMark(quizOf(4, { passThreshold: 0 })).correctNeeded).toBe(0)
    for (const passThreshold of [0, 0.1, 0.29, 0.5, 0.7, 0.75, 0.8, 0.9, 1]) {
      for (const total of [1, 3, 7, 10, 14]) {
        const quiz = quizOf(total, { passThreshold })
        const { correctNeeded } = passMark(quiz)
        expect(scoreQuiz(quiz, results(total, correctNeeded)).passed).toBe(true)
        if (correctNeeded > 0)
          expect(scoreQuiz(quiz, results(total, correctNeeded - 1)).passed).toBe(false)
      }
    }
  })
})

describe('mistakesOf', () => {
  it('lists wrong and unanswered questions in the order given', () => {
    expect(mistakesOf(['b', 'a', 'c', 'd'], { a: false, b: false, c: true })).toEqual([
      'b',
      'a',
      'd',
    ])
  })

  it('takes a quiz (file order) or a presentation (shown order), with graded answers', () => {
    const quiz = quizOf(3)
    const graded = {
      q0: gradeQuestion(quiz.questions[0]!, 'b'),
      q1: gradeQuestion(quiz.questions[1]!, 'a'),
      q2: gradeQuestion(quiz.questions[2]!, 'b'),
    }
    expect(mistakesOf(quiz, graded)).toEqual(['q0', 'q2'])
    expect(mistakesOf({ questions: ['q2', 'q1', 'q0'] }, graded)).toEqual(['q2', 'q0'])
    expect(mistakesOf(quiz, { q0: true, q1: true, q2: true })).toEqual([])
  })
})
