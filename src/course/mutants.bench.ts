import { bench, describe } from 'vitest'
import { loadExercise } from './exercise-files'
import { runInNode } from './node-runtime'

// A Check of lesson 14's exercise graded by mutants, in the Node runtime: the solution's 9 tests
// against the reference app and each of the 9 mutants, every app in a fresh worker thread (the
// next one opening while the tests run in this one).
const bundle = loadExercise('test-the-login-flow')

describe('tests graded by mutants (Node runtime)', () => {
  bench(
    'the solution against the reference app and 9 mutants',
    async () => {
      const verdict = await runInNode(bundle, bundle.solution)
      if (verdict.status !== 'passed') throw new Error(`expected a pass, got ${verdict.status}`)
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  )
})
