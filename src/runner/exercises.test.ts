import { describe, expect, it } from 'vitest'
import { listExercises, loadExercise } from './exercise-files'
import { runInNode } from './node-runtime'

describe('every exercise', () => {
  for (const slug of listExercises()) {
    const bundle = loadExercise(slug)
    it(`${slug}: the solution passes every check`, async () => {
      const verdict = await runInNode(bundle, bundle.solution)
      expect(verdict.checks.filter((c) => !c.passed)).toEqual([])
      expect(verdict.status).toBe('passed')
    })
    if (bundle.meta.kind === 'exercise') {
      it(`${slug}: the starter is refused while blanks remain, naming file and line`, async () => {
        const verdict = await runInNode(bundle, bundle.starter)
        expect(verdict.status).toBe('blanks')
        expect(verdict.message).toMatch(
          /^Fill in every blank \(___\) before checking\. .* left: app\.ts line \d+/,
        )
      })
    }
  }
})

describe('the first example prints the login story in order', () => {
  it('manual-session-login', async () => {
    const bundle = loadExercise('manual-session-login')
    const verdict = await runInNode(bundle, {})
    expect(verdict.output).toEqual([
      '401',
      'Logged in as ada',
      'Welcome to your dashboard, ada!',
      'Logged out',
      '401',
    ])
  })
  it('account-page', async () => {
    const verdict = await runInNode(loadExercise('account-page'), {})
    expect(verdict.output).toEqual(['401', 'Account for Ada Lovelace (role: admin)'])
  })
})

describe('complete-the-login-flow with wrong answers', () => {
  const bundle = loadExercise('complete-the-login-flow')
  const solution = bundle.solution['app.ts'] ?? ''
  /** The starter with its blanks filled in order, as a learner would. */
  const fill = (...answers: string[]) => {
    let index = 0
    return (bundle.starter['app.ts'] ?? '').replace(/_{3,}/g, () => answers[index++] ?? '___')
  }

  it('the starter filled with the right answers passes', async () => {
    const files = { 'app.ts': fill('null', 'loginUser', 'true', 'loginRequired', 'logoutUser') }
    expect((await runInNode(bundle, files)).status).toBe('passed')
  })

  it('the starter filled with remember: false fails the two remember-me checks by name', async () => {
    const files = { 'app.ts': fill('null', 'loginUser', 'false', 'loginRequired', 'logoutUser') }
    const verdict = await runInNode(bundle, files)
    expect(verdict.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual([
      'Logging in sets a remember-me cookie',
      'A new browser with only the remember-me cookie is still logged in',
    ])
    expect(verdict.checks[4]?.message).toBe(
      'Expected the browser to hold a "remember_token" cookie, but it has "session".',
    )
  })

  it('a misspelt function in the logout blank fails the logout check, naming the error and line', async () => {
    const files = { 'app.ts': fill('null', 'loginUser', 'true', 'loginRequired', 'logOutUser') }
    const verdict = await runInNode(bundle, files)
    const failed = verdict.checks.filter((c) => !c.passed)
    expect(failed.map((c) => c.name)).toEqual([
      'Logging out ends the login: /dashboard gets 401 and the remember-me cookie is gone',
    ])
    expect(failed[0]?.message).toBe(
      'Expected status 401, but got 200 with body "Welcome back, Ada!". Your server threw an error on the way: ReferenceError: logOutUser is not defined (app.ts, line 33)',
    )
    expect(failed[0]?.hint).toBe('Call logoutUser(c) in the /logout route.')
  })
  it('forgetting remember: true fails the remember-me checks only', async () => {
    const verdict = await runInNode(bundle, {
      'app.ts': solution.replace('remember: true', 'remember: false'),
    })
    expect(verdict.status).toBe('failed')
    const failed = verdict.checks.filter((c) => !c.passed).map((c) => c.name)
    expect(failed).toEqual([
      'Logging in sets a remember-me cookie',
      'A new browser with only the remember-me cookie is still logged in',
    ])
    expect(verdict.checks.find((c) => !c.passed)?.hint).toBe(
      'Pass { remember: true } to loginUser.',
    )
  })
  it('an unguarded dashboard fails the anonymous check with expected and received', async () => {
    const verdict = await runInNode(bundle, {
      'app.ts': solution.replace(
        "app.get('/dashboard', loginRequired<User>(), ",
        "app.get('/dashboard', ",
      ),
    })
    const first = verdict.checks[0]
    expect(first?.passed).toBe(false)
    expect(first?.message).toContain('Expected status 401, but got 500')
    expect(first?.message).toContain('Your server threw an error on the way')
  })
})
