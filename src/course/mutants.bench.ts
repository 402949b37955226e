import { test } from 'vitest'
import { loadExercise } from './exercise-files'
import { runInNode } from './node-runtime'

// A Check of lesson 14's exercise graded by mutants, in the Node runtime: the solution's 9 tests
// against the reference app and each of the 9 mutants, every app and every run of the tests in a
// fresh worker thread of its own. Prints the median of 5 after a warm-up: the wall time, and the
// CPU time of the whole process (every thread), which a busy machine changes far less.
const bundle = loadExercise('test-the-login-flow')

test('a mutant-graded Check of the solution (reference app and 9 mutants), Node runtime', async () => {
  const wall: number[] = []
  const cpu: number[] = []
  let failed = 0
  for (let run = 0; run < 6; run++) {
    const start = performance.now()
    const used = process.cpuUsage()
    const verdict = await runInNode(bundle, bundle.solution)
    const { user, system } = process.cpuUsage(used)
    // A run the busy machine pushed past a time limit is left out, and counted.
    if (verdict.status !== 'passed') {
      failed++
      if (failed > 3) throw new Error(`expected a pass, got ${verdict.status} ${failed} times`)
      run--
      continue
    }
    if (run === 0) continue
    wall.push(performance.now() - start)
    cpu.push((user + system) / 1000)
  }
  const median = (times: number[]) => Math.round(times.sort((a, b) => a - b)[2] ?? 0)
  console.log(
    `mutant-graded Check, Node: median ${median(wall)} ms wall, ${median(cpu)} ms CPU (all threads), of 5 warm runs (${failed} left out)`,
  )
})
