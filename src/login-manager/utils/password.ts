import { constantTimeEqual } from './crypto'
import { toHex, utf8 } from './encoding'
import { scrypt } from './scrypt'

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
 * @param length - how many characters
 * @returns the salt
 * @example
 * generateSalt(16) // e.g. 'Z5r1Kd3uQm2pX9wA'
 */
export function generateSalt(length: number): string {
  if (!Number.isInteger(length) || length < 1)
    throw new RangeError('The salt length must be a positive whole number.')
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
    const [n, r, p] = parts.length === 4 ? parts.slice(1).map(Number) : [32768, 8, 1]
    if (![n, r, p].every((v) => Number.isSafeInteger(v) && (v ?? 0) > 0)) return null
    if (
      ((n ?? 0) & ((n ?? 0) - 1)) !== 0 ||
      (n ?? 0) < 2 ||
      (n ?? 0) > 2 ** 20 ||
      (r ?? 0) > 32 ||
      (p ?? 0) > 16
    )
      return null
    return { kind: 'scrypt', n: n!, r: r!, p: p!, text: `scrypt:${n}:${r}:${p}` }
  }
  return null
}

async function derive(method: ParsedMethod, password: string, salt: string): Promise<string> {
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
 * @example
 * const hash = await generatePasswordHash('correct horse')
 * hash.startsWith('pbkdf2:sha256:600000$') // true
 */
export async function generatePasswordHash(
  password: string,
  options: PasswordHashOptions = {},
): Promise<string> {
  const method = parseMethod(options.method ?? DEFAULT_PASSWORD_METHOD)
  if (!method) {
    throw new TypeError(
      `Unknown password hash method "${options.method}". Use "pbkdf2:sha256" (the default, 600,000 iterations), "pbkdf2:sha256:<iterations>" or "scrypt:<N>:<r>:<p>".`,
    )
  }
  const salt = generateSalt(options.saltLength ?? 16)
  return `${method.text}$${salt}$${await derive(method, password, salt)}`
}

/**
 * Check a password against a stored hash, in constant time. Accepts Werkzeug's pbkdf2 and scrypt
 * formats. Returns `false` (never throws) for a wrong password, an unknown method or a malformed hash.
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
    return constantTimeEqual(await derive(method, password, salt), expected.toLowerCase())
  } catch {
    return false
  }
}
