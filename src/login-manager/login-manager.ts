import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { errorMessages, isCookieLifetime, LoginManagerError } from './errors'
import { flash } from './flash'
import { STATE_VARIABLE, type RequestState } from './helpers'
import { freshLoginRequired, loginRequired } from './middleware'
import { requireSession, resolveCookie, type Session } from './session'
import { AnonymousUser, UserMixin } from './users'
import { BoundedCache } from './utils/bounded-cache'
import { sha512Hex } from './utils/crypto'
import { decodeRememberCookie, encodeRememberCookie } from './utils/remember-cookie'
import { LOGIN_KEYS, SESSION_KEYS } from './utils/session-keys'
import { loginUrl, makeNextParam } from './utils/url'

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
type VersionSaver<User> = (user: User, version: number) => Promise<void> | void

const YEAR = 365 * 24 * 60 * 60

/** The session version a login of this user carries. */
function versionOf(user: UserMixin): number {
  return user.getSessionVersion()
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
  #versionSaver: VersionSaver<User> | undefined
  #handlers = new Map<keyof LoginManagerEvents<User>, Set<Handler<never>>>()
  // Hashing the same address and User-Agent again gives the same identifier; keep recent ones.
  readonly #identifiers = new BoundedCache<string, string>(1000)

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
    if (remember.duration !== undefined && !isCookieLifetime(remember.duration)) {
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
   * Register the function that saves a user's new session version in your database. With it,
   * `logoutEverywhere(c)` revokes every session and remember cookie of the user without any
   * server-side session state: it adds one to the version and calls this to save it.
   *
   * @param saver - `async (user, version) => db.setSessionVersion(user.id, version)`
   * @returns the saver
   * @example
   * loginManager.sessionVersionSaver(async (user, version) => {
   *   user.sessionVersion = version // and write it to the users table
   * })
   */
  sessionVersionSaver<S extends VersionSaver<User>>(saver: S): S {
    this.#versionSaver = saver
    return saver
  }

  /**
   * @internal Add one to the user's session version and save it, when a saver is registered.
   * @returns whether a saver was registered
   */
  async bumpSessionVersion(user: User): Promise<boolean> {
    if (!this.#versionSaver) return false
    const version = versionOf(user) + 1
    await this.#versionSaver(user, version)
    user.sessionVersion = version
    return true
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
      const sessionContext = requireSession(c, 'loginManager.middleware()')
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
      requireSession(c, 'loginManager.unauthorized(c)').session.set('next', next)
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
    const { session, secret } = requireSession(c, 'currentUser(c)')
    if (await this.#protectSession(c, session)) return this.anonymousUser()
    const userId = session.get(SESSION_KEYS.userId)
    let loaded: User | null | undefined
    if (typeof userId === 'string' && this.#userLoader) {
      loaded = await this.#userLoader(userId)
      if (loaded !== null && loaded !== undefined) {
        if (versionOf(loaded) === (session.get(SESSION_KEYS.version) ?? 0)) return loaded
        // The user's sessions were revoked after this one began: log it out.
        for (const key of LOGIN_KEYS) session.delete(key)
      }
    }
    const cookie = getCookie(c, this.rememberCookieSettings().name)
    if (cookie !== undefined && session.get(SESSION_KEYS.remember) !== 'clear') {
      const remembered = await decodeRememberCookie(cookie, secret)
      if (remembered === null) return this.anonymousUser()
      // The loader already answered for this id above; asking again would call it twice a request.
      const user =
        typeof userId === 'string' && remembered.id === userId
          ? loaded
          : this.#userLoader
            ? await this.#userLoader(remembered.id)
            : null
      if (user === null || user === undefined) return this.anonymousUser()
      if (versionOf(user) !== remembered.version) {
        // Made before the user's sessions were revoked: refuse it, and have the browser drop it.
        session.set(SESSION_KEYS.remember, 'clear')
        return this.anonymousUser()
      }
      session.regenerate()
      session.set(SESSION_KEYS.userId, remembered.id)
      session.set(SESSION_KEYS.version, remembered.version)
      session.set(SESSION_KEYS.fresh, false)
      session.set(SESSION_KEYS.identifier, await this.sessionIdentifier(c))
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
    let identifier = this.#identifiers.get(source)
    if (identifier === undefined) {
      identifier = await sha512Hex(source)
      this.#identifiers.set(source, identifier)
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
    if (session.get(SESSION_KEYS.identifier) === identifier) return false
    if (this.sessionProtection === 'basic' || session.permanent) {
      // Written only when it changes: a session that stays in another browser would otherwise be
      // re-sent with every response.
      if (session.get(SESSION_KEYS.fresh) !== false) session.set(SESSION_KEYS.fresh, false)
      this.emit(c, 'sessionProtected', undefined)
      return false
    }
    for (const key of LOGIN_KEYS) session.delete(key)
    session.set(SESSION_KEYS.remember, 'clear')
    this.emit(c, 'sessionProtected', undefined)
    return true
  }

  async #updateRememberCookie(c: Context, session: Session, secret: string): Promise<void> {
    const action = session.get(SESSION_KEYS.remember)
    const { name, attributesFor } = this.rememberCookieSettings()
    if (action === 'set') {
      session.delete(SESSION_KEYS.remember)
      const id = session.get(SESSION_KEYS.userId)
      if (typeof id !== 'string') return
      await this.#setRememberCookie(c, session, secret, id)
    } else if (action === 'clear') {
      session.delete(SESSION_KEYS.remember)
      deleteCookie(c, name, attributesFor(c))
    } else if (this.rememberCookie.refreshEachRequest) {
      // Only a genuine cookie for the user logged in now is refreshed: a garbage or foreign
      // cookie must not turn into a fresh remember cookie for this login.
      const id = session.get(SESSION_KEYS.userId)
      const cookie = getCookie(c, name)
      if (typeof id !== 'string' || cookie === undefined) return
      const remembered = await decodeRememberCookie(cookie, secret)
      if (remembered?.id === id && remembered.version === (session.get(SESSION_KEYS.version) ?? 0))
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
    const stored = session.get(SESSION_KEYS.rememberSeconds)
    const seconds = isCookieLifetime(stored) ? stored : (this.rememberCookie.duration ?? YEAR)
    const version = session.get<number>(SESSION_KEYS.version) ?? 0
    setCookie(c, name, await encodeRememberCookie(id, secret, version), {
      ...attributesFor(c),
      expires: new Date(Date.now() + seconds * 1000),
    })
  }
}
