import type { Verdict } from '../../src/grader/verdict'

/**
 * A verdict with what legitimately differs between two runs of the same code blanked out, so
 * verdicts from different runtimes (or runs) can be compared with `toEqual`. The wall clock moves
 * between runs: cookie `Expires` dates, the jar's reasons that quote them, and the times a session
 * cookie signs (blanked with the signature that covers them), and random values: a session id
 * from a store, reset tokens and their hashes. A header value with a line break is
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
      // A session kept in a store is a fresh random id of 43 characters in every run.
      .replace(/session=[\w-]{43}(?=[;"\\]|$)/g, 'session=(random id)')
      // ...and a page that shows its row shows the id's SHA-256 and the times in seconds.
      .replace(/(_at\\":)\d{9,12}/g, '$1(time)')
      // Random values an app makes: the reset exercises' 256-bit tokens, in links (a body snippet
      // may cut one short) and on their own as base64url, and their SHA-256 in hex.
      .replace(/\/reset\/[\w-]+/g, '/reset/(random)')
      .replace(/(?<![\w-])[\w-]{43}(?![\w-])/g, '(random)')
      .replace(/\b[0-9a-f]{64}\b/g, '(sha-256)')
      .replace(
        /TypeError: (Headers\.set: \\"(?:[^"\\]|\\[^"])*\\" is an invalid header value\.|Failed to execute 'set' on 'Headers': Invalid value)/g,
        'TypeError: (invalid header value)',
      ),
  ) as Verdict
}
