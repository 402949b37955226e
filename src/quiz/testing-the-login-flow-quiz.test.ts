// Lesson 14's quiz: what it says about tests and mutants, checked by grading real test files
// against the lesson's exercise (in this realm: the facts are the grader's, and the isolated
// runtimes are tested in src/course/mutants.test.ts).
import { describe, expect, it } from 'vitest'
import { loadExercise } from '../course/exercise-files'
import { courseModules } from '../grader/builtin-modules'
import { runExercise } from '../grader/run-exercise'
import { requestFor } from '../grader/run-request'
import { expectLessonQuizStandard, loadQuiz } from './quiz-standard'

const { quiz, byId } = loadQuiz('quizzes/testing-the-login-flow-quiz.yaml')
const bundle = loadExercise('test-the-login-flow')
const header = `import { expect, newClient, test } from 'signed-in/testing'
const ada = { username: 'Ada', password: 'analytical-engine' }
`
const missedBy = async (tests: string) => {
  const verdict = await runExercise(
    requestFor(bundle, { 'app.test.ts': header + tests }),
    courseModules,
  )
  expect(verdict.checks[0]?.passed).toBe(true)
  return verdict.checks.filter((check) => !check.passed).map((check) => check.name)
}

describe('the testing-the-login-flow quiz', () => {
  it('has at least 6 questions of at least 3 types, wrong options with feedback', () => {
    expectLessonQuizStandard(quiz, 'testing-the-login-flow')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(6)
  })

  it('quiet-failures: a happy-path suite misses the wrong password, a foreign next and a cross-site form', async () => {
    const question = byId('quiet-failures', 'multiple')
    expect(question.answers).toEqual(['any-password', 'open-redirect', 'csrf'])
    const missed = await missedBy(`test('happy path', async () => {
  const browser = newClient()
  await browser.postForm('/login', ada)
  expect((await browser.get('/dashboard')).status).toBe(200)
})
`)
    for (const words of ['any password', 'another site (an open redirect)', 'no CSRF check'])
      expect(
        missed.some((name) => name.includes(words)),
        words,
      ).toBe(true)
  })

  it('remember-after-logout: both accepted assertions catch a logout that keeps the remember cookie', async () => {
    expect(byId('remember-after-logout', 'text').accept).toEqual([
      'toBeUndefined',
      'not.toBeDefined',
    ])
    for (const matcher of ['toBeUndefined', 'not.toBeDefined']) {
      const missed = await missedBy(`test('logout clears remember_token', async () => {
  const browser = newClient()
  await browser.postForm('/login', { ...ada, remember: 'on' })
  await browser.postForm('/logout', {})
  expect(browser.cookie('remember_token')).${matcher}()
})
`)
      expect(missed).not.toContain('Mutant: logout does not clear the remember cookie')
    }
  }, 60_000)
})
