import { sha256 } from '@noble/hashes/sha2.js'
import { toBase64Url, toHex, utf8 } from './encoding'

type HmacHash = 'SHA-256' | 'SHA-512'

// Importing a key costs more than signing with it; a server uses one secret, so cache per secret.
const keyCache = new Map<string, Promise<CryptoKey>>()

function hmacKey(secret: string, hash: HmacHash): Promise<CryptoKey> {
  const cacheKey = `${hash}\u0000${secret}`
  let key = keyCache.get(cacheKey)
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash }, false, ['sign'])
    if (keyCache.size > 64) keyCache.clear()
    keyCache.set(cacheKey, key)
  }
  return key
}

/**
 * HMAC of a message with a secret, through Web Crypto.
 *
 * @param secret - the key, as text
 * @param message - the text to sign
 * @param hash - `'SHA-256'` or `'SHA-512'`
 * @returns the MAC bytes
 * @example
 * const mac = await hmac('secret', 'message', 'SHA-256') // 32 bytes
 */
export async function hmac(secret: string, message: string, hash: HmacHash): Promise<Uint8Array> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret, hash), utf8(message))
  return new Uint8Array(signature)
}

/**
 * Compare two byte arrays or strings in time that depends only on their length, so an attacker
 * cannot learn how much of a signature they guessed right.
 *
 * @param a - first value
 * @param b - second value
 * @returns true when equal
 * @example
 * constantTimeEqual('abc', 'abc') // true
 * constantTimeEqual(new Uint8Array([1]), new Uint8Array([2])) // false
 */
export function constantTimeEqual(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const left = typeof a === 'string' ? utf8(a) : a
  const right = typeof b === 'string' ? utf8(b) : b
  let difference = left.length ^ right.length
  const length = Math.max(left.length, right.length)
  for (let i = 0; i < length; i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0)
  return difference === 0
}

/**
 * Lowercase hex SHA-512 of a text.
 *
 * @param text - any text
 * @returns 128 hex characters
 * @example
 * await sha512Hex('127.0.0.1|curl/8') // '…'
 */
export async function sha512Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-512', utf8(text))))
}

/**
 * Lowercase hex SHA-256 of a text: how a server-side session's id is stored, so the store never
 * holds a usable id. Synchronous (`@noble/hashes`): for a 43-character id that takes microseconds,
 * less than a round trip through Web Crypto's asynchronous queue on every request.
 *
 * @param text - any text
 * @returns 64 hex characters
 * @example
 * sha256Hex('abc') // 'ba7816bf…'
 */
export function sha256Hex(text: string): string {
  return toHex(sha256(utf8(text)))
}

/**
 * A new random session id: 32 bytes (256 bits) from `crypto.getRandomValues`, as base64url.
 *
 * @returns 43 characters
 * @example
 * randomSessionId().length // 43
 */
export function randomSessionId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}
