import { errorMessages, LoginManagerError } from '../errors'
import { constantTimeEqual } from './crypto'
import { toHex, utf8 } from './encoding'
import { scryptAsync } from '@noble/hashes/scrypt.js'
import { countWork } from '../work-counters'

/**
 * The default hashing method: PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations. Werkzeug 3.1's own
 * default is 1,000,000; both read each other's hashes, since the count is part of the string.
 */
export const DEFAULT_PASSWORD_METHOD = 'pbkdf2:sha256:600000'

const SALT_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
/**
 * How long scrypt may run before it yields, in milliseconds. noble's scryptAsync restarts its slice
 * clock at each of the 2·p loops it runs, without yielding in between, so the longest stall is
 * about 2·p slices: the slice shrinks as p grows, keeping that under 40 ms (p is at most 16).
 */
function scryptSliceMs(p: number): number {
  return Math.min(10, Math.max(1, Math.floor(40 / (2 * p))))
}
const pbkdf2Hashes = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' } as const

/**
 * A random salt of letters and digits, as Werkzeug makes them, from `crypto.getRandomValues`.
 *
 * @param length - how many characters, a whole number from 1 to 256
 * @returns the salt
 * @throws LoginManagerError (`bad-salt-length`) for any other length
 * @example
 * generateSalt(16) // e.g. 'Z5r1Kd3uQm2pX9wA'
 */
export function generateSalt(length: number): string {
  if (!isSaltLength(length))
    throw new LoginManagerError('bad-salt-length', errorMessages.badSaltLength(length))
  let salt = ''
  while (salt.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      // 248 is the largest multiple of 62 below 256: rejecting the rest avoids modulo bias.
      if (byte < 248 && salt.length < length) salt += SALT_CHARS[byte % 62]
    }
  }
  return salt
}

type ParsedMethod =
  | { kind: 'pbkdf2'; hash: keyof typeof pbkdf2Hashes; iterations: number; text: string }
  | { kind: 'scrypt'; n: number; r: number; p: number; text: string }

/**
 * The bounds on every parameter of a hash string. Anyone who can write to the users table (a
 * planted row, a bad import) chooses them, so each is capped at what a real hash needs:
 *
 * - **PBKDF2 iterations, 1 to 2,000,000.** Werkzeug 3.1 defaults to 1,000,000 and OWASP asks for at
 *   least 600,000 (SHA-256); twice Werkzeug's default leaves room to grow. Web Crypto runs the
 *   derivation off the main thread, but a count like 999,999,999 still occupies a thread-pool
 *   worker for minutes, and a few such checks stall every other request that needs one.
 * - **scrypt N, 2 to 2^20, a power of two; p at most 16 and r·p at most 128; at most 256 MiB
 *   (128·N·r bytes) and 16 times the work of Werkzeug's default (N·r·p at most 2^22).** Werkzeug's
 *   default `32768:8:1` uses 32 MiB; OWASP's `131072:8:1` (N=2^17) uses 128 MiB and fits, as do its
 *   alternatives up to `8192:8:10`. The cap on p bounds how long scrypt runs between two yields to
 *   other requests (see `scryptSliceMs`).
 * - **Salt, 1 to 256 characters.** Werkzeug makes 16; a salt longer than this is no safer.
 * - **Digest, exactly the method's length:** 40, 64 or 128 hex characters for PBKDF2 with SHA-1,
 *   SHA-256 or SHA-512 (Werkzeug uses the hash's own size), 128 for scrypt (Werkzeug's dklen 64).
 *
 * A stored hash outside them makes `checkPasswordHash` answer `false` at once, without hashing;
 * asking `generatePasswordHash` for one throws a `LoginManagerError` that says which bound.
 *
 * @example
 * HASH_LIMITS.pbkdf2.maxIterations // 2_000_000
 */
export const HASH_LIMITS = {
  pbkdf2: { minIterations: 1, maxIterations: 2_000_000 },
  scrypt: {
    maxN: 2 ** 20,
    maxP: 16,
    maxRTimesP: 128,
    /** Bytes of the N·128·r scratch table. */
    maxMemory: 256 * 1024 * 1024,
    /** N·r·p, 16 times Werkzeug's default. */
    maxWork: 2 ** 22,
  },
  salt: { minLength: 1, maxLength: 256 },
  /** The whole stored string; the longest legal one is well under this. */
  maxHashLength: 1024,
} as const

