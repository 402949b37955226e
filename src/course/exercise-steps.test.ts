// Multi-step exercises, graded step by step in Node as the page grades them: each Check runs the
// current step's checks with every earlier step's.
import { describe, expect, it } from 'vitest'
import { checksUpTo } from '../progress/exercise-steps'
import { listExercises, loadExercise } from './exercise-files'
import { runInNode } from './node-runtime'

const stepped = listExercises().filter((slug) => loadExercise(slug).meta.steps)

describe('multi-step exercises', () => {
  it('the capstone is one of them', () => {
    expect(stepped).toContain('capstone-app')
  })

  for (const slug of stepped) {
    const bundle = loadExercise(slug)
    const steps = bundle.meta.steps ?? []
    it(`${slug}: the solution passes each step with the steps before it`, async () => {
      for (const index of steps.keys()) {
        const verdict = await runInNode(
          bundle,
          bundle.solution,
          {},
          { only: checksUpTo(steps, index) },
        )
        expect(verdict.checks.map((check) => check.name)).toEqual(checksUpTo(steps, index))
        expect(verdict.checks.filter((check) => !check.passed)).toEqual([])
      }
    })
  }
})

describe('the capstone, as a learner works through it', () => {
  const bundle = loadExercise('capstone-app')
  const steps = bundle.meta.steps ?? []
  /** The starter with step 1's blanks filled, as the step's hints say. */
  const stepOne = {
    ...bundle.starter,
    'db.ts': (bundle.starter['db.ts'] ?? '').replace("'___'", "'email TEXT NOT NULL UNIQUE'"),
    'app.ts': (bundle.starter['app.ts'] ?? '')
      .replace('password.length < ___', 'password.length < MIN_PASSWORD')
      .replace('await ___(password', 'await generatePasswordHash(password')
      .replace('refuse(___,', 'refuse(409,'),
  }

  it('the untouched starter cannot start: the schema blank comes first', async () => {
    const verdict = await runInNode(bundle, bundle.starter, {}, { only: steps[0]?.checks ?? [] })
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(/blank at db\.ts line \d+/)
  })

  it('with step 1 done, step 1 passes and every later step still has a failing check', async () => {
    const verdict = await runInNode(bundle, stepOne)
    const failed = new Set(verdict.checks.filter((check) => !check.passed).map((c) => c.name))
    expect(steps[0]?.checks.filter((name) => failed.has(name))).toEqual([])
    for (const step of steps.slice(1))
      expect(
        step.checks.some((name) => failed.has(name)),
        step.title,
      ).toBe(true)
  })

  it('steps 1 to 5 pass before step 6 exists: no earlier check needs the admin page', async () => {
    const app = bundle.solution['app.ts'] ?? ''
    const start = app.indexOf('// One guard for /admin')
    const end = app.indexOf('export default app')
    expect(start).toBeGreaterThan(0)
    const withoutStepSix = { ...bundle.solution, 'app.ts': app.slice(0, start) + app.slice(end) }
    const verdict = await runInNode(bundle, withoutStepSix, {}, { only: checksUpTo(steps, 4) })
    expect(verdict.checks.filter((check) => !check.passed)).toEqual([])
  })

  it('a column without UNIQUE lets a duplicate sign-up through, and the check says so', async () => {
    const files = {
      ...stepOne,
      'db.ts': stepOne['db.ts'].replace("'email TEXT NOT NULL UNIQUE'", "'email TEXT NOT NULL'"),
    }
    const verdict = await runInNode(bundle, files, {}, { only: steps[0]?.checks ?? [] })
    const duplicate = verdict.checks.find((check) => check.name.startsWith('A second sign-up'))
    expect(duplicate).toMatchObject({ passed: false, message: expect.stringMatching(/409/) })
  })
})
