import type { ExerciseBundle } from '../schemas/exercise'
import type { MutantSet } from '../schemas/mutant'

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
  /** For an exercise graded by mutants: the learner's test file and the mutants it must catch. */
  mutants?: MutantSet
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
  /**
   * The names of the checks to run (a multi-step exercise grades the learner's step and the ones
   * before it); absent, every check runs. An example's scenario always runs whole.
   */
  only?: string[]
  /** The exercise's seed SQL (`seed.sql`): what `app.db` holds when the run starts. */
  seed?: string
}

/**
 * Whether a run's code imports `signed-in/db`, so the runtime loads SQLite for it (and only then).
 *
 * @param files - sources by path
 * @returns true when any file imports the database module
 * @example
 * usesDatabase({ 'app.ts': "import { openDatabase } from 'signed-in/db'" }) // true
 */
export function usesDatabase(files: Readonly<Record<string, string>>): boolean {
  return Object.values(files).some((source) => /(['"])signed-in\/db\1/.test(source))
}

/**
 * The run request for an exercise: starter files overlaid with the learner's.
 *
 * @param bundle - the exercise
 * @param files - the learner's files
 * @param only - the names of the checks to run, when not all of them
 * @returns what `runExercise` takes
 * @example
 * requestFor(bundle, { 'app.ts': code }).entry // 'app.ts'
 * requestFor(bundle, files, ['A new member can sign up']).only // ['A new member can sign up']
 */
export function requestFor(
  bundle: ExerciseBundle,
  files: Record<string, string>,
  only?: readonly string[],
): RunRequest {
  const all = { ...bundle.starter, ...files }
  return {
    ...(only ? { only: [...only] } : {}),
    files: all,
    ...(bundle.compiled
      ? {
          compiled: fromBuild(bundle.compiled, all, bundle.checks, bundle.checkModules ?? {}),
        }
      : {}),
    editable:
      bundle.meta.kind === 'example'
        ? []
        : bundle.meta.files.filter((f) => f.editable).map((f) => f.path),
    checks: bundle.checks,
    ...(bundle.checkModules ? { checkModules: bundle.checkModules } : {}),
    entry: bundle.meta.entry,
    ...(bundle.seed === undefined ? {} : { seed: bundle.seed }),
    ...(bundle.mutants ? { mutants: bundle.mutants } : {}),
  }
}

/**
 * The key of a file's JavaScript, in `ExerciseBundle.compiled` and in the grader's compile cache:
 * its path and its exact source, so only the very code that was compiled finds it.
 *
 * @param path - the file's path (`checks.ts` for the checks)
 * @param source - its TypeScript source
 * @returns the key
 * @example
 * bundle.compiled?.[compiledKey('app.ts', files['app.ts'])]
 */
export function compiledKey(path: string, source: string): string {
  return `${path}\0${source}`
}

/** The build's JavaScript for the code of this run that it has: the code nobody changed. */
function fromBuild(
  compiled: Readonly<Record<string, string>>,
  files: Readonly<Record<string, string>>,
  checks: string,
  checkModules: Readonly<Record<string, string>>,
): NonNullable<RunRequest['compiled']> {
  const found = (sources: Readonly<Record<string, string>>) =>
    Object.fromEntries(
      Object.entries(sources).flatMap(([path, source]) => {
        const js = compiled[compiledKey(path, source)]
        return js === undefined ? [] : [[path, js]]
      }),
    )
  const compiledChecks = compiled[compiledKey('checks.ts', checks)]
  return {
    files: found(files),
    ...(compiledChecks === undefined ? {} : { checks: compiledChecks }),
    checkModules: found(checkModules),
  }
}