const DIGEST_HEX_LENGTH = { sha1: 40, sha256: 64, sha512: 128, scrypt: 128 } as const

function scryptWithinLimits({ n, r, p }: { n: number; r: number; p: number }): boolean {
  const limits = HASH_LIMITS.scrypt
  return (
    n <= limits.maxN &&
    p <= limits.maxP &&
    r * p <= limits.maxRTimesP &&
    128 * n * r <= limits.maxMemory &&
    n * r * p <= limits.maxWork
  )
}

function withinLimits(method: ParsedMethod): boolean {
  return method.kind === 'scrypt'
    ? scryptWithinLimits(method)
    : method.iterations <= HASH_LIMITS.pbkdf2.maxIterations
}

function isSaltLength(length: number): boolean {
  return (
    Number.isInteger(length) &&
    length >= HASH_LIMITS.salt.minLength &&
    length <= HASH_LIMITS.salt.maxLength
  )
}

function parseMethod(method: string): ParsedMethod | null {
  const parts = method.split(':')
  if (parts[0] === 'pbkdf2') {
    const hash = parts[1] ?? 'sha256'
    if (!(hash in pbkdf2Hashes) || parts.length > 3) return null
    const iterations = parts[2] === undefined ? 600_000 : Number(parts[2])
    if (!Number.isSafeInteger(iterations) || iterations < HASH_LIMITS.pbkdf2.minIterations)
      return null
    return {
      kind: 'pbkdf2',
      hash: hash as keyof typeof pbkdf2Hashes,
      iterations,
      text: `pbkdf2:${hash}:${iterations}`,
    }
  }
  if (parts[0] === 'scrypt') {
    if (parts.length !== 1 && parts.length !== 4) return null
    const [n = 0, r = 0, p = 0] = parts.length === 4 ? parts.slice(1).map(Number) : [32768, 8, 1]
    if (![n, r, p].every((v) => Number.isSafeInteger(v) && v > 0)) return null
    if (n < 2 || (n & (n - 1)) !== 0) return null
    return { kind: 'scrypt', n, r, p, text: `scrypt:${n}:${r}:${p}` }
  }
  return null
}

/** The error for a method that parses but lies outside {@link HASH_LIMITS}. */
function tooCostly(method: ParsedMethod): LoginManagerError {
  return method.kind === 'scrypt'
    ? new LoginManagerError('scrypt-too-costly', errorMessages.scryptTooCostly(method))
    : new LoginManagerError('pbkdf2-too-costly', errorMessages.pbkdf2TooCostly(method.iterations))
}

async function derive(method: ParsedMethod, password: string, salt: string): Promise<string> {
  countWork('passwordHashes')
  if (method.kind === 'scrypt') {
    // noble's scryptAsync hands the event loop back every few milliseconds (asyncTick), so a
    // login that takes 300 ms of CPU never holds other requests up for more than one slice.
    const key = await scryptAsync(utf8(password), utf8(salt), {
      N: method.n,
      r: method.r,
      p: method.p,
      dkLen: 64,
      asyncTick: scryptSliceMs(method.p),
      maxmem: HASH_LIMITS.scrypt.maxMemory + 1024 * 1024,
    })
    return toHex(key)
  }
  const key = await crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits'])
  const hash = pbkdf2Hashes[method.hash]
  const length = hash === 'SHA-1' ? 20 : hash === 'SHA-256' ? 32 : 64
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash, salt: utf8(salt), iterations: method.iterations },
    key,
    length * 8,
  )
  return toHex(new Uint8Array(bits))
}

/**
 * The Werkzeug hash string of a password with a given salt and method: the one path by which
 * {@link generatePasswordHash} hashes. Not public (a fixed salt defeats the point of salting); tests
 * use it to reproduce Werkzeug's vectors byte for byte.
 *
 * @param password - the password
 * @param salt - the salt, letters and digits
 * @param method - as for {@link generatePasswordHash}
 * @returns `method$salt$hex`
 * @throws LoginManagerError (`unknown-hash-method`, `scrypt-too-costly`, `pbkdf2-too-costly`) for a method it cannot use
 * @example
 * await hashPasswordWithSalt('hunter2', 'Z5r1Kd3uQm2pX9wA', 'pbkdf2:sha256:600000') // 'pbkdf2:sha256:600000$Z5r1Kd3uQm2pX9wA$feb8…'
 */
