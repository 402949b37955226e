import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import { errorMessages, isCookieLifetime, LoginManagerError } from './errors'
import type { SessionStore } from './session-store'
import { randomSessionId, sha256Hex } from './utils/crypto'
import { secretWeakness } from './utils/secret'
import {
  encodeSessionCookie,
  nowSeconds,
  readSessionCookie,
  type SessionValue,
} from './utils/session-cookie'
import { SESSION_KEYS } from './utils/session-keys'

export { decodeSessionCookie, encodeSessionCookie, type SessionValue } from './utils/session-cookie'

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
  /**
   * The longest a session lives without being written again, in seconds (default 31 days, as
   * Flask's `PERMANENT_SESSION_LIFETIME`; at most 400 days). The server refuses a session older
   * than this, however the browser kept the cookie; a permanent session's cookie also gets it as
   * `Max-Age`.
   */
  maxAge?: number
  /**
   * Refuse a session left unused this many seconds (off by default). OWASP suggests 2 to 5 minutes
   * for high-value applications and 15 to 30 minutes for low-risk ones. While the user is active,
   * the session is re-signed (or, with a store, its row rewritten) at most once a minute.
   */
  idleTimeout?: number
  /**
   * Refuse a session this many seconds after it began (its first write, or the last login),
   * however active it is (off by default). OWASP suggests 4 to 8 hours for applications used
   * through a working day.
   */
  absoluteTimeout?: number
  /**
   * Keep sessions on the server: the cookie then holds only a random 256-bit id, the store a
   * hash of it, and logging out deletes the session for good. Without a store, the whole session
   * lives in the signed cookie.
   */
  store?: SessionStore
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
  /**
   * Start the session afresh, keeping its contents: with a store it gets a new id (and the old
   * one is deleted), and its start time, which `absoluteTimeout` counts from, becomes now.
   * `loginUser` and `logoutUser` call it, so an id planted before login (session fixation) or
   * copied before logout is worthless afterwards.
   */
  regenerate(): void
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
  /** The server-side store, when `session({ store })` has one. */
  store: SessionStore | undefined
}

const SESSION_VARIABLE = 'signedInSession'
const PERMANENT_KEY = '_permanent'
const DEFAULT_MAX_AGE = 31 * 24 * 60 * 60
/** A signed time this far ahead of the server's clock is refused: clocks of servers drift a little. */
const CLOCK_SKEW = 300
/** A server-side session id as the cookie carries it: 32 random bytes as base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/
/** Name plus value: browsers drop a cookie whose name and value exceed this (RFC 6265bis). */
const MAX_COOKIE_BYTES = 4096

