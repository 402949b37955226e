import type { RunRequest } from './run-request'
import { say } from './sentences'
import { errorVerdict, type Verdict } from './verdict'

/**
 * How long one run may take before it is stopped, in every runtime that can stop it (the Worker
 * and the WebContainer; the Node runtime used by tests and the CLI has no limit).
 *
 * @example
 * new WorkerRuntime(workers, { timeLimitMs: RUN_TIME_LIMIT_MS })
 */
export const RUN_TIME_LIMIT_MS = 5000

/**
 * How long the learner's tests may run against one app (the reference or one mutant), when an
 * exercise is graded by mutants.
 *
 * @example
 * runSignal(MUTANT_TIME_LIMIT_MS, signal)
 */
export const MUTANT_TIME_LIMIT_MS = 2000

/**
 * The time limit for one run request: a runtime's own limit, and for an exercise graded by mutants
 * twice every app's share (`perAppMs` each) on top: the tests run once against the reference app
 * and once per mutant, each time with two fresh realms (the app's and the tests') to start.
 *
 * @param request - the run request
 * @param limitMs - the runtime's limit for a run
 * @param perAppMs - the tests' limit against one app (default {@link MUTANT_TIME_LIMIT_MS})
 * @returns the limit for this request
 * @example
 * runSignal(timeLimitFor(request, RUN_TIME_LIMIT_MS), outer)
 */
export function timeLimitFor(
  request: Pick<RunRequest, 'mutants'>,
  limitMs: number,
  perAppMs = MUTANT_TIME_LIMIT_MS,
): number {
  const apps = request.mutants ? request.mutants.mutants.length + 1 : 0
  return limitMs + apps * 2 * perAppMs
}

/**
 * What the app was doing when its run was stopped: still starting (loading its entry file), or
 * answering a request. The grader's side knows it, since every call to the app goes through it.
 *
 * @example
 * const doing: InFlight = { kind: 'request', method: 'GET', url: '/spin' }
 */
export type InFlight =
  { kind: 'start'; entry: string } | { kind: 'request'; method: string; url: string }

/**
 * The verdict for a run stopped at the time limit: the same words from every runtime. When the
 * runtime knows what the app was doing, the verdict says it, and for a request whose route is
 * registered exactly once in the learner's files, it points at that line. (A Worker stopped in the
 * middle of a loop has no stack to read, so the line inside the handler cannot be known.)
 *
 * @param limitMs - the limit that was reached
 * @param doing - what the app was doing, if known
 * @param files - the learner's files, to find the route's line
 * @returns an `error` verdict with a message for the learner
 * @example
 * timeLimitVerdict(1000).message // 'Your code ran for more than 1 second without answering, …'
 */
export function timeLimitVerdict(
  limitMs: number,
  doing?: InFlight,
  files: Readonly<Record<string, string>> = {},
): Verdict {
  const seconds = Number((limitMs / 1000).toFixed(1))
  if (!doing) return errorVerdict(say.timeLimit(seconds), { error: { message: TIME_LIMIT } })
  if (doing.kind === 'start')
    return errorVerdict(say.timeLimit(seconds, say.stillStarting(doing.entry)), {
      error: { message: TIME_LIMIT, file: doing.entry },
    })
  const path = new URL(doing.url, 'http://app.test').pathname
  const route = routeOf(doing.method, path, files)
  return errorVerdict(say.timeLimit(seconds, say.answering(`${doing.method} ${path}`, route)), {
    error: { message: TIME_LIMIT, ...route },
  })
}

const TIME_LIMIT = 'Time limit exceeded'

/** The one line where a route for this method and exact path is registered, if there is one. */
function routeOf(
  method: string,
  path: string,
  files: Readonly<Record<string, string>>,
): { file: string; line: number } | undefined {
  const quoted = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(
    `\\.(?:${method.toLowerCase().replace(/[^a-z]/g, '')}|all)\\(\\s*(['"\`])${quoted}\\1`,
  )
  const found: { file: string; line: number }[] = []
  for (const [file, source] of Object.entries(files)) {
    // Bounded: a file's lines are read once, each against one short pattern.
    source.split('\n').forEach((text, index) => {
      if (pattern.test(text)) found.push({ file, line: index + 1 })
    })
  }
  return found.length === 1 ? found[0] : undefined
}

/**
 * The reason a run's signal aborts when it reaches the time limit.
 *
 * @example
 * controller.abort(new TimeLimitReached(5000))
 */
export class TimeLimitReached extends Error {
  readonly limitMs: number
  /** @param limitMs - the limit that was reached */
  constructor(limitMs: number) {
    super('Time limit exceeded')
    this.name = 'TimeLimitReached'
    this.limitMs = limitMs
  }
}

/**
 * A signal for one run: it aborts at the time limit (with {@link TimeLimitReached}) or when
 * `outer` aborts (a new Check, leaving the page), whichever comes first. Call `done()` when the
 * run ends, to clear the timer. `extend(ms)` moves the limit later by the time the runtime spent
 * on its own work (starting a fresh realm on a busy machine), which is not the learner's time.
 *
 * @param limitMs - the time limit
 * @param outer - the caller's own signal, if any
 * @returns the signal, `done`, and `extend`
 * @example
 * const { signal, done } = runSignal(RUN_TIME_LIMIT_MS, pageSignal)
 * try { return await run(request, signal) } finally { done() }
 */
export function runSignal(
  limitMs: number,
  outer?: AbortSignal,
): { signal: AbortSignal; done(): void; extend(ms: number): void } {
  const controller = new AbortController()
  let deadline = Date.now() + limitMs
  const arm = () =>
    setTimeout(
      () => controller.abort(new TimeLimitReached(limitMs)),
      Math.max(0, deadline - Date.now()),
    )
  let timer = arm()
  const follow = () => controller.abort(outer?.reason)
  if (outer?.aborted) follow()
  else outer?.addEventListener('abort', follow, { once: true })
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer)
      outer?.removeEventListener('abort', follow)
    },
    extend: (ms) => {
      if (controller.signal.aborted || !(ms > 0)) return
      clearTimeout(timer)
      deadline += ms
      timer = arm()
    },
  }
}

/**
 * Wait for a promise, but give up as soon as `signal` aborts: the returned promise then rejects
 * with the signal's reason. The one way the engine stops waiting on something it cannot cancel
 * itself (a WebContainer booting, a process's output stream).
 *
 * @param promise - what to wait for
 * @param signal - when to stop waiting
 * @returns the promise's value
 * @example
 * const container = await untilAborted(boot(), AbortSignal.timeout(3000))
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason as Error)
    signal.addEventListener('abort', stop, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop)
        reject(error as Error)
      },
    )
  })
}

/**
 * The verdict for a run whose signal aborted: the time-limit message, or that it was cancelled.
 *
 * @param reason - the signal's reason
 * @param doing - what the app was doing, if known (see {@link timeLimitVerdict})
 * @param files - the learner's files
 * @returns an `error` verdict
 * @example
 * if (signal.aborted) return abortedVerdict(signal.reason)
 */
export function abortedVerdict(
  reason: unknown,
  doing?: InFlight,
  files?: Readonly<Record<string, string>>,
): Verdict {
  if (reason instanceof TimeLimitReached) return timeLimitVerdict(reason.limitMs, doing, files)
  return errorVerdict(say.cancelled(), { error: { message: 'Cancelled' } })
}
