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
 * The verdict for a run stopped at the time limit: the same words from every runtime.
 *
 * @param limitMs - the limit that was reached
 * @returns an `error` verdict with a message for the learner
 * @example
 * timeLimitVerdict(1000).message // 'Your code ran for more than 1 second without answering, …'
 */
export function timeLimitVerdict(limitMs: number): Verdict {
  const seconds = Number((limitMs / 1000).toFixed(1))
  return errorVerdict(say.timeLimit(seconds), { error: { message: 'Time limit exceeded' } })
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
 * run ends, to clear the timer.
 *
 * @param limitMs - the time limit
 * @param outer - the caller's own signal, if any
 * @returns the signal, and `done`
 * @example
 * const { signal, done } = runSignal(RUN_TIME_LIMIT_MS, pageSignal)
 * try { return await run(request, signal) } finally { done() }
 */
export function runSignal(
  limitMs: number,
  outer?: AbortSignal,
): { signal: AbortSignal; done(): void } {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new TimeLimitReached(limitMs)), limitMs)
  const follow = () => controller.abort(outer?.reason)
  if (outer?.aborted) follow()
  else outer?.addEventListener('abort', follow, { once: true })
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer)
      outer?.removeEventListener('abort', follow)
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
 * @returns an `error` verdict
 * @example
 * if (signal.aborted) return abortedVerdict(signal.reason)
 */
export function abortedVerdict(reason: unknown): Verdict {
  if (reason instanceof TimeLimitReached) return timeLimitVerdict(reason.limitMs)
  return errorVerdict(say.cancelled(), { error: { message: 'Cancelled' } })
}
