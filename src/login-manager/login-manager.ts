import type { Context, Env, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { errorMessages, LoginManagerError, MAX_COOKIE_SECONDS } from './errors'
import { flash } from './flash'
import { findSessionContext, resolveCookie, type Session } from './session'
import { AnonymousUser, UserMixin } from './users'
import { constantTimeEqual, hmac, sha512Hex } from './utils/crypto'
import { BoundedCache } from './utils/bounded-cache'
import { toHex } from './utils/encoding'
import { isSafeRelativePath, loginUrl, makeNextParam } from './utils/url'

/**
 * The events a login manager emits, and the payload each handler receives after the context.
 *
 * @example
 * loginManager.on('loadedFromCookie', (c, user) => console.log('remembered', user.getId()))
 */
export interface LoginManagerEvents<User extends UserMixin> {
  loggedIn: User
  loggedOut: User | AnonymousUser
  loadedFromCookie: User
  loadedFromRequest: User
  loginConfirmed: undefined
  unauthorized: undefined
  needsRefresh: undefined
  accessed: undefined
  sessionProtected: undefined
}

/**
 * Remember-me cookie settings (Flask-Login's `REMEMBER_COOKIE_*`).
 *
 * @example
 * new LoginManager({ rememberCookie: { duration: 14 * 24 * 60 * 60, secure: true, sameSite: 'Lax' } })
 */
export interface RememberCookieOptions {
  /** Cookie name (default `remember_token`). */
  name?: string
  /** Lifetime in seconds (default 365 days); at most 400 days, the longest browsers keep a cookie. */
  duration?: number
  domain?: string
  /** Default `/`. */
  path?: string
  /** Default: `Secure` when the request came over https (read from `c.req.url`); `true`/`false` fixes it. */
  secure?: boolean
  /** Default true. */
  httpOnly?: boolean
  /** Default `Lax`. */
  sameSite?: 'Strict' | 'Lax' | 'None'
  /** Name the cookie `__Host-<name>` (Secure, `Path=/`, no `Domain`, checked when the manager is made). */
  hostPrefix?: boolean
  /**
   * Re-send the cookie with a new expiry on each request that carries it while logged in. Only a
   * genuine cookie for the logged-in user is refreshed; a login that was not remembered never gets one.
   */
  refreshEachRequest?: boolean
}

/**
 * Options for {@link LoginManager}. Every option is also a writable property.
 *
 * @example
 * const options: LoginManagerOptions = { loginView: '/login', sessionProtection: 'strong' }
 * const loginManager = new LoginManager<User>(options)
 */
export interface LoginManagerOptions {
  /** Where `loginRequired()` sends anonymous visitors. Without it they get a 401. */
  loginView?: string
  /** Flashed before redirecting to `loginView` (default `Please log in to access this page.`); `null` flashes nothing. */
  loginMessage?: string | null
  loginMessageCategory?: string
  /** Where `freshLoginRequired()` sends users whose login is not fresh. Without it they get a 401. */
  refreshView?: string
  needsRefreshMessage?: string | null
  needsRefreshMessageCategory?: string
  /** `'basic'` (default) marks a login from another browser as not fresh; `'strong'` logs it out; `null` turns protection off. */
  sessionProtection?: 'basic' | 'strong' | null
  /** Makes the anonymous user (default `new AnonymousUser()`). */
  anonymousUser?: () => AnonymousUser
  rememberCookie?: RememberCookieOptions
  /** Keep the `next` target in the session instead of the login URL's query. */
  useSessionForNext?: boolean
  /** Methods `loginRequired()` lets through (default `['OPTIONS']`). */
  exemptMethods?: string[]
  /**
   * The client's address for session protection. The default uses no proxy headers (anyone can
   * send `X-Forwarded-For`) and no runtime-specific connection info (there is no portable way to
   * read the socket address in Node, a WebContainer and a browser Worker alike), so it returns `''`
   * and only the User-Agent counts. On Node, `(c) => getConnInfo(c).remote.address ?? ''` from
   * `@hono/node-server/conninfo` adds the real address; behind a proxy you trust, return the
   * address it forwards.
   */
  remoteAddress?: (c: Context) => string
}

/**
 * Context variables the login manager sets. Use as the app's `Variables` to type `c.var.currentUser`.
 *
 * @example
 * const app = new Hono<{ Variables: LoginVariables<User> }>()
 * app.get('/me', loginRequired<User>(), (c) => c.text(c.var.currentUser.name))
 */
export interface LoginVariables<User extends UserMixin = UserMixin> {
  /** Inside routes guarded by `loginRequired()`, the logged-in user. */
  currentUser: User
}

type Handler<T> = (c: Context, payload: T) => void
type ResponseHandler = (c: Context) => Response | Promise<Response>

interface RequestState<User extends UserMixin> {
  manager: LoginManager<User>
  user: Promise<User | AnonymousUser> | undefined
}

const STATE_VARIABLE = 'signedInLoginManager'
// Hashing the same address and User-Agent again gives the same identifier; keep recent ones.
const identifiers = new BoundedCache<string, string>(1000)
const LOGIN_KEYS = ['_user_id', '_fresh', '_id', '_remember_seconds'] as const
const YEAR = 365 * 24 * 60 * 60

/** A cookie lifetime we can send: positive, finite, and within the 400 days browsers honour. */
function isPositiveDuration(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_COOKIE_SECONDS
  )
}

