/**
 * Token buckets, one per key (an address, or an account name). Each bucket holds up to `capacity`
 * tokens and starts full. A failed login takes a token; tokens come back one every
 * `refillSeconds`, never above `capacity`. An empty bucket means "wait".
 */
export class TokenBuckets {
  readonly #capacity: number
  readonly #refillMs: number
  readonly #maxKeys: number
  readonly #buckets = new Map<string, { tokens: number; updated: number }>()

  constructor(options: { capacity: number; refillSeconds: number; maxKeys?: number }) {
    this.#capacity = options.capacity
    this.#refillMs = options.refillSeconds * 1000
    this.#maxKeys = options.maxKeys ?? 10_000
  }

  /** Seconds to wait before `key` may try again: 0 when its bucket has a token. */
  wait(key: string): number {
    const tokens = this.#tokens(key)
    if (tokens >= 1) return 0
    return Math.ceil(((1 - tokens) * this.#refillMs) / 1000)
  }

  /** Take one token from `key`'s bucket (after a failed login). */
  take(key: string): void {
    const tokens = Math.max(0, this.#tokens(key) - 1)
    this.#buckets.delete(key) // re-inserted last, so the Map stays in least-recently-used order
    this.#buckets.set(key, { tokens, updated: Date.now() })
    // Bounded memory whatever names and addresses an attacker invents: forget the oldest bucket.
    if (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value
      if (oldest !== undefined) this.#buckets.delete(oldest)
    }
  }

  /** The tokens in `key`'s bucket now, counting those that came back since it was last used. */
  #tokens(key: string): number {
    const bucket = this.#buckets.get(key)
    if (!bucket) return this.#capacity
    const refilled = bucket.tokens + (Date.now() - bucket.updated) / this.#refillMs
    if (refilled >= this.#capacity) {
      this.#buckets.delete(key) // full again: a full bucket needs no memory
      return this.#capacity
    }
    return refilled
  }
}

/**
 * The visitor's address. This app sits behind one reverse proxy that we run, which overwrites
 * X-Real-IP with the address it saw; nobody reaches the app except through it. Without such a
 * proxy, this header is written by the visitor and must not be trusted.
 */
export function clientAddress(c: { req: { header(name: string): string | undefined } }): string {
  return c.req.header('X-Real-IP') ?? 'unknown'
}
