import { blanksVerdict } from './blanks'
import type { ChecksModule } from './harness/checks'
import { grade } from './harness/grade'
import { describeCodeError, loadModules, type Builtins } from './module-loader'
import type { ExerciseMeta } from '../schemas/exercise'
import type { Verdict } from './verdict'

/** Everything needed to run one exercise: the learner's files, the checks and the entry. */
export interface RunRequest {
  /** Every file of the exercise, the learner's versions of the editable ones. */
  files: Record<string, string>
  /** The paths the learner may edit (checked for blanks). Empty for examples. */
  editable: string[]
  /** The TypeScript source of `checks.ts`. */
  checks: string
  /** The file that `export default`s the app. */
  entry: string
}

interface HonoLike {
  request(path: string, init: RequestInit): Response | Promise<Response>
  onError?: (handler: (error: Error, c: { text(body: string, status: number): Response }) => Response) => unknown
}

/**
 * Run an exercise in this JavaScript context: refuse while blanks remain, load the learner's
 * modules and the checks, and grade. The Node runtime, the Worker and the WebContainer all call
 * this, so their verdicts are the same.
 *
 * @param request - files, checks and entry
 * @param builtins - the modules code may import
 * @returns the verdict
 * @example
 * const verdict = await runExercise({ files, editable: ['app.ts'], checks, entry: 'app.ts' }, courseBuiltins)
 */
export async function runExercise(request: RunRequest, builtins: Builtins): Promise<Verdict> {
  const blanks = blanksVerdict(request.editable, request.files)
  if (blanks) return blanks
  let app: HonoLike
  try {
    app = loadModules(request.files, request.entry, builtins)['default'] as HonoLike
  } catch (error) {
    const described = describeCodeError(error)
    return {
      status: 'error',
      checks: [],
      timeline: [],
      message: `Your code could not start: ${described.message}`,
      error: described,
    }
  }
  if (!app || typeof app.request !== 'function') {
    return {
      status: 'error',
      checks: [],
      timeline: [],
      message: `${request.entry} must end with "export default app", where app is your Hono app, so the checks can send it requests.`,
      error: { message: 'No default export of a Hono app', file: request.entry },
    }
  }
  const serverErrors: unknown[] = []
  // Hono turns a thrown error into a bare 500. Unless the learner handles errors themselves, keep
  // the error so a failing check can say what was thrown and where.
  if (!Object.values(request.files).some((source) => source.includes('.onError(')) && typeof app.onError === 'function') {
    app.onError((error, c) => {
      serverErrors.push(error)
      return c.text('Internal Server Error', 500)
    })
  }
  let checks: ChecksModule
  try {
    checks = loadModules({ 'checks.ts': request.checks }, 'checks.ts', builtins)['default'] as ChecksModule
  } catch (error) {
    return {
      status: 'error',
      checks: [],
      timeline: [],
      message: `The exercise's own checks failed to load, which is a bug in the course: ${describeCodeError(error).message}`,
    }
  }
  return grade(
    async (path, init) => app.request(path, init),
    checks,
    describeCodeError,
    () => serverErrors.splice(0),
  )
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
export function requestFor(bundle: { meta: Pick<ExerciseMeta, 'kind' | 'files' | 'entry'>; starter: Record<string, string>; checks: string }, files: Record<string, string>): RunRequest {
  return {
    files: { ...bundle.starter, ...files },
    editable: bundle.meta.kind === 'example' ? [] : bundle.meta.files.filter((f) => f.editable).map((f) => f.path),
    checks: bundle.checks,
    entry: bundle.meta.entry,
  }
}
