import type { Verdict } from '../../src/grader/verdict'

/**
 * A verdict with what legitimately differs between two runs of the same code blanked out, so
 * verdicts from different runtimes (or runs) can be compared with `toEqual`. The wall clock moves
 * between runs: cookie `Expires` dates, the jar's reasons that quote them, and the times a session
 * cookie signs (blanked with the signature that covers them). A header value with a line break is
 * refused by each platform's own `Headers`, in its own words.
 *
 * @param verdict - from any runtime
 * @returns the same verdict, comparable
 * @example
 * expect(comparableVerdict(inWorker)).toEqual(comparableVerdict(inNode))
 */
export function comparableVerdict(verdict: Verdict): Verdict {
  return JSON.parse(
    JSON.stringify(verdict)
      .replace(/Expires=[^;"]+/g, 'Expires=(time)')
      .replace(/until \w{3}, [^)"]+ GMT/g, 'until (time)')
      .replace(/Expired at \w{3}, [^,"]+ GMT/g, 'Expired at (time)')
      .replace(/\.\d{9,12}\.\d{9,12}\.[\w-]+/g, '.(time).(time).(signature)')
      .replace(
        /TypeError: (Headers\.set: \\"(?:[^"\\]|\\[^"])*\\" is an invalid header value\.|Failed to execute 'set' on 'Headers': Invalid value)/g,
        'TypeError: (invalid header value)',
      ),
  ) as Verdict
}