class CookieSession implements Session {
  #data: Record<string, SessionValue>
  #modified = false
  #regenerated = false

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
  regenerate() {
    this.#regenerated = true
    this.#modified = true
  }
  get regenerated() {
    return this.#regenerated
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
  const { secret, store } = options
  if (typeof secret !== 'string' || secret === '') {
    throw new LoginManagerError('missing-secret', errorMessages.missingSecret())
  }
  const weakness = secretWeakness(secret)
  if (weakness) throw new LoginManagerError('weak-secret', errorMessages.weakSecret(weakness))
  const maxAge = checkedSeconds('maxAge', options.maxAge ?? DEFAULT_MAX_AGE)
  const idle =
    options.idleTimeout === undefined
      ? undefined
      : checkedSeconds('idleTimeout', options.idleTimeout)
  const absolute =
    options.absoluteTimeout === undefined
      ? undefined
      : checkedSeconds('absoluteTimeout', options.absoluteTimeout)
  const cookie = resolveCookie(
    options.cookieName ?? 'session',
    options.cookie ?? {},
    options.hostPrefix,
  )
  const strict = options.strict ?? false
  // While active, a session with an idle timeout is re-signed at most this often.
  const touchEvery = idle === undefined ? Infinity : Math.min(60, idle / 10)

  /** Whether a session that began at `created` and was last written at `written` is still valid. */
  const alive = (created: number, written: number, now: number) =>
    written <= now + CLOCK_SKEW &&
    now - written <= maxAge &&
    (idle === undefined || now - written <= idle) &&
    (absolute === undefined || now - created <= absolute)

  /** When a session written now, which began at `created`, stops being valid. */
  const expiry = (created: number, now: number) =>
    Math.min(now + maxAge, now + (idle ?? maxAge), created + (absolute ?? Infinity))

  const withCookie: MiddlewareHandler = async function session(c, next) {
    const incoming = getCookie(c, cookie.name)
    const now = nowSeconds()
    const verified = await readSessionCookie(incoming, secret)
    const valid = verified && alive(verified.created, verified.issued, now) ? verified : null
    const current = new CookieSession(valid?.data ?? {})
    c.set(
      SESSION_VARIABLE as never,
      { session: current, secret, store } satisfies SessionContext as never,
    )
    await next()
    const stale = valid !== null && now - valid.issued >= touchEvery
    if (!current.modified && !stale) return
    const attributes = cookie.attributesFor(c)
    if (current.isEmpty()) {
      if (incoming !== undefined)
        setCookie(c, cookie.name, '', { ...attributes, maxAge: 0, expires: new Date(0) })
      return
    }
    const created = valid && !current.regenerated ? valid.created : now
    const value = await encodeSessionCookie(current.toJSON(), secret, { created, issued: now })
    checkCookieSize(cookie.name, value, current.toJSON(), strict)
    setCookie(c, cookie.name, value, current.permanent ? { ...attributes, maxAge } : attributes)
  }
  if (!store) return withCookie

  return async function session(c, next) {
    const incoming = getCookie(c, cookie.name)
    const now = nowSeconds()
    let idHash =
      incoming !== undefined && SESSION_ID.test(incoming) ? sha256Hex(incoming) : undefined
    const row = idHash === undefined ? undefined : await store.get(idHash)
    const valid =
      row && now < row.expiresAt && alive(row.createdAt, row.updatedAt, now) ? row : undefined
    if (row && !valid) await store.delete(idHash as string)
    const current = new CookieSession(valid ? parseStored(valid.data) : {})
    c.set(
      SESSION_VARIABLE as never,
      { session: current, secret, store } satisfies SessionContext as never,
    )
    await next()
    const stale = valid !== undefined && now - valid.updatedAt >= touchEvery
    if (!current.modified && !stale) return
    const attributes = cookie.attributesFor(c)
    if (current.isEmpty()) {
      if (valid) await store.delete(idHash as string)
      if (incoming !== undefined)
        setCookie(c, cookie.name, '', { ...attributes, maxAge: 0, expires: new Date(0) })
      return
    }
    let newId: string | undefined
    if (!valid || current.regenerated) {
      if (valid) await store.delete(idHash as string)
      newId = randomSessionId()
      idHash = sha256Hex(newId)
    }
    const created = valid && !current.regenerated ? valid.createdAt : now
    const data = current.toJSON()
    const userId = data[SESSION_KEYS.userId]
    await store.set(idHash as string, {
      userId: typeof userId === 'string' ? userId : null,
      data: JSON.stringify(data),
      createdAt: created,
      updatedAt: now,
      expiresAt: expiry(created, now),
    })
    if (newId !== undefined || current.permanent)
      setCookie(
        c,
        cookie.name,
        newId ?? (incoming as string),
        current.permanent ? { ...attributes, maxAge } : attributes,
      )
  }
}

/** A lifetime option, checked: a positive number of seconds, at most 400 days. */
function checkedSeconds(option: string, value: unknown): number {
  if (!isCookieLifetime(value))
    throw new LoginManagerError('bad-max-age', errorMessages.badMaxAge(value, option))
  return value
}

/** A stored session's data, or an empty session when the store holds something unreadable. */
function parseStored(text: string): Record<string, SessionValue> {
  try {
    const data: unknown = JSON.parse(text)
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, SessionValue>)
      : {}
  } catch {
    return {}
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
  return requireSession(c, 'getSession(c)').session
}

/**
 * The session context, or a `session-not-installed` error naming the helper that needed it: the
 * one check behind {@link getSession} and the login manager's helpers.
 *
 * @param c - the request context
 * @param helper - what to name in the error, such as `loginUser(c, user)`
 * @returns the session context
 * @throws LoginManagerError when `session()` is not installed on this route
 * @example
 * const { session, store } = requireSession(c, 'logoutEverywhere(c)')
 */
export function requireSession(c: Context, helper: string): SessionContext {
  const found = findSessionContext(c)
  if (!found)
    throw new LoginManagerError('session-not-installed', errorMessages.sessionNotInstalled(helper))
  return found
}