/**
 * Manages who is logged in: loads the user from the session (or the remember cookie, or the
 * request), protects routes, and logs users in and out. One per app.
 *
 * @example
 * const loginManager = new LoginManager<User>({ loginView: '/login' })
 * loginManager.userLoader((id) => db.findUser(id))
 * app.use(session({ secret: process.env.SESSION_SECRET }), loginManager.middleware())
 * app.get('/account', loginManager.loginRequired(), (c) => c.text(`Hello, ${c.var.currentUser.name}`))
 */
export class LoginManager<User extends UserMixin = UserMixin> {
  loginView: string | undefined
  loginMessage: string | null
  loginMessageCategory: string
  refreshView: string | undefined
  needsRefreshMessage: string | null
  needsRefreshMessageCategory: string
  sessionProtection: 'basic' | 'strong' | null
  anonymousUser: () => AnonymousUser
  rememberCookie: Required<
    Pick<
      RememberCookieOptions,
      'name' | 'path' | 'httpOnly' | 'sameSite' | 'refreshEachRequest' | 'hostPrefix'
    >
  > &
    Pick<RememberCookieOptions, 'duration' | 'domain' | 'secure'>
  useSessionForNext: boolean
  exemptMethods: string[]
  remoteAddress: (c: Context) => string

  #userLoader:
    ((id: string) => Promise<User | null | undefined> | User | null | undefined) | undefined
  #requestLoader:
    ((c: Context) => Promise<User | null | undefined> | User | null | undefined) | undefined
  #unauthorizedHandler: ResponseHandler | undefined
  #needsRefreshHandler: ResponseHandler | undefined
  #handlers = new Map<keyof LoginManagerEvents<User>, Set<Handler<never>>>()

  /**
   * @param options - views, messages, protection and cookie settings
   * @throws LoginManagerError when `rememberCookie.duration` is not a positive number of seconds
   */
  constructor(options: LoginManagerOptions = {}) {
    this.loginView = options.loginView
    this.loginMessage =
      options.loginMessage === undefined
        ? 'Please log in to access this page.'
        : options.loginMessage
    this.loginMessageCategory = options.loginMessageCategory ?? 'message'
    this.refreshView = options.refreshView
    this.needsRefreshMessage =
      options.needsRefreshMessage === undefined
        ? 'Please reauthenticate to access this page.'
        : options.needsRefreshMessage
    this.needsRefreshMessageCategory = options.needsRefreshMessageCategory ?? 'message'
    this.sessionProtection =
      options.sessionProtection === undefined ? 'basic' : options.sessionProtection
    this.anonymousUser = options.anonymousUser ?? (() => new AnonymousUser())
    const remember = options.rememberCookie ?? {}
    if (remember.duration !== undefined && !isPositiveDuration(remember.duration)) {
      throw new LoginManagerError(
        'bad-remember-duration',
        errorMessages.badDuration(remember.duration),
      )
    }
    this.rememberCookie = {
      name: remember.name ?? 'remember_token',
      path: remember.path ?? '/',
      httpOnly: remember.httpOnly ?? true,
      sameSite: remember.sameSite ?? 'Lax',
      refreshEachRequest: remember.refreshEachRequest ?? false,
      hostPrefix: remember.hostPrefix ?? false,
      ...(remember.duration === undefined ? {} : { duration: remember.duration }),
      ...(remember.domain === undefined ? {} : { domain: remember.domain }),
      ...(remember.secure === undefined ? {} : { secure: remember.secure }),
    }
    // Checked now, so a __Host- cookie that breaks the prefix's rules fails at startup.
    this.rememberCookieSettings()
    this.useSessionForNext = options.useSessionForNext ?? false
    this.exemptMethods = options.exemptMethods ?? ['OPTIONS']
    this.remoteAddress = options.remoteAddress ?? (() => '')
  }

