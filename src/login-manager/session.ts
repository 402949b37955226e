import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import { errorMessages, LoginManagerError, MAX_COOKIE_SECONDS } from './errors'
import { constantTimeEqual, hmac } from './utils/crypto'
import { BoundedCache } from './utils/bounded-cache'
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './utils/encoding'

/**
 * A value the session can hold: anything JSON can carry.
 *
 * @example
 * const cart: SessionValue = { items: ['book'], total: 12 }
 * getSession(c).set('cart', cart)
 */
export type SessionValue =
  string | number | boolean | null | SessionValue[] | { [key: string]: SessionValue }

/**
 * Options for {@link session}.
 *
 * @example
 * const options: SessionOptions = { secret: process.env.SESSION_SECRET, cookie: { secure: true } }
 * app.use(session(options))
 */
export interface SessionOptions {
  /** Signs the cookie. Required; read it from an environment variable, never from source code. */
  secret: string | undefined
  /** The cookie's name (default `session`). */
  cookieName?: string
  /** Lifetime in seconds of a permanent session's cookie (default 31 days, at most 400 days). */
  maxAge?: number
  /** Cookie attributes. Defaults: `HttpOnly`, `SameSite=Lax`, `Path=/`, not `Secure`. */
  cookie?: Pick<CookieOptions, 'domain' | 'path' | 'secure' | 'httpOnly' | 'sameSite'>
}

/**
 * The session of one request: a small JSON object kept in a signed cookie.
 *
 * @example
 * const s: Session = getSession(c)
 * s.set('theme', 'dark')
 * s.permanent = true // keep it after the browser closes
 */
export interface Session {
  get<T extends SessionValue = SessionValue>(key: string): T | undefined
  set(key: string, value: SessionValue): void
  delete(key: string): boolean
  has(key: string): boolean
  clear(): void
  keys(): string[]
  /** A permanent session's cookie gets `Max-Age`; otherwise it lasts for the browser session. */
  permanent: boolean
  /** Whether anything changed this request; only then is a `Set-Cookie` sent. */
  readonly modified: boolean
}

/**
 * What `session()` shares with the login manager through the context.
 *
 * @example
 * const { session } = findSessionContext(c) as SessionContext
 */
export interface SessionContext {
  session: Session
  secret: string
}

const SESSION_VARIABLE = 'signedInSession'
const PERMANENT_KEY = '_permanent'
const DEFAULT_MAX_AGE = 31 * 24 * 60 * 60
const warnedSecrets = new Set<string>()

class CookieSession implements Session {
  #data: Record<string, SessionValue>
  #modified = false

  constructor(data: Record<string, SessionValue>) {
    // A null prototype makes `__proto__` an ordinary key, so no session value can reach
    // Object.prototype (`set('__proto__', …)` would otherwise replace the object's prototype).
    this.#data = Object.assign(Object.create(null) as Record<string, SessionValue>, data)
  }

