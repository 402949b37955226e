/**
 * The session keys the login manager uses, in one place. `session()` reads one of them (the user
 * id, to index server-side sessions by user); the login manager owns them all.
 *
 * @example
 * getSession(c).get(SESSION_KEYS.userId) // '1' when user 1 is logged in
 */
export const SESSION_KEYS = {
  /** The logged-in user's id. */
  userId: '_user_id',
  /** The user's session version when they logged in. */
  version: '_version',
  /** Whether the login was made with a password in this session. */
  fresh: '_fresh',
  /** The session-protection identifier (hash of address and User-Agent). */
  identifier: '_id',
  /** A remember duration chosen at login, in seconds. */
  rememberSeconds: '_remember_seconds',
  /** `'set'` or `'clear'`: what to do with the remember cookie after the handler. */
  remember: '_remember',
} as const

/**
 * The keys that together make a login; logging out (or strong session protection) removes them.
 *
 * @example
 * for (const key of LOGIN_KEYS) getSession(c).delete(key)
 */
export const LOGIN_KEYS = [
  SESSION_KEYS.userId,
  SESSION_KEYS.version,
  SESSION_KEYS.fresh,
  SESSION_KEYS.identifier,
  SESSION_KEYS.rememberSeconds,
] as const
