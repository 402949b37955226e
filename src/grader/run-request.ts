import type { ExerciseBundle } from '../schemas/exercise'

/**
 * Everything needed to run one exercise: the learner's files, the checks and the entry.
 *
 * @example
 * const request: RunRequest = { files: { 'app.ts': code }, editable: ['app.ts'], checks, entry: 'app.ts' }
 */
export interface RunRequest {
  /** Every file of the exercise, the learner's versions of the editable ones. */
  files: Record<string, string>
  /** The paths the learner may edit (checked for blanks). Empty for examples. */
  editable: string[]
  /** The TypeScript source of `checks.ts`. */
  checks: string
  /** Shared check files `checks.ts` imports, by path under `exercises/` (`_shared/…`). */
  checkModules?: Record<string, string>
  /** The file that `export default`s the app. */
  entry: string
  /**
   * JavaScript already compiled from `files` and `checks` (in the page, for the WebContainer).
   * Anything missing, such as a file with a syntax error, is compiled where it runs, so errors are
   * reported the same way everywhere.
   */
  compiled?: {
    files: Record<string, string>
    checks?: string
    checkModules?: Record<string, string>
  }
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
export function requestFor(bundle: ExerciseBundle, files: Record<string, string>): RunRequest {
  return {
    files: { ...bundle.starter, ...files },
    editable:
      bundle.meta.kind === 'example'
        ? []
        : bundle.meta.files.filter((f) => f.editable).map((f) => f.path),
    checks: bundle.checks,
    ...(bundle.checkModules ? { checkModules: bundle.checkModules } : {}),
    entry: bundle.meta.entry,
  }
}
