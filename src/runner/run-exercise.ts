import { blanksAsErrors, blanksVerdict } from './blanks'
import type { ChecksModule } from './harness/checks'
import { grade, type RunProgress } from './harness/grade'
import { describeCodeError, loadModules, type Builtins } from './module-loader'
import type { RunRequest } from './run-request'
import type { Verdict } from './verdict'

interface HonoLike {
  request(path: string, init: RequestInit): Response | Promise<Response>
  onError?: (
    handler: (error: Error, c: { text(body: string, status: number): Response }) => Response,
  ) => unknown
}

/**
 * Run an exercise in this JavaScript context: load the learner's modules and the checks, and
 * grade. Blanks left in the code fail the checks that reach them (see {@link blanksAsErrors});
 * only code that cannot even be read with them in place is refused with a `blanks` verdict. The Node runtime, the Worker and the WebContainer all call
 * this, so their verdicts are the same.
 *
 * @param request - files, checks and entry
 * @param builtins - the modules code may import
 * @param progress - told of an example's printed lines as they happen
 * @returns the verdict
 * @example
 * const verdict = await runExercise({ files, editable: ['app.ts'], checks, entry: 'app.ts' }, courseBuiltins)
 */
export async function runExercise(
  request: RunRequest,
  builtins: Builtins,
  progress: RunProgress = {},
): Promise<Verdict> {
  const files = blanksAsErrors(request.editable, request.files)
  // JavaScript compiled in the page still has the blanks: those files are compiled again here.
  const compiled = Object.fromEntries(
    Object.entries(request.compiled?.files ?? {}).filter(
      ([path]) => files[path] === request.files[path],
    ),
  )
  const describe = (error: unknown) => describeCodeError(error, files)
  let app: HonoLike
  try {
    app = loadModules(files, request.entry, builtins, { compiled })['default'] as HonoLike
  } catch (error) {
    const described = describe(error)
    // Code that cannot be read with its blanks in place (a blank where a name is declared, say).
    const blanks = blanksVerdict(request.editable, request.files)
    if (blanks && described.message.startsWith('Syntax error')) return blanks
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
  if (
    !Object.values(files).some((source) => source.includes('.onError(')) &&
    typeof app.onError === 'function'
  ) {
    app.onError((error, c) => {
      serverErrors.push(error)
      return c.text('Internal Server Error', 500)
    })
  }
  let checks: ChecksModule
  try {
    const compiled = request.compiled?.checks
    checks = loadModules({ 'checks.ts': request.checks }, 'checks.ts', builtins, {
      compiled: compiled === undefined ? {} : { 'checks.ts': compiled },
    })['default'] as ChecksModule
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
    describe,
    () => serverErrors.splice(0),
    progress,
  )
}
