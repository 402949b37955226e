import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { parseQuizFile, type QuestionOfType, type QuestionType, type Quiz } from '../schemas/quiz'

/**
 * A lesson quiz read from its file, with a typed lookup by question id, for the tests that check
 * its facts against the real code.
 *
 * @param file - e.g. `quizzes/protecting-routes.yaml`
 * @returns the quiz and `byId(id, type)`, which throws when the id names no question of that type
 * @example
 * const { quiz, byId } = loadQuiz('quizzes/protecting-routes.yaml')
 * byId('next-location', 'predict').answer
 */
export function loadQuiz(file: string) {
  const quiz = parseQuizFile(file, readFileSync(file, 'utf8'))
  function byId<T extends QuestionType>(id: string, type: T): QuestionOfType<T> {
    const question = quiz.questions.find((candidate) => candidate.id === id)
    if (question?.type !== type) throw new Error(`${file}: no ${type} question "${id}"`)
    return question as QuestionOfType<T>
  }
  return { quiz, byId }
}

/**
 * Expect what COURSE.md asks of every lesson quiz: placed in its lesson, at least 5 questions of
 * at least 3 types, and feedback on every wrong option of a single or predict question.
 *
 * @param quiz - the parsed quiz
 * @param lesson - the slug of the lesson it belongs to
 * @example
 * expectLessonQuizStandard(loadQuiz('quizzes/protecting-routes.yaml').quiz, 'protecting-routes')
 */
export function expectLessonQuizStandard(quiz: Quiz, lesson: string): void {
  expect(quiz.lesson).toBe(lesson)
  expect(quiz.questions.length).toBeGreaterThanOrEqual(5)
  expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  for (const question of quiz.questions) {
    expect(question.explanation, question.id).toBeTruthy()
    if (question.type !== 'single' && question.type !== 'predict') continue
    for (const option of question.options.filter((candidate) => candidate.id !== question.answer))
      expect(option.feedback, `${question.id}: ${option.id}`).toBeTruthy()
  }
}
