// The session cookie's codec: pure functions of the text and the secret, with no Context.
import { constantTimeEqual, hmac } from './crypto'
import { BoundedCache } from './bounded-cache'
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './encoding'

/**
 * A value the session can hold: anything JSON can carry.
 *
 * @example
 * const cart: SessionValue = { items: ['book'], total: 12 }
 * getSession(c).set('cart', cart)
 */
export type SessionValue =
  string | number | boolean | null | SessionValue[] | { [key: string]: SessionValue }

/** A verified session cookie: its data and the two signed times, in whole seconds since 1970. */
export interface SignedSession {
  data: Record<string, SessionValue>
  /** When the session began: the first write, or the last login. */
  created: number
  /** When this cookie was signed. */
  issued: number
}

/** The current time in whole seconds since 1970, the unit of every signed time. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

const TIME = /^[0-9]{1,12}$/

/**
 * Sign a session into a cookie value: `base64url(JSON).created.issued.signature`, where the two
 * times are seconds since 1970 and the signature is base64url HMAC-SHA256 of everything before it.
 * Anyone can read the data and the times; without the secret nobody can change them.
 *
 * @param data - the session object
 * @param secret - the signing secret
 * @param times - when the session began and when this cookie is signed (default: now, for both)
 * @returns the cookie value
 * @example
 * const value = await encodeSessionCookie({ _user_id: '1' }, process.env.SESSION_SECRET!)
 */
export async function encodeSessionCookie(
  data: Record<string, SessionValue>,
  secret: string,
  times: { created?: number; issued?: number } = {},
): Promise<string> {
  const issued = times.issued ?? nowSeconds()
  const created = times.created ?? issued
  const signed = `${toBase64Url(utf8(JSON.stringify(data)))}.${created}.${issued}`
  const signature = toBase64Url(await hmac(secret, `session.${signed}`, 'SHA-256'))
  return `${signed}.${signature}`
}

/**
 * Read a signed session cookie. A tampered, truncated, foreign or expired value gives `null`; it
 * never throws.
 *
 * @param value - the cookie value
 * @param secret - the signing secret
 * @param options - `maxAge`: refuse a cookie signed longer ago than this many seconds
 * @returns the session object, or null when the value cannot be trusted
 * @example
 * await decodeSessionCookie('not.a-session', 'secret') // null
 * await decodeSessionCookie(value, secret, { maxAge: 31 * 24 * 60 * 60 }) // null once 31 days old
 */
export async function decodeSessionCookie(
  value: string | undefined,
  secret: string,
  options: { maxAge?: number } = {},
): Promise<Record<string, SessionValue> | null> {
  const verified = await readSessionCookie(value, secret)
  if (!verified) return null
  if (options.maxAge !== undefined && nowSeconds() - verified.issued > options.maxAge) return null
  return verified.data
}

// A cookie's verdict depends only on its text and the secret, so a verified one is remembered
// (as JSON text, so callers get a fresh object) and the HMAC runs once per distinct cookie. The
// cache is per secret, so two apps in one process never share entries.
const verifiedCookies = new Map<string, BoundedCache<string, string | null>>()

/**
 * Verify a session cookie and return its data and signed times, or null. Expiry is the caller's
 * decision; the verdict is cached per secret.
 *
 * @param value - the cookie value
 * @param secret - the signing secret
 * @returns the data and times, or null
 * @example
 * const verified = await readSessionCookie(value, secret)
 * if (verified && nowSeconds() - verified.issued < 3600) console.log(verified.data)
 */
export async function readSessionCookie(
  value: string | undefined,
  secret: string,
): Promise<SignedSession | null> {
  if (!value || value.length > 8192) return null
  let cache = verifiedCookies.get(secret)
  if (!cache) {
    if (verifiedCookies.size >= 16) verifiedCookies.clear()
    cache = new BoundedCache(1000)
    verifiedCookies.set(secret, cache)
  }
  const cached = cache.get(value)
  if (cached !== undefined) return cached === null ? null : (JSON.parse(cached) as SignedSession)
  const verified = await verify(value, secret)
  cache.set(value, verified === null ? null : JSON.stringify(verified))
  return verified
}

async function verify(value: string, secret: string): Promise<SignedSession | null> {
  const parts = value.split('.')
  if (parts.length !== 4) return null
  const [payload = '', created = '', issued = '', signatureText = ''] = parts
  if (!TIME.test(created) || !TIME.test(issued)) return null
  const signature = fromBase64Url(signatureText)
  if (!signature) return null
  const expected = await hmac(secret, `session.${payload}.${created}.${issued}`, 'SHA-256')
  if (!constantTimeEqual(signature, expected)) return null
  const bytes = fromBase64Url(payload)
  const text = bytes && fromUtf8(bytes)
  if (!text) return null
  try {
    const data: unknown = JSON.parse(text)
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? {
          data: data as Record<string, SessionValue>,
          created: Number(created),
          issued: Number(issued),
        }
      : null
  } catch {
    return null
  }
}
