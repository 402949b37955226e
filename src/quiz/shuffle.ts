/** A seed: a number, or a string hashed to one (FNV-1a). @example const seed: Seed = 'login-manager-practice#1' */
export type Seed = number | string

/** FNV-1a over UTF-16 code units: a quick, stable string hash. */
function hashSeed(seed: Seed): number {
  if (typeof seed === 'number') return seed >>> 0
  let hash = 2166136261
  for (let index = 0; index < seed.length; index++) {
    hash = Math.imul(hash ^ seed.charCodeAt(index), 16777619) >>> 0
  }
  return hash
}

/**
 * A small, fast, seeded random number generator (mulberry32). The same seed always gives the
 * same sequence, in every browser and in Node, so a retry's order can be reproduced in tests.
 *
 * @param seed - a number or a string
 * @returns a function giving numbers in [0, 1)
 * @example
 * const random = createRng('login-manager-practice#1')
 * random() === createRng('login-manager-practice#1')() // true
 */
export function createRng(seed: Seed): () => number {
  let state = hashSeed(seed)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A seeded Fisher–Yates shuffle. The input is not changed.
 *
 * @param items - anything
 * @param seed - the same seed gives the same order
 * @returns a shuffled copy
 * @example
 * shuffle([1, 2, 3, 4], 'x') // the same order every time for 'x'
 */
export function shuffle<T>(items: readonly T[], seed: Seed): T[] {
  const random = createRng(seed)
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const item = copy[i] as T
    copy[i] = copy[j] as T
    copy[j] = item
  }
  return copy
}
