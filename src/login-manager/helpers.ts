// Context helpers: what a route calls with its context `c`. They read the request state the
// manager's middleware put on the context, and the session `session()` put there.
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { errorMessages, isCookieLifetime, LoginManagerError } from './errors'
import type { LoginManager } from './login-manager'
import { requireSession } from './session'
import { AnonymousUser, UserMixin } from './users'
import { decodeRememberCookie } from './utils/remember-cookie'
import { LOGIN_KEYS, SESSION_KEYS } from './utils/session-keys'
import { isSafeRelativePath } from './utils/url'

/** The context variable the manager's middleware sets for each request. */
export const STATE_VARIABLE = 'signedInLoginManager'

/**
 * What the manager's middleware keeps for one request: the manager, and the user once loaded.
 *
 * @example
 * const state: RequestState<User> = { manager: loginManager, user: undefined }
 */
export interface RequestState<User extends UserMixin> {
  manager: LoginManager<User>
  user: Promise<User | AnonymousUser> | undefined
}

/**
 * The request state, or a `middleware-not-installed` error naming the helper that needed it.
 *
 * @param c - the request context
 * @param helper - what to name in the error
 * @returns the request state
 * @throws LoginManagerError when `loginManager.middleware()` is not installed on this route
 * @example
 * const { manager } = stateOf(c, 'loginRequired()')
 */
export function stateOf<User extends UserMixin>(c: Context, helper: string): RequestState<User> {
  const state = c.get(STATE_VARIABLE as never) as RequestState<User> | undefined
  if (!state)
    throw new LoginManagerError(
      'middleware-not-installed',
      errorMessages.middlewareNotInstalled(helper),
    )
  return state
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
 *   return c.redirect(safeNext(c.req.query('next')))
 * })
 */
export async function loginUser<User extends UserMixin>(
  c: Context,
  user: User,
  options: { remember?: boolean; duration?: number; force?: boolean; fresh?: boolean } = {},
): Promise<boolean> {
  const state = stateOf<User>(c, 'loginUser(c, user)')
  // Programming mistakes throw before the active check, so they surface even for inactive users.
  if (options.duration !== undefined && !isCookieLifetime(options.duration)) {
    throw new LoginManagerError(
      'bad-remember-duration',
      errorMessages.badDuration(options.duration),
    )
  }
  if (!options.force && !user.isActive) return false
  const id = user.getId()
  if (typeof id !== 'string')
    throw new LoginManagerError('non-string-id', errorMessages.nonStringId(id))
  const { session } = requireSession(c, 'loginUser(c, user)')
  // A new login is a new session: an id planted before it (session fixation) is left behind.
  session.regenerate()
  session.set(SESSION_KEYS.userId, id)
  session.set(SESSION_KEYS.version, user.getSessionVersion())
  session.set(SESSION_KEYS.fresh, options.fresh ?? true)
  session.set(SESSION_KEYS.identifier, await state.manager.sessionIdentifier(c))
  if (options.remember) {
    session.set(SESSION_KEYS.remember, 'set')
    if (options.duration !== undefined) session.set(SESSION_KEYS.rememberSeconds, options.duration)
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
  const { session } = requireSession(c, 'logoutUser(c)')
  for (const key of LOGIN_KEYS) session.delete(key)
  // With a store, the session's old id is deleted on the server: a copy of the cookie is dead.
  session.regenerate()
  if (session.get(SESSION_KEYS.remember) === 'set') session.delete(SESSION_KEYS.remember)
  if (getCookie(c, state.manager.rememberCookieSettings().name) !== undefined)
    session.set(SESSION_KEYS.remember, 'clear')
  state.user = Promise.resolve(state.manager.anonymousUser())
  state.manager.emit(c, 'loggedOut', previous)
  return true
}

/**
 * Log the user out on every device: revoke all their sessions and remember cookies, then log this
 * request out too. With `session({ store })` it deletes every stored session of the user; with a
 * {@link LoginManager.sessionVersionSaver}, it adds one to the user's session version, so every
 * session and remember cookie made before is refused. Call it after a password change too, then
 * `loginUser` again to stay logged in on this device.
 *
 * @param c - the request context
 * @returns true, or false when nobody is logged in
 * @throws LoginManagerError (`nothing-to-revoke`) when there is neither a store nor a version saver
 * @example
 * app.post('/logout-everywhere', loginRequired<User>(), async (c) => {
 *   await logoutEverywhere(c)
 *   return c.redirect('/')
 * })
 */
export async function logoutEverywhere(c: Context): Promise<boolean> {
  const state = stateOf(c, 'logoutEverywhere(c)')
  const { store } = requireSession(c, 'logoutEverywhere(c)')
  const user = await currentUser(c)
  if (!(user instanceof UserMixin) || !user.isAuthenticated) return false
  const bumped = await state.manager.bumpSessionVersion(user)
  if (store) await store.deleteAllForUser(user.getId())
  else if (!bumped)
    throw new LoginManagerError('nothing-to-revoke', errorMessages.nothingToRevoke())
  await logoutUser(c)
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
 *   return c.redirect(safeNext(c.req.query('next')))
 * })
 */
export async function confirmLogin(c: Context): Promise<void> {
  const state = stateOf(c, 'confirmLogin(c)')
  const { session } = requireSession(c, 'confirmLogin(c)')
  session.set(SESSION_KEYS.fresh, true)
  session.set(SESSION_KEYS.identifier, await state.manager.sessionIdentifier(c))
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
  return requireSession(c, 'loginFresh(c)').session.get(SESSION_KEYS.fresh) === true
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
  const { secret } = requireSession(c, 'loginRemembered(c)')
  return cookie !== undefined && (await decodeRememberCookie(cookie, secret)) !== null
}

/**
 * A redirect target that is safe to use: `target` if it is a relative path on this site, else
 * `fallback`. Use it for `?next=` after login, so nobody can use your login page to send users to
 * another site (an open redirect).
 *
 * @param target - the proposed target, e.g. `c.req.query('next')`
 * @param fallback - where to go otherwise (default `/`)
 * @returns a safe path
 * @example
 * app.get('/after-login', (c) => c.redirect(safeNext(c.req.query('next'), '/dashboard')))
 */
export function safeNext(target: string | null | undefined, fallback = '/'): string {
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
  const { session, secret } = requireSession(c, 'describeAuth(c)')
  const userId = session.get(SESSION_KEYS.userId)
  return {
    isAuthenticated: user.isAuthenticated,
    isAnonymous: user.isAnonymous,
    userIdInSession: typeof userId === 'string' ? userId : null,
    sessionKeys: session.keys(),
    remembered: await loginRemembered(c),
    fresh: loginFresh(c),
    secretSet: secret !== '',
  }
}
