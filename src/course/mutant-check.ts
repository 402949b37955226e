import { courseModules } from '../grader/builtin-modules'
import { runExercise } from '../grader/run-exercise'
import { requestFor } from '../grader/run-request'
import type { ExerciseBundle } from '../schemas/exercise'

/**
 * At build time, prove each mutant of an exercise graded by mutants really changes the app's
 * behaviour: the solution's tests must pass against the app and catch every mutant. Throws a
 * message naming the mutant's file (or the solution's test file) otherwise. The author's own
 * tests run in this realm, as the checks do at build time. Does nothing for other exercises.
 *
 * @param bundle - from `loadExercise`
 * @param shown - the exercise folder as messages name it, e.g. `exercises/test-the-login-flow`
 * @example
 * await verifyMutants(loadExercise('test-the-login-flow'), 'exercises/test-the-login-flow')
 */
export async function verifyMutants(bundle: ExerciseBundle, shown: string): Promise<void> {
  const set = bundle.mutants
  if (!set) return
  const verdict = await runExercise(requestFor(bundle, bundle.solution), courseModules)
  if (verdict.status === 'error' || verdict.checks[0]?.passed !== true)
    throw new Error(
      `${shown}/solution/${set.testFile}: the solution's tests must pass against the app in starter/: ${verdict.message ?? verdict.checks[0]?.message ?? verdict.status}`,
    )
  set.mutants.forEach((mutant, index) => {
    const result = verdict.checks[index + 1]
    if (!result?.passed)
      throw new Error(
        `${shown}/mutants/${mutant.name}.yaml: no test in solution/${set.testFile} catches this mutant, so either it behaves like the app or a test is missing: ${result?.message ?? 'not run'}`,
      )
  })
}
