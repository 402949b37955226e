/**
 * Signed In's login manager for Hono: sessions in a signed cookie, flash messages, password
 * hashing, and a Flask-Login–style `LoginManager`. Runs on Web APIs only (Node, WebContainers,
 * browser Workers). See README.md beside this file.
 *
 * @example
 * import { Hono } from 'hono'
 * import {
 *   checkPasswordHash,
 *   LoginManager,
 *   loginRequired,
 *   loginUser,
 *   logoutUser,
 *   safeNext,
 *   session,
 *   UserMixin,
 *   type LoginVariables,
 * } from 'signed-in/login-manager'
 *
 * class User extends UserMixin {
 *   constructor(
 *     public override id: string,
 *     public name: string,
 *     public passwordHash: string, // from generatePasswordHash(), never the password itself
 *   ) {
 *     super()
 *   }
 * }
 * const users = new Map<string, User>() // id → user; in a real app, your database
 *
 * const loginManager = new LoginManager<User>({ loginView: '/login' })
 * loginManager.userLoader((id) => users.get(id) ?? null)
 *
 * const app = new Hono<{ Variables: LoginVariables<User> }>()
 * app.use(session({ secret: process.env.SESSION_SECRET }), loginManager.middleware())
 * app.post('/login', async (c) => {
 *   const form = await c.req.parseBody()
 *   const user = [...users.values()].find((u) => u.name === form['username'])
 *   if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password']))))
 *     return c.text('Wrong username or password', 401)
 *   await loginUser(c, user, { remember: form['remember'] === 'on' })
 *   return c.redirect(safeNext(c.req.query('next')))
 * })
 * app.get('/account', loginRequired<User>(), (c) => c.text(`Hello, ${c.var.currentUser.name}`))
 * app.post('/logout', async (c) => {
 *   await logoutUser(c)
 *   return c.redirect('/')
 * })
 * export default app
 */
export {
  errorMessages,
  LOGIN_MANAGER_ERROR_CODES,
  LoginManagerError,
  type LoginManagerErrorCode,
} from './errors'
export { flash, getFlashedMessages, type FlashedMessage } from './flash'
export {
  confirmLogin,
  currentUser,
  describeAuth,
  loginFresh,
  loginRemembered,
  loginUser,
  logoutEverywhere,
  logoutUser,
  safeNext,
  type AuthDescription,
} from './helpers'
export {
  LoginManager,
  type LoginManagerEvents,
  type LoginManagerOptions,
  type LoginVariables,
  type RememberCookieOptions,
} from './login-manager'
export { freshLoginRequired, loginRequired } from './middleware'
export {
  decodeSessionCookie,
  encodeSessionCookie,
  getSession,
  session,
  type Session,
  type SessionOptions,
  type SessionValue,
} from './session'
export { MemorySessionStore, type SessionStore, type StoredSession } from './session-store'
export {
  decodeRememberCookie,
  encodeRememberCookie,
  REMEMBER_DIGEST_PATTERN,
  type RememberedLogin,
} from './utils/remember-cookie'
export { AnonymousUser, UserMixin } from './users'
export {
  checkPasswordHash,
  generatePasswordHash,
  HASH_LIMITS,
  type PasswordHashOptions,
} from './utils/password'
export { loginUrl, makeNextParam } from './utils/url'
export { readWorkCounters, resetWorkCounters, type WorkCounters } from './work-counters'
