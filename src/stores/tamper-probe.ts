import type { Verdict } from '../grader/verdict'
import { readTamperingProbe, tamperingProbe, type ProbeAnswer } from '../inspector/cookie-decoder'
import type { ExerciseStore, RunCode } from './exercise'

/**
 * What happened when the forged cookie was sent to the learner's app.
 *
 * @example
 * const outcome: ForgedOutcome = { kind: 'answered', request: 'GET /dashboard', real, tampered }
 */
export type ForgedOutcome =
  | { kind: 'answered'; request: string; real: ProbeAnswer; tampered: ProbeAnswer }
  /** No GET in the run carried this cookie, so there is no request to send again. */
  | { kind: 'never-sent' }
  | { kind: 'failed'; message: string }

/**
 * Sends a request from the last run again, with the real and then the forged cookie.
 *
 * @example
 * const outcome = await tryForged('session', value, forged)
 */
export type TryForged = (name: string, value: string, forged: string) => Promise<ForgedOutcome>

/**
 * The request inspector's tamper probe for one exercise: it finds the last GET of the latest run
 * that sent the cookie, and runs it again against the code of that run (the store's
 * `$runFiles`, not what the learner has typed since), once with the real cookie and once with the
 * forged one, through the same runtime as the checks.
 *
 * @param store - the exercise's store (its latest verdict and the files it ran)
 * @param run - runs checks against files: `checks` replaces the exercise's own checks
 * @returns the probe
 * @example
 * const tryForged = createTamperProbe(store, (checks, files) => runInChosenRuntime({ ...bundle, checks }, files))
 * await tryForged('session', value, tamperWith(decodeCookie(value)).forged)
 */
export function createTamperProbe(
  store: Pick<ExerciseStore, '$verdict' | '$runFiles'>,
  run: (checks: string, files: Parameters<RunCode>[0]) => Promise<Verdict>,
): TryForged {
  return async (name, value, forged) => {
    const probe = tamperingProbe(store.$verdict.get()?.timeline ?? [], name, value, forged)
    if (!probe) return { kind: 'never-sent' }
    const verdict = await run(probe.checks, store.$runFiles.get())
    const [real, tampered] = readTamperingProbe(verdict)
    if (!real || !tampered)
      return {
        kind: 'failed',
        message: verdict.message ?? 'The app did not answer both requests.',
      }
    return { kind: 'answered', request: `GET ${probe.path}`, real, tampered }
  }
}
