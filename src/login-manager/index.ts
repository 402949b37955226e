/**
 * Signed In's login manager for Hono: sessions in a signed cookie, flash messages, password
 * hashing, and a Flask-Login–style `LoginManager`. Runs on Web APIs only (Node, WebContainers,
 * browser Workers). See README.md beside this file.
 *
 * @example
 * import { Hono } from 'hono'
 * import { LoginManager, UserMixin, session, loginUser, loginRequired } from 'signed-in/login-manager'
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
  decodeRememberCookie,
  describeAuth,
  encodeRememberCookie,
  freshLoginRequired,
  LoginManager,
  loginFresh,
  loginRemembered,
  loginRequired,
  loginUser,
  logoutUser,
  safeNext,
  type AuthDescription,
  type LoginManagerEvents,
  type LoginManagerOptions,
  type LoginVariables,
  type RememberCookieOptions,
} from './login-manager'
export {
  decodeSessionCookie,
  encodeSessionCookie,
  getSession,
  session,
  type Session,
  type SessionOptions,
  type SessionValue,
} from './session'
export { AnonymousUser, UserMixin } from './users'
export { checkPasswordHash, generatePasswordHash, type PasswordHashOptions } from './utils/password'
export { loginUrl, makeNextParam } from './utils/url'
