/**
 * Counts of the expensive work the library has done in this JavaScript realm. The course's checks
 * read them to grade timing lessons deterministically: "an unknown user must cost the same work as a
 * wrong password" becomes "both requests computed one password hash", with no stopwatch involved.
 *
 * The counts are per realm on purpose: the grader runs each learner app in a fresh realm, with its
 * own copy of the library, and reads that copy's counts.
 */

/**
 * What the library has counted since the last reset.
 *
 * @example
 * const stored = await generatePasswordHash('hunter2')
 * const before = readWorkCounters().passwordHashes
 * await checkPasswordHash(stored, 'guess')
 * readWorkCounters().passwordHashes - before // 1
 */
export interface WorkCounters {
  /** Password hashes derived (PBKDF2 or scrypt), by `checkPasswordHash` and `generatePasswordHash`. */
  passwordHashes: number
}

const counters: WorkCounters = { passwordHashes: 0 }

/**
 * Add one unit of work of a kind. Called by the library itself, at the one place each kind of work
 * happens.
 *
 * @param kind - which counter
 * @example
 * countWork('passwordHashes')
 */
export function countWork(kind: keyof WorkCounters): void {
  counters[kind] += 1
}

/**
 * A snapshot of the counters.
 *
 * @returns a copy, so later work does not change it
 * @example
 * readWorkCounters() // { passwordHashes: 0 }
 */
export function readWorkCounters(): WorkCounters {
  return { ...counters }
}

/**
 * Set every counter back to zero.
 *
 * @example
 * resetWorkCounters()
 * readWorkCounters().passwordHashes // 0
 */
export function resetWorkCounters(): void {
  for (const key of Object.keys(counters) as (keyof WorkCounters)[]) counters[key] = 0
}
