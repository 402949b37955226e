import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseQuizFile, type Question } from '../schemas/quiz'
import {
  createRng,
  gradeQuestion,
  mistakesOf,
  normaliseTextAnswer,
  presentQuiz,
  scoreQuiz,
  shuffle,
} from './engine'

const quiz = parseQuizFile(
  'quizzes/login-manager-practice.yaml',
  readFileSync('quizzes/login-manager-practice.yaml', 'utf8'),
)
const byId = (id: string) => quiz.questions.find((q) => q.id === id) as Question

describe('grading', () => {
  it('single choice: right, and wrong with that option’s feedback', () => {
    expect(gradeQuestion(byId('log-in-call'), 'login-user')).toEqual({
      correct: true,
      feedback: [],
    })
    const wrong = gradeQuestion(byId('log-in-call'), 'user-login')
    expect(wrong.correct).toBe(false)
    expect(wrong.feedback[0]).toContain('has no `login` method')
  })

  it('multiple select is all or nothing, with a state and feedback per option', () => {
    const question = byId('usermixin-provides')
    expect(gradeQuestion(question, ['is-authenticated', 'get-id', 'is-anonymous']).correct).toBe(
      true,
    )
    const partial = gradeQuestion(question, ['is-authenticated', 'get-id', 'password-check'])
    expect(partial.correct).toBe(false)
    expect(partial.perOption).toEqual({
      'is-authenticated': 'chosen-right',
      'get-id': 'chosen-right',
      'is-anonymous': 'missed',
      'password-check': 'chosen-wrong',
      'database-save': 'not-chosen',
    })
    expect(partial.feedback).toHaveLength(2)
  })

  it('text answers accept the call with or without await, arguments or semicolon', () => {
    const question = byId('read-current-user')
    for (const answer of [
      'currentUser(c)',
      'await currentUser(c)',
      '  await currentUser( c );',
      'currentUser()',
      'currentuser',
      'CurrentUser(c)',
    ]) {
      expect(gradeQuestion(question, answer).correct, answer).toBe(true)
    }
    for (const answer of ['', 'loginUser(c)', 'current user', 'c.currentUser']) {
      expect(gradeQuestion(question, answer).correct, answer).toBe(false)
    }
    expect(gradeQuestion(question, 'user').feedback[0]).toContain('named after what it returns')
  })

  it('predict the response', () => {
    expect(gradeQuestion(byId('predict-redirect'), '302').correct).toBe(true)
    expect(gradeQuestion(byId('predict-redirect'), '401').feedback[0]).toContain(
      'without a `loginView`',
    )
  })

  it('order the steps: exact order, with a result per position', () => {
    const question = byId('login-flow-order')
    expect(
      gradeQuestion(question, ['read-form', 'find-user', 'check-hash', 'login-user', 'redirect'])
        .correct,
    ).toBe(true)
    const swapped = gradeQuestion(question, [
      'read-form',
      'find-user',
      'login-user',
      'check-hash',
      'redirect',
    ])
    expect(swapped).toMatchObject({ correct: false, perPosition: [true, true, false, false, true] })
  })
})

describe('normaliseTextAnswer', () => {
  it.each([
    ['  await currentUser( c ); ', {}, 'currentuser'],
    ['c.var.currentUser', {}, 'c.var.currentuser'],
    ['loginRequired()', { allowCall: false }, 'loginrequired()'],
    ['Secret', { caseSensitive: true }, 'Secret'],
    ['a   b', {}, 'a b'],
  ])('%j → %j', (input, options, expected) => {
    expect(normaliseTextAnswer(input, options)).toBe(expected)
  })
})

describe('deterministic shuffling', () => {
  it('gives the same order for the same seed and another for another', () => {
    const items = Array.from({ length: 20 }, (_, i) => i)
    expect(shuffle(items, 'a')).toEqual(shuffle(items, 'a'))
    expect(shuffle(items, 'a')).not.toEqual(shuffle(items, 'b'))
    expect([...shuffle(items, 'a')].sort((x, y) => x - y)).toEqual(items)
    expect(createRng(1)()).toBe(createRng(1)())
  })

  it('keeps the author’s order first, shuffles on retries, and never shows steps already solved', () => {
    const first = presentQuiz(quiz, { slug: 'practice', attempt: 0 })
    expect(first.questions).toEqual(quiz.questions.map((q) => q.id))
    const retry = presentQuiz(quiz, { slug: 'practice', attempt: 1 })
    expect(retry.questions).not.toEqual(first.questions)
    expect(retry).toEqual(presentQuiz(quiz, { slug: 'practice', attempt: 1 }))
    for (let attempt = 0; attempt < 50; attempt++) {
      const steps = presentQuiz(quiz, { slug: 'practice', attempt }).steps['login-flow-order']
      expect(steps).not.toEqual(['read-form', 'find-user', 'check-hash', 'login-user', 'redirect'])
    }
  })
})

describe('scoring', () => {
  const questions = Array.from({ length: 10 }, (_, i) => ({ id: `q${i}` })) as Question[]
  const results = (right: number) => Object.fromEntries(questions.map((q, i) => [q.id, i < right]))
  it('passes at exactly the default 80% and fails below', () => {
    expect(scoreQuiz({ passThreshold: 0.8, questions }, results(8))).toEqual({
      correctCount: 8,
      total: 10,
      score: 0.8,
      percent: 80,
      passed: true,
    })
    expect(scoreQuiz({ passThreshold: 0.8, questions }, results(7)).passed).toBe(false)
  })
  it('honours a quiz’s own threshold', () => {
    expect(scoreQuiz({ passThreshold: 0.5, questions }, results(5)).passed).toBe(true)
    expect(scoreQuiz({ passThreshold: 1, questions }, results(9)).passed).toBe(false)
  })
  it('lists the mistakes in the order shown', () => {
    expect(mistakesOf(['b', 'a', 'c'], { a: false, b: false, c: true })).toEqual(['b', 'a'])
  })
})