  /**
   * Register the function that turns the id stored in the session into a user. Return `null` (or
   * `undefined`) for an unknown id; only that means "not found". Errors it throws propagate.
   *
   * @param loader - `async (id) => user | null`
   * @returns the loader, so it can be declared inline
   * @example
   * loginManager.userLoader((id) => db.findUser(id))
   */
  userLoader<L extends (id: string) => Promise<User | null | undefined> | User | null | undefined>(
    loader: L,
  ): L {
    this.#userLoader = loader
    return loader
  }

  /**
   * Register a function that finds a user from the request itself (an API key header, say), used
   * when the session has no user. Such users are never saved in the session and never fresh.
   *
   * @param loader - `async (c) => user | null`
   * @returns the loader
   * @example
   * loginManager.requestLoader((c) => db.findUserByApiKey(c.req.header('X-Api-Key') ?? ''))
   */
  requestLoader<
    L extends (c: Context) => Promise<User | null | undefined> | User | null | undefined,
  >(loader: L): L {
    this.#requestLoader = loader
    return loader
  }

  /**
   * Replace the default response to anonymous visitors of protected routes.
   *
   * @param handler - returns the response
   * @returns the handler
   * @example
   * loginManager.unauthorizedHandler((c) => c.json({ error: 'Log in first' }, 401))
   */
  unauthorizedHandler(handler: ResponseHandler): ResponseHandler {
    this.#unauthorizedHandler = handler
    return handler
  }

  /**
   * Replace the default response when `freshLoginRequired()` meets a login that is not fresh.
   *
   * @param handler - returns the response
   * @returns the handler
   * @example
   * loginManager.needsRefreshHandler((c) => c.redirect('/confirm-password'))
   */
  needsRefreshHandler(handler: ResponseHandler): ResponseHandler {
    this.#needsRefreshHandler = handler
    return handler
  }

  /**
   * Listen for an event. Handlers run synchronously, in the order they were added.
   *
   * @param event - the event's name
   * @param handler - receives the context and the event's payload
   * @returns a function that removes the handler
   * @example
   * const stop = loginManager.on('loggedIn', (c, user) => console.log('login', user.getId()))
   * stop()
   */
  on<E extends keyof LoginManagerEvents<User>>(
    event: E,
    handler: Handler<LoginManagerEvents<User>[E]>,
  ): () => void {
    const set = this.#handlers.get(event) ?? new Set()
    set.add(handler as Handler<never>)
    this.#handlers.set(event, set)
    return () => void set.delete(handler as Handler<never>)
  }

