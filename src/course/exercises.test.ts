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
    if (bundle.meta.kind === 'debug') {
      it(`${slug}: the starter runs, and fails exactly the checks its bug breaks`, async () => {
        const verdict = await runInNode(bundle, bundle.starter)
        expect(verdict.status).toBe('failed')
        expect(verdict.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(
          bundle.meta.breaks,
        )
        expect(verdict.checks.filter((c) => c.passed).length).toBeGreaterThan(0)
      })
    }
    // An exercise graded by mutants has its starter tested in mutants.test.ts.
    if (bundle.meta.kind === 'exercise' && !bundle.mutants) {
      it(`${slug}: the starter is graded with its blanks: each failing check names a blank it reached`, async () => {
        // A multi-step exercise's later steps ask for code to be written, not blanks filled: its
        // blanks belong to the first step (src/course/exercise-steps.test.ts grades the rest).
        const first = bundle.meta.steps?.[0]?.checks
        const verdict = await runInNode(bundle, bundle.starter, {}, first ? { only: first } : {})
        if (verdict.status === 'error') {
          // A blank in code that runs at start-up stops the server, and the verdict names it.
          expect(verdict.message).toMatch(/cannot start until the blank at [\w.-]+\.ts line \d+/)
          return
        }
        expect(verdict.status).toBe('failed')
        const failed = verdict.checks.filter((c) => !c.passed)
        expect(failed.length).toBeGreaterThan(0)
        for (const check of failed)
          expect(`${check.message ?? ''} ${check.error?.message ?? ''}`).toMatch(
            /blank left at [\w.-]+\.ts line \d+/,
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
    const files = { 'app.ts': fill('null', 'loginUser', 'remember', 'loginRequired', 'logoutUser') }
    expect((await runInNode(bundle, files)).status).toBe('passed')
  })

  it('the starter filled with the wrong form field fails the three remember-me checks by name', async () => {
    const files = {
      'app.ts': fill('null', 'loginUser', 'rememberMe', 'loginRequired', 'logoutUser'),
    }
    const verdict = await runInNode(bundle, files)
    expect(verdict.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual([
      'Ticking "Remember me" sets a remember-me cookie, and leaving it unticked does not',
      'A new browser with only the remember-me cookie is still logged in',
      'Logging out ends the login: /dashboard gets 401 and the remember-me cookie is gone',
    ])
    expect(verdict.checks[6]?.hint).toMatch(/^This check logs in with "Remember me" ticked/)
    expect(verdict.checks[4]?.message).toBe(
      'Expected the browser to hold a "remember_token" cookie, but it has "session".',
    )
  })

  it('a misspelt function in the logout blank fails the logout check, naming the error and line', async () => {
    const files = { 'app.ts': fill('null', 'loginUser', 'remember', 'loginRequired', 'logOutUser') }
    const verdict = await runInNode(bundle, files)
    const failed = verdict.checks.filter((c) => !c.passed)
    expect(failed.map((c) => c.name)).toEqual([
      'Logging out ends the login: /dashboard gets 401 and the remember-me cookie is gone',
    ])
    expect(failed[0]?.message).toBe(
      'Expected status 401, but got 200 with body "Welcome back, Ada!". Your server threw an error on the way: ReferenceError: logOutUser is not defined (app.ts, line 37, column 3)',
    )
    expect(failed[0]?.error).toEqual({
      message: 'ReferenceError: logOutUser is not defined',
      file: 'app.ts',
      line: 37,
      column: 3,
    })
    expect(failed[0]?.hint).toBe(
      'After /logout the browser is still logged in. Logging out is the mirror image of logging in: which function undoes it?',
    )
  })
  it('remembering everyone, ticked or not, fails the remember-me check only', async () => {
    const verdict = await runInNode(bundle, {
      'app.ts': solution.replace("remember: form['remember'] === 'on'", 'remember: true'),
    })
    expect(verdict.status).toBe('failed')
    const failed = verdict.checks.filter((c) => !c.passed)
    expect(failed.map((c) => c.name)).toEqual([
      'Ticking "Remember me" sets a remember-me cookie, and leaving it unticked does not',
    ])
    expect(failed[0]?.hint).toMatch(/^Without the tick this browser must get no remember-me cookie/)
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

describe('there is a debug exercise, and its bug is the one it claims', () => {
  const debug = listExercises()
    .map((slug) => loadExercise(slug))
    .filter((bundle) => bundle.meta.kind === 'debug')

  it('at least one debug exercise exists', () => {
    expect(debug.map((bundle) => bundle.slug)).toContain('fix-the-user-loader')
  })

  it('fix-the-user-loader: the un-awaited lookup breaks the greeting and the closed-account checks, with the evidence in the message', async () => {
    const bundle = loadExercise('fix-the-user-loader')
    expect(bundle.meta.breaks).toEqual([
      'After logging in, /dashboard greets Ada by name',
      "A closed account's old session counts as nobody: /dashboard gets 401",
    ])
    const starter = await runInNode(bundle, bundle.starter)
    const failed = starter.checks.filter((c) => !c.passed)
    expect(failed.map((c) => c.message)).toEqual([
      'Expected the response to contain "Welcome back, Ada!", but it was "Welcome back, undefined!" (status 200).',
      'Expected status 401, but got 200 with body "Welcome back, undefined!".',
    ])
    // Adding the one missing word is the whole fix.
    const fixed = (bundle.starter['app.ts'] ?? '').replace(
      'const row = db.findUserById(id)',
      'const row = await db.findUserById(id)',
    )
    expect(fixed).not.toBe(bundle.starter['app.ts'])
    expect((await runInNode(bundle, { 'app.ts': fixed })).status).toBe('passed')
  })
})

describe('an error thrown inside a route handler', () => {
  it("names the learner's file, line and column on the failing check", async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const files = {
      'app.ts': (bundle.solution['app.ts'] ?? '')
        .replace(
          "app.get('/dashboard', loginRequired<User>(), (c) =>",
          "app.get('/dashboard', loginRequired<User>(), (c: Context) => { const n: number = 1; throw new Error('boom ' + n) })\napp.get('/unused', (c) =>",
        )
        .replace("import { Hono } from 'hono'", "import { Hono, type Context } from 'hono'"),
    }
    const verdict = await runInNode(bundle, files)
    const failed = verdict.checks.find((c) => !c.passed)
    expect(failed?.name).toBe('After logging in, /dashboard greets the user by name')
    // Column 91 (where `new Error` starts) in the TypeScript source; the compiled line is shorter, with the types gone.
    expect(failed?.error).toEqual({ message: 'boom 1', file: 'app.ts', line: 34, column: 91 })
    expect(failed?.message).toContain(
      'Your server threw an error on the way: boom 1 (app.ts, line 34, column 91)',
    )
  })
})
