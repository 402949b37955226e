import { courseBuiltins } from './builtins'
import type { RunProgress } from './harness/grade'
import type { ExerciseBundle } from './exercise-files'
import { runExercise } from './run-exercise'
import { requestFor } from './run-request'
import type { Verdict } from './verdict'

/**
 * Run an exercise in this Node process, with the learner's versions of its editable files (by
 * default the solution). Used by the tests and the authoring CLI.
 *
 * @param bundle - from `loadExercise`
 * @param files - the learner's files; missing ones come from the starter
 * @param progress - told of an example's printed lines as they happen
 * @returns the verdict
 * @example
 * const verdict = await runInNode(loadExercise('complete-the-login-flow'), loadExercise('complete-the-login-flow').solution)
 */
export function runInNode(
  bundle: ExerciseBundle,
  files: Record<string, string>,
  progress: RunProgress = {},
): Promise<Verdict> {
  return runExercise(requestFor(bundle, files), courseBuiltins, progress)
}