  /** @internal */
  emit<E extends keyof LoginManagerEvents<User>>(
    c: Context,
    event: E,
    payload: LoginManagerEvents<User>[E],
  ): void {
    for (const handler of this.#handlers.get(event) ?? [])
      (handler as Handler<LoginManagerEvents<User>[E]>)(c, payload)
  }

  /**
   * The middleware that makes the login manager available to the request and sets or clears the
   * remember cookie after the handler. Install after `session()`.
   *
   * @returns the middleware
   * @example
   * app.use(session({ secret: process.env.SESSION_SECRET }), loginManager.middleware())
   */
  middleware(): MiddlewareHandler {
    // An arrow keeps `this`; the const gives the middleware its name in stack traces.
    const loginManager: MiddlewareHandler = async (c, next) => {
      const sessionContext = findSessionContext(c)
      if (!sessionContext)
        throw new LoginManagerError('session-not-installed', errorMessages.sessionNotInstalled())
      const state: RequestState<User> = { manager: this, user: undefined }
      c.set(STATE_VARIABLE as never, state as never)
      await next()
      await this.#updateRememberCookie(c, sessionContext.session, sessionContext.secret)
    }
    return loginManager
  }

  /**
   * Middleware that lets only logged-in users through; anonymous visitors get
   * {@link LoginManager.unauthorized}. Inside, `c.var.currentUser` is this manager's user type.
   *
   * @returns the middleware
   * @example
   * app.get('/dashboard', loginManager.loginRequired(), (c) => c.text(`Hi ${c.var.currentUser.name}`))
   */
  loginRequired(): MiddlewareHandler<{ Variables: LoginVariables<User> }> {
    return loginRequired<User>()
  }

  /**
   * Like {@link LoginManager.loginRequired}, and the login must also be fresh (not restored from a
   * remember cookie); otherwise {@link LoginManager.needsRefresh}.
   *
   * @returns the middleware
   * @example
   * app.post('/change-password', loginManager.freshLoginRequired(), (c) => c.text('Choose a new password'))
   */
  freshLoginRequired(): MiddlewareHandler<{ Variables: LoginVariables<User> }> {
    return freshLoginRequired<User>()
  }

  /**
   * The response for an anonymous visitor of a protected route: the registered handler's, else a
   * 401 when there is no `loginView`, else a flash and a 302 to the login view with `next`.
   *
   * @param c - the request context
   * @returns the response
   * @example
   * app.get('/admin', async (c) => ((await currentUser(c)).isAuthenticated ? c.text('ok') : loginManager.unauthorized(c)))
   */
  async unauthorized(c: Context): Promise<Response> {
    this.emit(c, 'unauthorized', undefined)
    if (this.#unauthorizedHandler) return this.#unauthorizedHandler(c)
    if (!this.loginView) return c.text('Unauthorized', 401)
    if (this.loginMessage) flash(c, this.loginMessage, this.loginMessageCategory)
    return this.#redirectToView(c, this.loginView)
  }

  /**
   * The response when a fresh login is required and this one is not: the registered handler's,
   * else a 401 when there is no `refreshView`, else a flash and a 302 to the refresh view.
   *
   * @param c - the request context
   * @returns the response
   * @example
   * app.get('/billing', loginManager.loginRequired(), (c) =>
   *   loginFresh(c) ? c.text('Billing details') : loginManager.needsRefresh(c),
   * )
   */
  async needsRefresh(c: Context): Promise<Response> {
    this.emit(c, 'needsRefresh', undefined)
    if (this.#needsRefreshHandler) return this.#needsRefreshHandler(c)
    if (!this.refreshView) return c.text('Unauthorized', 401)
    if (this.needsRefreshMessage)
      flash(c, this.needsRefreshMessage, this.needsRefreshMessageCategory)
    return this.#redirectToView(c, this.refreshView)
  }

  #redirectToView(c: Context, view: string): Response {
    const next = makeNextParam(view, c.req.url)
    if (this.useSessionForNext) {
      sessionOf(c).set('next', next)
      return c.redirect(view, 302)
    }
    return c.redirect(loginUrl(view, next), 302)
  }

  /** @internal Load the user for this request (once). */
  async loadUser(c: Context): Promise<User | AnonymousUser> {
    // Checked first, as Flask-Login does, so a missing loader shows up on the very first request
    // rather than only once someone has logged in.
    if (!this.#userLoader && !this.#requestLoader) {
      throw new LoginManagerError('missing-loader', errorMessages.missingLoader())
    }
    this.emit(c, 'accessed', undefined)
    const session = sessionOf(c)
    const secret = secretOf(c)
    if (await this.#protectSession(c, session)) return this.anonymousUser()
    const userId = session.get('_user_id')
    if (typeof userId === 'string' && this.#userLoader) {
      const user = await this.#userLoader(userId)
      if (user !== null && user !== undefined) return user
    }
    const cookie = getCookie(c, this.rememberCookieSettings().name)
    if (cookie !== undefined && session.get('_remember') !== 'clear') {
      const id = await decodeRememberCookie(cookie, secret)
      // The loader already said no to this id above; asking again would call it twice a request.
      const askedAlready =
        id !== null && typeof userId === 'string' && constantTimeEqual(id, userId)
      const user =
        id !== null && !askedAlready && this.#userLoader ? await this.#userLoader(id) : null
      if (user === null || user === undefined) return this.anonymousUser()
      session.set('_user_id', id as string)
      session.set('_fresh', false)
      session.set('_id', await this.sessionIdentifier(c))
      this.emit(c, 'loadedFromCookie', user)
      return user
    }
    if (this.#requestLoader) {
      const user = await this.#requestLoader(c)
      if (user !== null && user !== undefined) {
        this.emit(c, 'loadedFromRequest', user)
        return user
      }
    }
    return this.anonymousUser()
  }

  /**
   * The identifier session protection compares: hex SHA-512 of `"<remote address>|<user agent>"`.
   *
   * @param c - the request context
   * @returns 128 hex characters
   * @example
   * const id = await loginManager.sessionIdentifier(c)
   */
  async sessionIdentifier(c: Context): Promise<string> {
    const source = `${this.remoteAddress(c)}|${c.req.header('User-Agent') ?? ''}`
    let identifier = identifiers.get(source)
    if (identifier === undefined) {
      identifier = await sha512Hex(source)
      identifiers.set(source, identifier)
    }
    return identifier
  }

  /**
   * The remember cookie's full name and its attributes for a request, from {@link rememberCookie}.
   *
   * @returns the name (with `__Host-` when asked for) and a function giving the attributes
   * @throws LoginManagerError (`bad-cookie-prefix`) when `hostPrefix` is set with a Domain, a Path other than `/` or `secure: false`
   * @example
   * const { name } = loginManager.rememberCookieSettings() // 'remember_token'
   */
  rememberCookieSettings(): ReturnType<typeof resolveCookie> {
    const { name, path, domain, secure, httpOnly, sameSite, hostPrefix } = this.rememberCookie
    return resolveCookie(
      name,
      {
        path,
        httpOnly,
        sameSite,
        ...(domain === undefined ? {} : { domain }),
        ...(secure === undefined ? {} : { secure }),
      },
      hostPrefix,
    )
  }

  /** Returns true when strong protection logged the user out for this request. */
  async #protectSession(c: Context, session: Session): Promise<boolean> {
    if (!this.sessionProtection || session.keys().length === 0) return false
    const identifier = await this.sessionIdentifier(c)
    if (session.get('_id') === identifier) return false
    if (this.sessionProtection === 'basic' || session.permanent) {
      // Written only when it changes: a session that stays in another browser would otherwise be
      // re-sent with every response.
      if (session.get('_fresh') !== false) session.set('_fresh', false)
      this.emit(c, 'sessionProtected', undefined)
      return false
    }
    for (const key of LOGIN_KEYS) session.delete(key)
    session.set('_remember', 'clear')
    this.emit(c, 'sessionProtected', undefined)
    return true
  }

  async #updateRememberCookie(c: Context, session: Session, secret: string): Promise<void> {
    const action = session.get('_remember')
    const { name, attributesFor } = this.rememberCookieSettings()
    if (action === 'set') {
      session.delete('_remember')
      const id = session.get('_user_id')
      if (typeof id !== 'string') return
      await this.#setRememberCookie(c, session, secret, id)
    } else if (action === 'clear') {
      session.delete('_remember')
      deleteCookie(c, name, attributesFor(c))
    } else if (this.rememberCookie.refreshEachRequest) {
      // Only a genuine cookie for the user logged in now is refreshed: a garbage or foreign
      // cookie must not turn into a fresh remember cookie for this login.
      const id = session.get('_user_id')
      const cookie = getCookie(c, name)
      if (typeof id !== 'string' || cookie === undefined) return
      const remembered = await decodeRememberCookie(cookie, secret)
      if (remembered !== null && constantTimeEqual(remembered, id))
        await this.#setRememberCookie(c, session, secret, id)
    }
  }

  async #setRememberCookie(
    c: Context,
    session: Session,
    secret: string,
    id: string,
  ): Promise<void> {
    const { name, attributesFor } = this.rememberCookieSettings()
    const stored = session.get('_remember_seconds')
    const seconds = isPositiveDuration(stored) ? stored : (this.rememberCookie.duration ?? YEAR)
    setCookie(c, name, await encodeRememberCookie(id, secret), {
      ...attributesFor(c),
      expires: new Date(Date.now() + seconds * 1000),
    })
  }
}

