// Shared by the quiz tests: the facts a quiz states, produced by running the course's own exercise
// apps with the real login manager, so a predicted output can never drift from what the code does.
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { loadExercise } from '../course/exercise-files'
import { runInNode } from '../course/node-runtime'
import { parseQuizFile, type QuestionOfType, type QuestionType, type Quiz } from '../schemas/quiz'

/**
 * Read and validate a quiz file.
 *
 * @param slug - the quiz's slug, `quizzes/<slug>.yaml`
 * @returns the quiz
 * @example
 * const quiz = readQuiz('authorization-quiz')
 */
export function readQuiz(slug: string): Quiz {
  const file = `quizzes/${slug}.yaml`
  return parseQuizFile(file, readFileSync(file, 'utf8'))
}

/**
 * One question of a quiz, of the type the test expects.
 *
 * @param quiz - from {@link readQuiz}
 * @param id - the question's id
 * @param type - its type
 * @returns the question
 * @example
 * const question = questionOf(readQuiz('authorization-quiz'), 'predict-admin', 'predict')
 */
export function questionOf<T extends QuestionType>(
  quiz: Quiz,
  id: string,
  type: T,
): QuestionOfType<T> {
  const question = quiz.questions.find((candidate) => candidate.id === id)
  if (question?.type !== type) throw new Error(`${quiz.lesson}: no ${type} question "${id}"`)
  return question as QuestionOfType<T>
}

/**
 * Run steps against an exercise's app (its solution files, or the starter of an example) and
 * return what each step printed. `steps` is the body of a `defineScenario([...])` call, written in
 * TypeScript as in a `checks.ts`; `client` is a fresh browser-like client.
 *
 * @param slug - the exercise whose app answers
 * @param steps - TypeScript source of the scenario's steps
 * @returns the printed lines, one per step
 * @example
 * const lines = await runSteps('admin-only-area', `{ label: 'stranger', run: async (client) => String((await client.get('/admin')).status) }`)
 */
export async function runSteps(slug: string, steps: string): Promise<string[]> {
  const bundle = loadExercise(slug)
  const checks = `import { defineScenario } from 'signed-in/checks'\nexport default defineScenario([${steps}])\n`
  const verdict = await runInNode(
    { ...bundle, meta: { ...bundle.meta, kind: 'example' }, checks },
    bundle.solution,
  )
  if (verdict.status !== 'passed') throw new Error(`${slug}: ${verdict.message ?? verdict.status}`)
  return verdict.output ?? []
}

/**
 * What an example prints when it runs, line by line.
 *
 * @param slug - the example
 * @returns the printed lines
 * @example
 * await exampleOutput('admin-check-in-handler') // ['302 to /login?next=%2Fadmin', …]
 */
export async function exampleOutput(slug: string): Promise<string[]> {
  const verdict = await runInNode(loadExercise(slug), {})
  if (verdict.status !== 'passed') throw new Error(`${slug}: ${verdict.message ?? verdict.status}`)
  return verdict.output ?? []
}

/**
 * Expect a quiz to meet the course's standard: enough questions, of at least three types, each
 * explained, every wrong option with feedback (text and order questions with their own).
 *
 * @param quiz - from {@link readQuiz}
 * @param minimum - the fewest questions it may have
 * @example
 * expectQuizStandard(readQuiz('cookie-security-quiz'), 6)
 */
export function expectQuizStandard(quiz: Quiz, minimum: number): void {
  expect(quiz.questions.length).toBeGreaterThanOrEqual(minimum)
  expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  for (const question of quiz.questions) {
    expect(question.explanation.length, question.id).toBeGreaterThan(40)
    if (question.type === 'text' || question.type === 'order') {
      expect(question.feedback, question.id).toBeTruthy()
      continue
    }
    const right = question.type === 'multiple' ? question.answers : [question.answer]
    for (const option of question.options)
      if (question.type === 'multiple' || !right.includes(option.id))
        expect(option.feedback, `${question.id}: ${option.id}`).toBeTruthy()
  }
}
