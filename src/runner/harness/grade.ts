import {
  formatCodeLocation,
  type CheckResult,
  type CodeError,
  type TimelineEntry,
  type Verdict,
} from '../verdict'
import { CheckFailure, type ChecksModule } from './checks'
import { createClient, type RequestHandler } from './client'

/**
 * How an error thrown by learner code is described; runtimes map stack frames to files.
 *
 * @example
 * const describe: DescribeError = (error) => describeCodeError(error, request.files)
 */
export type DescribeError = (error: unknown) => CodeError

/**
 * What a run reports while it is still going: an example's printed lines, one by one, so the page
 * can show them as they happen. The verdict at the end carries the same lines.
 *
 * @example
 * const progress: RunProgress = { onOutput: (line, index) => terminal.append(line) }
 */
export interface RunProgress {
  /** Called with each line an example prints, in order, as soon as its request is answered. */
  onOutput?: (line: string, index: number) => void
}

/**
 * Run an exercise's checks (or an example's scenario) against an app and produce the verdict.
 * Every runtime calls this same function, so verdicts agree.
 *
 * @param handler - sends a request to the learner's app
 * @param module - the default export of `checks.ts`
 * @param describeError - maps an unexpected error to the learner's file, line and column
 * @param takeServerErrors - errors the app threw since the last call (Hono turns them into 500s)
 * @param progress - told of each printed line as it happens
 * @returns the verdict
 * @example
 * const verdict = await grade((path, init) => app.request(path, init), checks, (e) => ({ message: String(e) }))
 */
export async function grade(
  handler: RequestHandler,
  module: ChecksModule,
  describeError: DescribeError,
  takeServerErrors: () => unknown[] = () => [],
  progress: RunProgress = {},
): Promise<Verdict> {
  const timeline: TimelineEntry[] = []
  if (module.kind === 'scenario') {
    const client = createClient(handler, timeline, 'scenario')
    const output: string[] = []
    for (const step of module.steps) {
      try {
        const line = await step.run(client)
        output.push(line)
        progress.onOutput?.(line, output.length - 1)
      } catch (error) {
        const described = describeError(error)
        return {
          status: 'error',
          checks: [],
          output,
          timeline,
          message: `The example stopped at "${step.label}": ${described.message}`,
          error: described,
        }
      }
    }
    return { status: 'passed', checks: [], output, timeline }
  }
  const checks: CheckResult[] = []
  for (const check of module.checks) {
    let browsers = 0
    const newClient = () => createClient(handler, timeline, check.name, ++browsers)
    takeServerErrors()
    try {
      await check.run({ client: newClient(), newClient })
      checks.push({ name: check.name, passed: true })
    } catch (error) {
      checks.push(failedCheck(check.name, error, takeServerErrors()[0], describeError))
    }
  }
  return { status: checks.every((check) => check.passed) ? 'passed' : 'failed', checks, timeline }
}

/** A failed check: the expectation that failed and, when the app threw on the way, where. */
function failedCheck(
  name: string,
  error: unknown,
  serverError: unknown,
  describeError: DescribeError,
): CheckResult {
  if (!(error instanceof CheckFailure)) {
    // The check itself could not go on: the app's code threw straight into it.
    const described = describeError(error)
    const where = formatCodeLocation(described)
    return {
      name,
      passed: false,
      message: `Your code threw an error while handling this request: ${described.message}${where ? ` (${where})` : ''}`,
      error: described,
    }
  }
  const hint = error.hint ? { hint: error.hint } : {}
  if (serverError === undefined) return { name, passed: false, message: error.message, ...hint }
  const described = describeError(serverError)
  const where = formatCodeLocation(described)
  return {
    name,
    passed: false,
    message: `${error.message} Your server threw an error on the way: ${described.message}${where ? ` (${where})` : ''}`,
    ...hint,
    error: described,
  }
}