function stateOf<User extends UserMixin>(c: Context, helper: string): RequestState<User> {
  const state = c.get(STATE_VARIABLE as never) as RequestState<User> | undefined
  if (!state)
    throw new LoginManagerError(
      'middleware-not-installed',
      errorMessages.middlewareNotInstalled(helper),
    )
  return state
}

function sessionOf(c: Context): Session {
  const found = findSessionContext(c)
  if (!found)
    throw new LoginManagerError('session-not-installed', errorMessages.sessionNotInstalled())
  return found.session
}

function secretOf(c: Context): string {
  return findSessionContext(c)?.secret ?? ''
}

/**
 * The remember cookie's value: `<id>|<lowercase hex HMAC-SHA512(secret, id)>`, as Flask-Login makes it.
 *
 * @param id - the user id
 * @param secret - the secret given to `session()`
 * @returns the cookie value
 * @example
 * await encodeRememberCookie('1', 'deterministic') // '1|0e9e6e98…'
 */
export async function encodeRememberCookie(id: string, secret: string): Promise<string> {
  return `${id}|${toHex(await hmac(secret, id, 'SHA-512'))}`
}

/**
 * Read a remember cookie: the id when the digest is right, else `null`. Splits at the last `|` and
 * compares in constant time; never throws.
 *
 * @param value - the cookie value
 * @param secret - the secret given to `session()`
 * @returns the user id, or null
 * @example
 * await decodeRememberCookie('1|deadbeef', 'deterministic') // null
 */
