import { describe, expect, it } from 'vitest'
import { compileModule } from '../grader/module-loader'
import { compiledKey, requestFor } from '../grader/run-request'
import { runInNode } from './node-runtime'
import { loadExercise } from './exercise-files'
import { compiledAtBuild, getExerciseForPage } from './exercises'

describe('JavaScript compiled at build time, shipped with the page', () => {
  it('holds the starter, checks.ts and the shared check files, each as the grader compiles it', () => {
    const exercise = loadExercise('complete-the-login-flow')
    const compiled = compiledAtBuild(exercise)
    const appTs = exercise.starter['app.ts'] ?? ''
    expect(compiled[compiledKey('app.ts', appTs)]).toBe(compileModule('app.ts', appTs))
    expect(compiled[compiledKey('checks.ts', exercise.checks)]).toBe(
      compileModule('checks.ts', exercise.checks),
    )
    for (const [path, source] of Object.entries(exercise.checkModules ?? {}))
      expect(compiled[compiledKey(path, source)]).toBe(compileModule(path, source))
  })

  it('reaches a run only for code nobody changed: edited files and other checks compile anew', async () => {
    const { data } = await getExerciseForPage('complete-the-login-flow')
    const untouched = requestFor(data, {})
    expect(Object.keys(untouched.compiled?.files ?? {}).sort()).toEqual(
      Object.keys(data.starter)
        .filter((path) => path.endsWith('.ts'))
        .sort(),
    )
    expect(untouched.compiled?.checks).toBeDefined()
    const edited = requestFor(data, { 'app.ts': `${data.starter['app.ts']}\n// mine` })
    expect(edited.compiled?.files['app.ts']).toBeUndefined()
    // The inspector's tampering probe runs the same files with checks of its own.
    const probe = requestFor(
      { ...data, checks: "export default { kind: 'checks', checks: [] }" },
      {},
    )
    expect(probe.compiled?.checks).toBeUndefined()
  })

  it('gives the same verdicts as code compiled where it runs', async () => {
    const { data } = await getExerciseForPage('complete-the-login-flow')
    const plain = loadExercise('complete-the-login-flow')
    for (const [files, status] of [
      [data.solution, 'passed'],
      [{}, 'failed'],
    ] as const) {
      const withBuild = await runInNode(data, files)
      expect(withBuild.status).toBe(status)
      const without = await runInNode(plain, files)
      expect(withBuild.checks.map((check) => [check.name, check.passed])).toEqual(
        without.checks.map((check) => [check.name, check.passed]),
      )
    }
  })
})