  get<T extends SessionValue = SessionValue>(key: string): T | undefined {
    return Object.hasOwn(this.#data, key) ? (this.#data[key] as T) : undefined
  }
  set(key: string, value: SessionValue) {
    this.#data[key] = value
    this.#modified = true
  }
  delete(key: string) {
    if (!Object.hasOwn(this.#data, key)) return false
    delete this.#data[key]
    this.#modified = true
    return true
  }
  has(key: string) {
    return Object.hasOwn(this.#data, key)
  }
  clear() {
    if (Object.keys(this.#data).length > 0) this.#modified = true
    this.#data = Object.create(null) as Record<string, SessionValue>
  }
  keys() {
    return Object.keys(this.#data).filter((key) => key !== PERMANENT_KEY)
  }
  get permanent() {
    return this.#data[PERMANENT_KEY] === true
  }
  set permanent(value: boolean) {
    if (value === this.permanent) return
    if (value) this.#data[PERMANENT_KEY] = true
    else delete this.#data[PERMANENT_KEY]
    this.#modified = true
  }
  get modified() {
    return this.#modified
  }
  /** The stored object, for signing. */
  toJSON() {
    return this.#data
  }
  isEmpty() {
    return Object.keys(this.#data).length === 0
  }
}

/**
 * Sign a session payload into a cookie value: `base64url(JSON)` + `.` + `base64url(HMAC-SHA256)`.
 * Anyone can read the payload; without the secret nobody can change it.
 *
 * @param data - the session object
 * @param secret - the signing secret
 * @returns the cookie value
 * @example
 * const value = await encodeSessionCookie({ _user_id: '1' }, process.env.SESSION_SECRET!)
 */
export async function encodeSessionCookie(
  data: Record<string, SessionValue>,
  secret: string,
): Promise<string> {
  const payload = toBase64Url(utf8(JSON.stringify(data)))
  const signature = toBase64Url(await hmac(secret, `session.${payload}`, 'SHA-256'))
  return `${payload}.${signature}`
}

/**
 * Read a signed session cookie. A tampered, truncated or foreign value gives `null`; it never throws.
 *
 * @param value - the cookie value
 * @param secret - the signing secret
 * @returns the session object, or null when the value cannot be trusted
 * @example
 * await decodeSessionCookie('not.a-session', 'secret') // null
 */
export async function decodeSessionCookie(
  value: string | undefined,
  secret: string,
): Promise<Record<string, SessionValue> | null> {
  if (!value || value.length > 8192) return null
  // A cookie's verdict depends only on its text and the secret, so a verified one is remembered
  // (as JSON text, so callers get a fresh object) and the HMAC runs once per distinct cookie.
  const cacheKey = `${secret}\u0000${value}`
  const cached = verifiedCookies.get(cacheKey)
  if (cached !== undefined)
    return cached === null ? null : (JSON.parse(cached) as Record<string, SessionValue>)
  const data = await verifySessionCookie(value, secret)
  verifiedCookies.set(cacheKey, data === null ? null : JSON.stringify(data))
  return data
}

const verifiedCookies = new BoundedCache<string, string | null>(1000)

async function verifySessionCookie(
  value: string,
  secret: string,
): Promise<Record<string, SessionValue> | null> {
  const dot = value.lastIndexOf('.')
  if (dot <= 0) return null
  const payload = value.slice(0, dot)
  const signature = fromBase64Url(value.slice(dot + 1))
  if (!signature) return null
  const expected = await hmac(secret, `session.${payload}`, 'SHA-256')
  if (!constantTimeEqual(signature, expected)) return null
  const bytes = fromBase64Url(payload)
  const text = bytes && fromUtf8(bytes)
  if (!text) return null
  try {
    const data: unknown = JSON.parse(text)
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, SessionValue>)
      : null
  } catch {
    return null
  }
}

/**
 * Session middleware: loads the signed session cookie before the handler and, only if the session
 * changed, sends it back after. Install it before `loginManager.middleware()`.
 *
 * @param options - the secret and cookie settings
 * @returns the middleware
 * @throws LoginManagerError when the secret is missing or empty, or `maxAge` is not 1 s to 400 days
 * @example
 * app.use(session({ secret: process.env.SESSION_SECRET }))
 * app.get('/count', (c) => {
 *   const s = getSession(c)
 *   s.set('count', (s.get<number>('count') ?? 0) + 1)
 *   return c.text(String(s.get('count')))
 * })
 */
export function session(options: SessionOptions): MiddlewareHandler {
  const { secret } = options
  if (typeof secret !== 'string' || secret === '') {
    throw new LoginManagerError('missing-secret', errorMessages.missingSecret())
  }
  if (secret.length < 32 && !warnedSecrets.has(secret)) {
    warnedSecrets.add(secret)
    console.warn(
      `session(): the secret is only ${secret.length} characters long. Use at least 32 random characters, kept in an environment variable, so the session cookie cannot be forged by guessing it.`,
    )
  }
  const cookieName = options.cookieName ?? 'session'
  const maxAge = options.maxAge ?? DEFAULT_MAX_AGE
  if (typeof maxAge !== 'number' || !(maxAge > 0 && maxAge <= MAX_COOKIE_SECONDS)) {
    throw new LoginManagerError('bad-max-age', errorMessages.badMaxAge(maxAge))
  }
  const cookie = { path: '/', httpOnly: true, sameSite: 'Lax' as const, ...options.cookie }

  return async function session(c, next) {
    const incoming = getCookie(c, cookieName)
    const data = (await decodeSessionCookie(incoming, secret)) ?? {}
    const current = new CookieSession(data)
    c.set(SESSION_VARIABLE as never, { session: current, secret } satisfies SessionContext as never)
    await next()
    if (!current.modified) return
    if (current.isEmpty()) {
      if (incoming !== undefined)
        setCookie(c, cookieName, '', { ...cookie, maxAge: 0, expires: new Date(0) })
      return
    }
    const value = await encodeSessionCookie(current.toJSON(), secret)
    setCookie(c, cookieName, value, current.permanent ? { ...cookie, maxAge } : cookie)
  }
}

/**
 * The session and secret that `session()` put on the context, or undefined when it is not installed.
 *
 * @param c - the request context
 * @returns the session context
 * @example
 * const installed = findSessionContext(c) !== undefined
 */
export function findSessionContext(c: Context): SessionContext | undefined {
  return c.get(SESSION_VARIABLE as never) as SessionContext | undefined
}

/**
 * The session of the current request.
 *
 * @param c - the request context
 * @returns the session
 * @throws LoginManagerError when `session()` is not installed on this route
 * @example
 * app.post('/theme', (c) => {
 *   getSession(c).set('theme', 'dark')
 *   return c.text('Saved')
 * })
 */
export function getSession(c: Context): Session {
  const found = findSessionContext(c)
  if (!found) {
    throw new LoginManagerError(
      'session-not-installed',
      'getSession(c) found no session: session() is not installed on this route. Add app.use(session({ secret: process.env.SESSION_SECRET })) before your routes.',
    )
  }
  return found.session
}