export async function decodeRememberCookie(value: string, secret: string): Promise<string | null> {
  if (typeof value !== 'string') return null
  const bar = value.lastIndexOf('|')
  if (bar < 0) return null
  const id = value.slice(0, bar)
  const digest = value.slice(bar + 1)
  if (!/^[0-9a-f]{128}$/.test(digest)) return null
  const expected = toHex(await hmac(secret, id, 'SHA-512'))
  return constantTimeEqual(digest, expected) ? id : null
}

/**
 * The current user: the logged-in user, or an anonymous one. Loaded on first use and cached for the
 * rest of the request, so the user loader runs at most once per request.
 *
 * @param c - the request context
 * @returns the user
 * @throws LoginManagerError when `loginManager.middleware()` is not installed, or no loader is registered
 * @example
 * app.get('/', async (c) => {
 *   const user = await currentUser(c)
 *   return c.text(user.isAuthenticated ? 'Welcome back' : 'Hello, stranger')
 * })
 */
export function currentUser<User extends UserMixin = UserMixin>(
  c: Context,
): Promise<User | AnonymousUser> {
  const state = stateOf<User>(c, 'currentUser(c)')
  state.user ??= state.manager.loadUser(c)
  return state.user
}

/**
 * Log a user in: store their id in the session, optionally set the remember cookie, and make them
 * the current user. An inactive user is refused (returns false) unless `force` is set.
 *
 * @param c - the request context
 * @param user - the user whose password you just checked
 * @param options - `remember` sets the remember cookie; `duration` (seconds) overrides its lifetime; `force` logs in an inactive user; `fresh` (default true)
 * @returns true when logged in
 * @throws LoginManagerError when `getId()` is not a string, or `duration` is not a positive number
 * @example
 * app.post('/login', async (c) => {
 *   const form = await c.req.parseBody()
 *   const user = await db.findUserByName(String(form['username']))
 *   if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password']))))
 *     return c.text('Wrong username or password', 401)
 *   await loginUser(c, user, { remember: form['remember'] === 'on' })
 *   return c.redirect(safeNext(c, c.req.query('next')))
 * })
 */
