import { say } from '../sentences'
import {
  errorVerdict,
  formatCodeLocation,
  type CheckResult,
  type CodeError,
  type TimelineEntry,
  type Verdict,
} from '../verdict'
import type { WorkCounters } from '../../login-manager/work-counters'
import { CheckFailure, type CheckClock, type CheckContext, type ChecksModule } from './checks'
import { createClient, type ClientOptions, type RequestHandler, type TestClient } from './client'
import { describeDuration } from './cookie-jar'

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
 * The learner's server as the grader drives it. Every runtime provides one; the app itself lives
 * in another realm and only answers requests.
 *
 * @example
 * const app: GradedApp = { handler, takeServerErrors: () => [], restart, env: {}, clock, readWork }
 */
export interface GradedApp {
  /** Sends a request to the app. */
  handler: RequestHandler
  /** Errors the app threw since the last call (Hono turns them into 500s), described. */
  takeServerErrors(): CodeError[]
  /** Start the app again with fresh module state and `env` laid over the current environment. */
  restart(env?: Record<string, string>): Promise<void>
  /** The current environment. */
  readonly env: Readonly<Record<string, string>>
  clock: CheckClock
  /** The app realm's work counters now. */
  readWork(): Promise<WorkCounters>
}

/**
 * Run an exercise's checks (or an example's scenario) against an app and produce the verdict.
 * Every runtime calls this same function, on the grader's side, so verdicts agree and nothing the
 * app does but answer requests can change them.
 *
 * @param app - the learner's server, driven from here
 * @param module - the default export of `checks.ts`
 * @param describeError - maps an unexpected error to the learner's file, line and column
 * @param progress - told of each printed line as it happens
 * @returns the verdict
 * @example
 * const verdict = await grade(app, checks, (e) => ({ message: String(e) }))
 */
export async function grade(
  app: GradedApp,
  module: ChecksModule,
  describeError: DescribeError,
  progress: RunProgress = {},
): Promise<Verdict> {
  const timeline: TimelineEntry[] = []
  // What the checks do that no request shows (a restart, the clock, a cookie by hand): the next
  // request in the timeline carries it, so the inspector can say so where it happened.
  const notes: string[] = []
  // Every client is made here, so every jar reads expiry against the checks' clock.
  const makeClient = (label: string, browser: number, options: ClientOptions = {}): TestClient =>
    createClient(app.handler, timeline, label, browser, { ...options, now: app.clock.now, notes })
  if (module.kind === 'scenario') {
    const client = makeClient('scenario', 1)
    const output: string[] = []
    for (const step of module.steps) {
      try {
        const line = await step.run(client)
        output.push(line)
        progress.onOutput?.(line, output.length - 1)
      } catch (error) {
        const described = describeError(error)
        return errorVerdict(say.exampleStopped(step.label, described.message), {
          error: described,
          output,
          timeline,
        })
      }
    }
    return { status: 'passed', checks: [], output, timeline }
  }
  const checks: CheckResult[] = []
  for (const check of module.checks) {
    let browsers = 0
    const context: CheckContext = {
      client: makeClient(check.name, ++browsers),
      newClient: (options = {}) =>
        makeClient(
          check.name,
          ++browsers,
          options.origin === undefined ? {} : { origin: options.origin },
        ),
      restart: async (env) => {
        await app.restart(env)
        notes.push(say.serverRestarted(Object.keys(env ?? {})))
      },
      env: liveView(() => app.env),
      clock: {
        now: app.clock.now,
        advance: async (ms) => {
          await app.clock.advance(ms)
          if (ms > 0) notes.push(say.clockMoved(describeDuration(ms, true)))
        },
      },
      work: async (fn) => {
        const before = await app.readWork()
        const result = await fn()
        const after = await app.readWork()
        const done = Object.fromEntries(
          Object.entries(after).map(([kind, count]) => [
            kind,
            count - before[kind as keyof WorkCounters],
          ]),
        ) as unknown as WorkCounters
        return { result, ...done }
      },
    }
    app.takeServerErrors()
    notes.length = 0
    try {
      await check.run(context)
      checks.push({ name: check.name, passed: true })
    } catch (error) {
      checks.push(failedCheck(check.name, error, app.takeServerErrors()[0], describeError))
    }
  }
  return { status: checks.every((check) => check.passed) ? 'passed' : 'failed', checks, timeline }
}

/** A read-only view that always shows the current object, even when destructured early. */
function liveView(
  current: () => Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  return new Proxy(
    {},
    {
      get: (_, key) => (typeof key === 'string' ? current()[key] : undefined),
      has: (_, key) => typeof key === 'string' && Object.hasOwn(current(), key),
      ownKeys: () => Object.keys(current()),
      getOwnPropertyDescriptor: (_, key) =>
        typeof key === 'string' && Object.hasOwn(current(), key)
          ? { value: current()[key], enumerable: true, configurable: true, writable: false }
          : undefined,
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    },
  )
}

/** A failed check: the expectation that failed and, when the app threw on the way, where. */
function failedCheck(
  name: string,
  error: unknown,
  serverError: CodeError | undefined,
  describeError: DescribeError,
): CheckResult {
  if (!(error instanceof CheckFailure)) {
    // The check itself could not go on: the app's code threw straight into it.
    const described = describeError(error)
    const where = formatCodeLocation(described)
    return {
      name,
      passed: false,
      message: say.threwWhileHandling(described.message, where),
      error: described,
    }
  }
  const hint = error.hint ? { hint: error.hint } : {}
  if (serverError === undefined) return { name, passed: false, message: error.message, ...hint }
  const where = formatCodeLocation(serverError)
  return {
    name,
    passed: false,
    message: say.serverAlsoThrew(error.message, serverError.message, where),
    ...hint,
    error: serverError,
  }
}
