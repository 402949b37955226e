import { courseBuiltins } from './builtins'
import type { ExerciseBundle } from './exercise-files'
import { runExercise } from './run-exercise'
import type { Verdict } from './verdict'

/**
 * Run an exercise in this Node process, with the learner's versions of its editable files (by
 * default the solution). Used by the tests and the authoring CLI.
 *
 * @param bundle - from `loadExercise`
 * @param files - the learner's files; missing ones come from the starter
 * @returns the verdict
 * @example
 * const verdict = await runInNode(loadExercise('complete-the-login-flow'), loadExercise('complete-the-login-flow').solution)
 */
export function runInNode(bundle: ExerciseBundle, files: Record<string, string>): Promise<Verdict> {
  return runExercise(requestFor(bundle, files), courseBuiltins)
}

/**
 * The run request for an exercise: starter files overlaid with the learner's.
 *
 * @param bundle - the exercise
 * @param files - the learner's files
 * @returns what `runExercise` takes
 * @example
 * requestFor(bundle, { 'app.ts': code }).entry // 'app.ts'
 */
export function requestFor(bundle: Pick<ExerciseBundle, 'meta' | 'starter' | 'checks'>, files: Record<string, string>) {
  return {
    files: { ...bundle.starter, ...files },
    editable: bundle.meta.kind === 'example' ? [] : bundle.meta.files.filter((f) => f.editable).map((f) => f.path),
    checks: bundle.checks,
    entry: bundle.meta.entry,
  }
}