export async function loginUser<User extends UserMixin>(
  c: Context,
  user: User,
  options: { remember?: boolean; duration?: number; force?: boolean; fresh?: boolean } = {},
): Promise<boolean> {
  const state = stateOf<User>(c, 'loginUser(c, user)')
  // Programming mistakes throw before the active check, so they surface even for inactive users.
  if (options.duration !== undefined && !isPositiveDuration(options.duration)) {
    throw new LoginManagerError(
      'bad-remember-duration',
      errorMessages.badDuration(options.duration),
    )
  }
  if (!options.force && !user.isActive) return false
  const id = user.getId()
  if (typeof id !== 'string')
    throw new LoginManagerError('non-string-id', errorMessages.nonStringId(id))
  const session = sessionOf(c)
  session.set('_user_id', id)
  session.set('_fresh', options.fresh ?? true)
  session.set('_id', await state.manager.sessionIdentifier(c))
  if (options.remember) {
    session.set('_remember', 'set')
    if (options.duration !== undefined) session.set('_remember_seconds', options.duration)
  }
  state.user = Promise.resolve(user)
  state.manager.emit(c, 'loggedIn', user)
  return true
}

/**
 * Log the current user out: remove the login from the session, delete the remember cookie, and
 * make the current user anonymous. Other session keys stay.
 *
 * @param c - the request context
 * @returns true
 * @example
 * app.post('/logout', async (c) => {
 *   await logoutUser(c)
 *   return c.redirect('/')
 * })
 */
export async function logoutUser(c: Context): Promise<true> {
  const state = stateOf(c, 'logoutUser(c)')
  const previous = await currentUser(c)
  const session = sessionOf(c)
  for (const key of ['_user_id', '_fresh', '_id'] as const) session.delete(key)
  if (session.get('_remember') === 'set') session.delete('_remember')
  if (getCookie(c, state.manager.rememberCookieSettings().name) !== undefined) {
    session.set('_remember', 'clear')
    session.delete('_remember_seconds')
  }
  state.user = Promise.resolve(state.manager.anonymousUser())
  state.manager.emit(c, 'loggedOut', previous)
  return true
}

/**
 * Mark the login as fresh again, after the user re-entered their password.
 *
 * @param c - the request context
 * @example
 * app.post('/confirm-password', loginRequired<User>(), async (c) => {
 *   const form = await c.req.parseBody()
 *   if (!(await checkPasswordHash(c.var.currentUser.passwordHash, String(form['password']))))
 *     return c.text('Wrong password', 401)
 *   await confirmLogin(c)
 *   return c.redirect(safeNext(c, c.req.query('next')))
 * })
 */
export async function confirmLogin(c: Context): Promise<void> {
  const state = stateOf(c, 'confirmLogin(c)')
  const session = sessionOf(c)
  session.set('_fresh', true)
  session.set('_id', await state.manager.sessionIdentifier(c))
  state.manager.emit(c, 'loginConfirmed', undefined)
}

/**
 * Whether the login happened in this session with a password (not restored from a cookie).
 *
 * @param c - the request context
 * @returns true when fresh
 * @example
 * app.get('/settings', loginRequired<User>(), (c) =>
 *   loginFresh(c) ? c.text('Settings') : loginManager.needsRefresh(c),
 * )
 */
export function loginFresh(c: Context): boolean {
  return sessionOf(c).get('_fresh') === true
}

/**
 * Whether the request carries a valid remember cookie.
 *
 * @param c - the request context
 * @returns true when the remember cookie is present and genuine
 * @example
 * const remembered = await loginRemembered(c)
 */
export async function loginRemembered(c: Context): Promise<boolean> {
  const state = stateOf(c, 'loginRemembered(c)')
  const cookie = getCookie(c, state.manager.rememberCookieSettings().name)
  return cookie !== undefined && (await decodeRememberCookie(cookie, secretOf(c))) !== null
}

