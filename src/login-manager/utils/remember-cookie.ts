// The remember cookie's codec: pure functions of the text and the secret, with no Context.
import { constantTimeEqual, hmac } from './crypto'
import { toHex } from './encoding'

/**
 * The digest at the end of a remember cookie: 128 lowercase hex digits of HMAC-SHA512. The
 * runner's cookie inspector recognises remember cookies with it.
 *
 * @example
 * REMEMBER_DIGEST_PATTERN.test('0e9e'.repeat(32)) // true
 */
export const REMEMBER_DIGEST_PATTERN = /^[0-9a-f]{128}$/

/**
 * What a genuine remember cookie says: whose login it remembers, and at which session version.
 *
 * @example
 * const remembered: RememberedLogin = { id: '1', version: 0 }
 */
export interface RememberedLogin {
  id: string
  /** The user's session version when the cookie was made; 0 in Flask-Login's format. */
  version: number
}

// A versioned cookie is signed with its own key, so no versioned digest can ever equal a
// Flask-format digest, whatever the ids look like.
const versionedKey = (secret: string) => `remember-versioned\u0000${secret}`

/**
 * The remember cookie's value. At session version 0 it is Flask-Login's `<id>|<hex
 * HMAC-SHA512(secret, id)>`; at a later version it is `<id>|v<version>|<hexdigest>`, the digest
 * covering both, so a cookie made before the version changed no longer matches.
 *
 * @param id - the user id
 * @param secret - the secret given to `session()`
 * @param version - the user's session version (default 0)
 * @returns the cookie value
 * @example
 * await encodeRememberCookie('1', 'deterministic') // '1|0e9e6e98…'
 * await encodeRememberCookie('1', 'deterministic', 3) // '1|v3|…'
 */
export async function encodeRememberCookie(
  id: string,
  secret: string,
  version = 0,
): Promise<string> {
  if (version === 0) return `${id}|${toHex(await hmac(secret, id, 'SHA-512'))}`
  const digest = toHex(await hmac(versionedKey(secret), JSON.stringify([id, version]), 'SHA-512'))
  return `${id}|v${version}|${digest}`
}

/**
 * Read a remember cookie: the id and version when the digest is right, else `null`. Splits at the
 * last `|`, compares in constant time, and never throws.
 *
 * @param value - the cookie value
 * @param secret - the secret given to `session()`
 * @returns the remembered login, or null
 * @example
 * await decodeRememberCookie('1|deadbeef', 'deterministic') // null
 */
export async function decodeRememberCookie(
  value: string,
  secret: string,
): Promise<RememberedLogin | null> {
  if (typeof value !== 'string' || value.length > 4096) return null
  const bar = value.lastIndexOf('|')
  if (bar < 0) return null
  const digest = value.slice(bar + 1)
  if (!REMEMBER_DIGEST_PATTERN.test(digest)) return null
  const rest = value.slice(0, bar)
  const versioned = /^(.*)\|v([1-9][0-9]{0,14})$/s.exec(rest)
  if (versioned) {
    const [, id = '', versionText = ''] = versioned
    const version = Number(versionText)
    const expected = toHex(
      await hmac(versionedKey(secret), JSON.stringify([id, version]), 'SHA-512'),
    )
    if (constantTimeEqual(digest, expected)) return { id, version }
  }
  // Flask-Login's format; also an id that merely ends in `|v<digits>`.
  const expected = toHex(await hmac(secret, rest, 'SHA-512'))
  return constantTimeEqual(digest, expected) ? { id: rest, version: 0 } : null
}