export async function hashPasswordWithSalt(
  password: string,
  salt: string,
  method: string,
): Promise<string> {
  const parsed = typeof method === 'string' ? parseMethod(method) : null
  if (!parsed)
    throw new LoginManagerError('unknown-hash-method', errorMessages.unknownHashMethod(method))
  if (!withinLimits(parsed)) throw tooCostly(parsed)
  return `${parsed.text}$${salt}$${await derive(parsed, password, salt)}`
}

/**
 * Options for {@link generatePasswordHash}.
 *
 * @example
 * const options: PasswordHashOptions = { method: 'scrypt:32768:8:1', saltLength: 16 }
 * const hash = await generatePasswordHash('correct horse', options)
 */
export interface PasswordHashOptions {
  /** `pbkdf2:sha256[:iterations]` (default `pbkdf2:sha256:600000`), `pbkdf2:sha512[:iterations]`, or `scrypt[:N:r:p]`. */
  method?: string
  /** Salt length in characters, 1 to 256 (default 16). */
  saltLength?: number
}

/**
 * Hash a password for storage, in Werkzeug's format (`method$salt$hex`), so hashes move freely
 * between this library and Flask apps. Never store the password itself.
 *
 * @param password - the password the user chose
 * @param options - method and salt length
 * @returns the hash string
 * @throws LoginManagerError for an unknown method (`unknown-hash-method`), parameters beyond
 * {@link HASH_LIMITS} (`scrypt-too-costly`, `pbkdf2-too-costly`) or a salt length outside 1 to 256
 * (`bad-salt-length`)
 * @example
 * const hash = await generatePasswordHash('correct horse')
 * hash.startsWith('pbkdf2:sha256:600000$') // true
 */
export async function generatePasswordHash(
  password: string,
  options: PasswordHashOptions = {},
): Promise<string> {
  const method = options.method ?? DEFAULT_PASSWORD_METHOD
  // The method is checked before the salt is drawn, so a typo is reported as a typo.
  if (typeof method !== 'string' || !parseMethod(method))
    throw new LoginManagerError('unknown-hash-method', errorMessages.unknownHashMethod(method))
  return hashPasswordWithSalt(password, generateSalt(options.saltLength ?? 16), method)
}

/**
 * Check a password against a stored hash, in constant time. Accepts Werkzeug's pbkdf2 and scrypt
 * formats. Returns `false` (never throws) for a wrong password, an unknown method, a malformed hash,
 * or any parameter outside {@link HASH_LIMITS} (iterations, N, r, p, salt and digest length); those
 * answers come at once, without hashing, so a planted hash cannot exhaust the server. scrypt yields
 * to other requests every 10 ms while it works.
 *
 * @param hash - the stored hash
 * @param password - the password to check
 * @returns true when the password matches
 * @example
 * const hash = await generatePasswordHash('hunter2', { method: 'pbkdf2:sha256:1000' })
 * await checkPasswordHash(hash, 'hunter2') // true
 * await checkPasswordHash(hash, 'hunter3') // false
 */
export async function checkPasswordHash(hash: string, password: string): Promise<boolean> {
  try {
    if (typeof hash !== 'string' || typeof password !== 'string') return false
    if (hash.length > HASH_LIMITS.maxHashLength) return false
    const parts = hash.split('$')
    if (parts.length !== 3) return false
    const [methodText, salt, expected] = parts as [string, string, string]
    const method = parseMethod(methodText)
    if (!method || !withinLimits(method) || !isSaltLength(salt.length)) return false
    const digestLength = DIGEST_HEX_LENGTH[method.kind === 'scrypt' ? 'scrypt' : method.hash]
    if (expected.length !== digestLength || !/^[0-9a-f]+$/i.test(expected)) return false
    return constantTimeEqual(await derive(method, password, salt), expected.toLowerCase())
  } catch {
    return false
  }
}
