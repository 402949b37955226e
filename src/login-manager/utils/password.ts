import { errorMessages, LoginManagerError } from '../errors'
import { constantTimeEqual } from './crypto'
import { toHex, utf8 } from './encoding'
import { scrypt } from './scrypt'
import { countWork } from '../work-counters'

/**
 * The default hashing method: PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations. Werkzeug 3.1's own
 * default is 1,000,000; both read each other's hashes, since the count is part of the string.
 */
export const DEFAULT_PASSWORD_METHOD = 'pbkdf2:sha256:600000'

const SALT_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const pbkdf2Hashes = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' } as const

/**
 * A random salt of letters and digits, as Werkzeug makes them, from `crypto.getRandomValues`.
 *
 * @param length - how many characters, a whole number of at least 1
 * @returns the salt
 * @throws LoginManagerError (`bad-salt-length`) for any other length
 * @example
 * generateSalt(16) // e.g. 'Z5r1Kd3uQm2pX9wA'
 */
export function generateSalt(length: number): string {
  if (!Number.isInteger(length) || length < 1)
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
 * The most scrypt may cost here. Werkzeug's default (N=2^15, r=8, p=1) uses 32 MiB and 2^18 units
 * of work; OWASP's settings (up to N=2^17, r=8) fit too. The caps keep a hash string, which anyone
 * with database access can write, from making the server allocate gigabytes or hash for minutes.
 */
const SCRYPT_LIMITS = {
  maxN: 2 ** 20,
  maxRTimesP: 128,
  /** Bytes of the N·128·r scratch table. */
  maxMemory: 256 * 1024 * 1024,
  /** N·r·p, 16 times Werkzeug's default. */
  maxWork: 2 ** 22,
} as const

function scryptWithinLimits({ n, r, p }: { n: number; r: number; p: number }): boolean {
  return (
    n <= SCRYPT_LIMITS.maxN &&
    r * p <= SCRYPT_LIMITS.maxRTimesP &&
    128 * n * r <= SCRYPT_LIMITS.maxMemory &&
    n * r * p <= SCRYPT_LIMITS.maxWork
  )
}

function parseMethod(method: string): ParsedMethod | null {
  const parts = method.split(':')
  if (parts[0] === 'pbkdf2') {
    const hash = parts[1] ?? 'sha256'
    if (!(hash in pbkdf2Hashes) || parts.length > 3) return null
    const iterations = parts[2] === undefined ? 600_000 : Number(parts[2])
    if (!Number.isSafeInteger(iterations) || iterations < 1) return null
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

async function derive(method: ParsedMethod, password: string, salt: string): Promise<string> {
  countWork('passwordHashes')
  if (method.kind === 'scrypt') {
    return toHex(await scrypt(utf8(password), utf8(salt), method.n, method.r, method.p, 64))
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
 * @throws LoginManagerError (`unknown-hash-method`, `scrypt-too-costly`) for a method it cannot use
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
  if (parsed.kind === 'scrypt' && !scryptWithinLimits(parsed))
    throw new LoginManagerError('scrypt-too-costly', errorMessages.scryptTooCostly(parsed))
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
  /** Salt length in characters (default 16). */
  saltLength?: number
}

/**
 * Hash a password for storage, in Werkzeug's format (`method$salt$hex`), so hashes move freely
 * between this library and Flask apps. Never store the password itself.
 *
 * @param password - the password the user chose
 * @param options - method and salt length
 * @returns the hash string
 * @throws LoginManagerError for an unknown method (`unknown-hash-method`), scrypt parameters beyond
 * the library's limits (`scrypt-too-costly`) or a bad salt length (`bad-salt-length`)
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
 * or scrypt parameters beyond the library's limits (N at most 2^20, r·p at most 128, 256 MiB of
 * memory, 16 times the work of Werkzeug's default), so a planted hash cannot exhaust the server.
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
    const parts = hash.split('$')
    if (parts.length !== 3) return false
    const [methodText, salt, expected] = parts as [string, string, string]
    const method = parseMethod(methodText)
    if (!method || !/^[0-9a-f]+$/i.test(expected)) return false
    if (method.kind === 'scrypt' && !scryptWithinLimits(method)) return false
    return constantTimeEqual(await derive(method, password, salt), expected.toLowerCase())
  } catch {
    return false
  }
}
