import type { Verdict } from './verdict'

/**
 * How long one run may take before it is stopped, in every runtime that can stop it (the Worker
 * and the WebContainer; the Node runtime used by tests and the CLI has no limit).
 *
 * @example
 * new WorkerRuntime(createWorker, { timeLimitMs: RUN_TIME_LIMIT_MS })
 */
export const RUN_TIME_LIMIT_MS = 5000

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
  return {
    status: 'error',
    checks: [],
    timeline: [],
    message: `Your code ran for more than ${seconds} ${seconds === 1 ? 'second' : 'seconds'} without answering, so it was stopped. Look for a loop that never ends, or a promise that is never resolved.`,
    error: { message: 'Time limit exceeded' },
  }
}
