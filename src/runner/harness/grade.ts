import type { CheckResult, TimelineEntry, Verdict } from '../verdict'
import { CheckFailure, type ChecksModule } from './checks'
import { createClient, type RequestHandler } from './client'

/**
 * How an error thrown by learner code is described; runtimes map stack frames to files.
 *
 * @example
 * const describe: DescribeError = (error) => describeCodeError(error, request.files)
 */
export type DescribeError = (error: unknown) => {
  message: string
  file?: string
  line?: number
  column?: number
}

/**
 * Run an exercise's checks (or an example's scenario) against an app and produce the verdict.
 * Every runtime calls this same function, so verdicts agree.
 *
 * @param handler - sends a request to the learner's app
 * @param module - the default export of `checks.ts`
 * @param describeError - maps an unexpected error to the learner's file and line
 * @returns the verdict
 * @example
 * const verdict = await grade((path, init) => app.request(path, init), checks, (e) => ({ message: String(e) }))
 */
export async function grade(
  handler: RequestHandler,
  module: ChecksModule,
  describeError: DescribeError,
  takeServerErrors: () => unknown[] = () => [],
): Promise<Verdict> {
  const timeline: TimelineEntry[] = []
  if (module.kind === 'scenario') {
    const client = createClient(handler, timeline, 'scenario')
    const output: string[] = []
    for (const step of module.steps) {
      try {
        output.push(await step.run(client))
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
    const made: ReturnType<typeof createClient>[] = []
    const newClient = () => {
      const client = createClient(handler, timeline, check.name)
      made.push(client)
      return client
    }
    takeServerErrors()
    try {
      await check.run({ client: newClient(), newClient })
      checks.push({ name: check.name, passed: true })
    } catch (error) {
      if (error instanceof CheckFailure) {
        const thrown = takeServerErrors()[0]
        const described = thrown === undefined ? undefined : describeError(thrown)
        const where = described?.file
          ? ` (${described.file}${described.line ? `, line ${described.line}` : ''})`
          : ''
        const message = described
          ? `${error.message} Your server threw an error on the way: ${described.message}${where}`
          : error.message
        checks.push({
          name: check.name,
          passed: false,
          message,
          ...(error.hint ? { hint: error.hint } : {}),
        })
      } else {
        const described = describeError(error)
        const where = described.file
          ? ` (${described.file}${described.line ? `, line ${described.line}` : ''})`
          : ''
        checks.push({
          name: check.name,
          passed: false,
          message: `Your code threw an error while handling this request: ${described.message}${where}`,
        })
      }
    }
  }
  return { status: checks.every((check) => check.passed) ? 'passed' : 'failed', checks, timeline }
}
