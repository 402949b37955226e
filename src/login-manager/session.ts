import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import { errorMessages, LoginManagerError, MAX_COOKIE_SECONDS } from './errors'
import { constantTimeEqual, hmac } from './utils/crypto'
import { BoundedCache } from './utils/bounded-cache'
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './utils/encoding'
import { secretWeakness } from './utils/secret'

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
  /**
   * Cookie attributes. Defaults: `HttpOnly`, `SameSite=Lax`, `Path=/`, and `Secure` when the request
   * came over https (read from `c.req.url`); `secure: true` or `false` fixes it either way.
   */
  cookie?: Pick<CookieOptions, 'domain' | 'path' | 'secure' | 'httpOnly' | 'sameSite'>
  /**
   * Name the cookie `__Host-<cookieName>`: browsers then accept it only with `Secure`, `Path=/` and
   * no `Domain`, so no subdomain can set or overwrite it. Checked at startup against those rules.
   */
  hostPrefix?: boolean
  /** Throw instead of warning when the session cookie grows past the 4,096 bytes browsers keep. */
  strict?: boolean
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
/** Name plus value: browsers drop a cookie whose name and value exceed this (RFC 6265bis). */
const MAX_COOKIE_BYTES = 4096

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
  const weakness = secretWeakness(secret)
  if (weakness) throw new LoginManagerError('weak-secret', errorMessages.weakSecret(weakness))
  const maxAge = options.maxAge ?? DEFAULT_MAX_AGE
  if (typeof maxAge !== 'number' || !(maxAge > 0 && maxAge <= MAX_COOKIE_SECONDS)) {
    throw new LoginManagerError('bad-max-age', errorMessages.badMaxAge(maxAge))
  }
  const cookie = resolveCookie(
    options.cookieName ?? 'session',
    options.cookie ?? {},
    options.hostPrefix,
  )
  const strict = options.strict ?? false

  return async function session(c, next) {
    const incoming = getCookie(c, cookie.name)
    const data = (await decodeSessionCookie(incoming, secret)) ?? {}
    const current = new CookieSession(data)
    c.set(SESSION_VARIABLE as never, { session: current, secret } satisfies SessionContext as never)
    await next()
    if (!current.modified) return
    const attributes = cookie.attributesFor(c)
    if (current.isEmpty()) {
      if (incoming !== undefined)
        setCookie(c, cookie.name, '', { ...attributes, maxAge: 0, expires: new Date(0) })
      return
    }
    const value = await encodeSessionCookie(current.toJSON(), secret)
    checkCookieSize(cookie.name, value, current.toJSON(), strict)
    setCookie(c, cookie.name, value, current.permanent ? { ...attributes, maxAge } : attributes)
  }
}

/** Cookie attributes as `setCookie` takes them, before `maxAge`/`expires`. */
type CookieAttributes = Pick<CookieOptions, 'domain' | 'path' | 'secure' | 'httpOnly' | 'sameSite'>

/**
 * The name and attributes of a login cookie with the library's defaults: `HttpOnly`,
 * `SameSite=Lax`, `Path=/`, and `Secure` when the request came over https unless `secure` is set.
 * With `hostPrefix`, the name gets `__Host-` and the attributes are checked against its rules.
 *
 * @param name - the cookie's name, without a prefix
 * @param options - the attributes the app chose
 * @param hostPrefix - whether to use the `__Host-` prefix
 * @returns the full name, and the attributes for a request
 * @throws LoginManagerError (`bad-cookie-prefix`) when `__Host-` is asked for with a Domain, a Path other than `/`, or `secure: false`
 * @example
 * const cookie = resolveCookie('session', {}, true)
 * cookie.name // '__Host-session'
 */
export function resolveCookie(
  name: string,
  options: CookieAttributes,
  hostPrefix = false,
): { name: string; attributesFor: (c: Context) => CookieAttributes } {
  const base: CookieAttributes = { path: '/', httpOnly: true, sameSite: 'Lax', ...options }
  if (hostPrefix) {
    const problem =
      options.domain !== undefined
        ? `it sets Domain=${options.domain}`
        : base.path !== '/'
          ? `it sets Path=${base.path}`
          : options.secure === false
            ? 'it sets secure: false'
            : null
    if (problem)
      throw new LoginManagerError('bad-cookie-prefix', errorMessages.badCookiePrefix(name, problem))
    const fixed = { ...base, secure: true }
    return { name: `__Host-${name}`, attributesFor: () => fixed }
  }
  if (options.secure !== undefined) return { name, attributesFor: () => base }
  const secure = { ...base, secure: true }
  return { name, attributesFor: (c) => (isHttps(c) ? secure : base) }
}

/** Whether the request came over https, from the scheme of its URL. */
function isHttps(c: Context): boolean {
  return c.req.url.startsWith('https:')
}

/**
 * Warn (or, when strict, throw) when a cookie is over what browsers keep, naming its size and its
 * largest keys, so the silent loss of a session has a cause the developer can see.
 */
function checkCookieSize(
  name: string,
  value: string,
  data: Record<string, SessionValue>,
  strict: boolean,
): void {
  const bytes = name.length + value.length
  if (bytes <= MAX_COOKIE_BYTES) return
  const largest = Object.entries(data)
    .map(([key, item]) => [key, JSON.stringify(item).length] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key, size]) => `${JSON.stringify(key)} (${size} bytes of JSON)`)
    .join(', ')
  const message = errorMessages.cookieTooLarge(name, bytes, largest)
  if (strict) throw new LoginManagerError('cookie-too-large', message)
  console.warn(message)
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
