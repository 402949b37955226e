/**
 * A small least-recently-used map with a fixed size, for results that are pure functions of their
 * key (a verified cookie, a hash of a header). Keeps per-request crypto off the hot path without
 * growing without bound.
 *
 * @example
 * const cache = new BoundedCache<string, number>(2)
 * cache.set('a', 1)
 * cache.get('a') // 1
 */
export class BoundedCache<K, V> {
  readonly #limit: number
  readonly #map = new Map<K, V>()

  /** @param limit - the most entries kept */
  constructor(limit: number) {
    this.#limit = limit
  }

  /**
   * @param key - the key
   * @returns the value, or undefined
   */
  get(key: K): V | undefined {
    if (!this.#map.has(key)) return undefined
    const value = this.#map.get(key) as V
    this.#map.delete(key)
    this.#map.set(key, value)
    return value
  }

  /**
   * @param key - the key
   * @param value - the value
   */
  set(key: K, value: V): void {
    this.#map.delete(key)
    this.#map.set(key, value)
    if (this.#map.size > this.#limit) this.#map.delete(this.#map.keys().next().value as K)
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#map.size
  }
}