/**
 * Middleware that lets only logged-in users through. Methods in `exemptMethods` pass straight
 * through; anonymous visitors get `loginManager.unauthorized(c)`. Inside, `c.var.currentUser` is set.
 *
 * @returns the middleware; pass your user type to type `c.var.currentUser`
 * @example
 * app.get('/dashboard', loginRequired<User>(), (c) => c.text(`Welcome, ${c.var.currentUser.name}`))
 */
export function loginRequired<User extends UserMixin = UserMixin>(): MiddlewareHandler<{
  Variables: LoginVariables<User>
}> {
  return async function loginRequired(c, next) {
    const { manager } = stateOf<User>(c, 'loginRequired()')
    if (manager.exemptMethods.includes(c.req.method)) return next()
    const user = await currentUser<User>(c)
    if (!user.isAuthenticated) return manager.unauthorized(c)
    c.set('currentUser', user as User)
    await next()
  }
}

/**
 * Like {@link loginRequired}, and the login must be fresh; otherwise `loginManager.needsRefresh(c)`.
 *
 * @returns the middleware
 * @example
 * app.post('/delete-account', freshLoginRequired<User>(), (c) => c.text(`Goodbye, ${c.var.currentUser.name}`))
 */
export function freshLoginRequired<User extends UserMixin = UserMixin>(): MiddlewareHandler<{
  Variables: LoginVariables<User>
}> {
  return async function freshLoginRequired(c, next) {
    const { manager } = stateOf<User>(c, 'freshLoginRequired()')
    if (manager.exemptMethods.includes(c.req.method)) return next()
    const user = await currentUser<User>(c)
    if (!user.isAuthenticated) return manager.unauthorized(c)
    if (!loginFresh(c)) return manager.needsRefresh(c)
    c.set('currentUser', user as User)
    await next()
  }
}

/**
 * A redirect target that is safe to use: `target` if it is a relative path on this site, else
 * `fallback`. Use it for `?next=` after login, so nobody can use your login page to send users to
 * another site (an open redirect).
 *
 * @param _c - the request context (kept for symmetry with the other helpers)
 * @param target - the proposed target, e.g. `c.req.query('next')`
 * @param fallback - where to go otherwise (default `/`)
 * @returns a safe path
 * @example
 * app.get('/after-login', (c) => c.redirect(safeNext(c, c.req.query('next'), '/dashboard')))
 */
export function safeNext(_c: Context, target: string | null | undefined, fallback = '/'): string {
  return isSafeRelativePath(target) ? target : fallback
}

/**
 * What {@link describeAuth} reports: names and flags, never a secret value.
 *
 * @example
 * const { isAuthenticated, sessionKeys }: AuthDescription = await describeAuth(c)
 */
export interface AuthDescription {
  isAuthenticated: boolean
  isAnonymous: boolean
  /** The `_user_id` in the session, or null. */
  userIdInSession: string | null
  /** The session's keys (names only, never values). */
  sessionKeys: string[]
  /** Whether a genuine remember cookie came with the request. */
  remembered: boolean
  /** Whether the login is fresh. */
  fresh: boolean
  /** Whether `session()` has a secret (never the secret itself). */
  secretSet: boolean
}

/**
 * What a debug route should show about the login state of this request, with no secret values.
 *
 * @param c - the request context
 * @returns the description
 * @example
 * app.get('/debug/auth', async (c) => c.json(await describeAuth(c)))
 */
export async function describeAuth(c: Context): Promise<AuthDescription> {
  const user = await currentUser(c)
  const session = sessionOf(c)
  const userId = session.get('_user_id')
  return {
    isAuthenticated: user.isAuthenticated,
    isAnonymous: user.isAnonymous,
    userIdInSession: typeof userId === 'string' ? userId : null,
    sessionKeys: session.keys(),
    remembered: await loginRemembered(c),
    fresh: loginFresh(c),
    secretSet: secretOf(c) !== '',
  }
}

/** @internal for tests: the Env shape with the login variables. */
export type LoginEnv<User extends UserMixin = UserMixin> = Env & { Variables: LoginVariables<User> }
