// The capstone quiz's facts, checked by running the lesson's example and the exercise's solution.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exampleOutput, questionOf, readQuiz } from './quiz-facts'
import { loadExercise } from '../course/exercise-files'

const quiz = readQuiz('capstone-quiz')
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('the capstone quiz', () => {
  it('has at least 6 questions of at least 3 types, all for its lesson', () => {
    expect(quiz.lesson).toBe('capstone')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(6)
    expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  })

  it('predict-duplicate: its code is the example’s, and the second sign-up gets the stated answer', async () => {
    const question = questionOf(quiz, 'predict-duplicate', 'predict')
    const app = squash(readFileSync('exercises/members-table/starter/app.ts', 'utf8'))
    for (const line of question.code
      .split('\n')
      .filter((text) => text.trim() && !text.includes('…')))
      expect(app).toContain(squash(line))
    const [first, second] = await exampleOutput('members-table')
    expect(first).toMatch(/^201 /)
    expect(second).toBe(
      `${question.answer} Refused by the database: Error: UNIQUE constraint failed: users.email`,
    )
    expect(squash(question.explanation)).toContain(squash(second ?? ''))
  })

  it('duplicate-status and signup-order agree with the exercise the lesson sets', () => {
    expect(questionOf(quiz, 'duplicate-status', 'text').accept).toEqual(['409'])
    const solution = loadExercise('capstone-app').solution['app.ts'] ?? ''
    expect(solution).toContain("refuse(409, 'That email already has an account.")
    expect(solution).toMatch(/MIN_PASSWORD = 15\b/)
    expect(solution).toMatch(/MAX_PASSWORD = 256\b/)
    // The handler's order is the order the question teaches.
    const order = [
      'toLowerCase()',
      'password.length < MIN_PASSWORD',
      'generatePasswordHash(password',
      'refuse(409',
      'loginUser(c, user)',
    ]
    const at = order.map((text) => solution.indexOf(text))
    expect(at.every((index) => index >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })
})
