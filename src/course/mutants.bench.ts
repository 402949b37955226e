import { test } from 'vitest'
import { loadExercise } from './exercise-files'
import { runInNode } from './node-runtime'

// A Check of lesson 14's exercise graded by mutants, in the Node runtime: the solution's 9 tests
// against the reference app and each of the 9 mutants, every app in a fresh worker thread (the
// next one opening while the tests run in this one). Prints the median of 5 after a warm-up.
const bundle = loadExercise('test-the-login-flow')

test('a mutant-graded Check of the solution (reference app and 9 mutants), Node runtime', async () => {
  const times: number[] = []
  for (let run = 0; run < 6; run++) {
    const start = performance.now()
    const verdict = await runInNode(bundle, bundle.solution)
    if (verdict.status !== 'passed') throw new Error(`expected a pass, got ${verdict.status}`)
    if (run > 0) times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(`mutant-graded Check, Node: median ${Math.round(times[2] ?? 0)} ms of 5 warm runs`)
})
