/**
 * Every problem the login manager can report, as stable codes tests and lessons can match on.
 *
 * @example
 * LOGIN_MANAGER_ERROR_CODES.includes('missing-secret') // true
 */
export const LOGIN_MANAGER_ERROR_CODES = [
  'missing-secret',
  'weak-secret',
  'cookie-too-large',
  'bad-cookie-prefix',
  'missing-loader',
  'middleware-not-installed',
  'session-not-installed',
  'user-without-id',
  'non-string-id',
  'bad-remember-duration',
  'bad-max-age',
  'unknown-hash-method',
  'scrypt-too-costly',
  'pbkdf2-too-costly',
  'bad-salt-length',
  'nothing-to-revoke',
] as const

/**
 * One of {@link LOGIN_MANAGER_ERROR_CODES}.
 *
 * @example
 * const code: LoginManagerErrorCode = 'missing-secret'
 */
export type LoginManagerErrorCode = (typeof LOGIN_MANAGER_ERROR_CODES)[number]

/**
 * The error the login manager throws. Each message says what is wrong, why, and how to fix it; the
 * debugging lessons quote them.
 *
 * @example
 * try {
 *   session({ secret: '' })
 * } catch (error) {
 *   if (error instanceof LoginManagerError) console.log(error.code) // 'missing-secret'
 * }
 */
export class LoginManagerError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: LoginManagerErrorCode

  /**
   * @param code - the problem's code
   * @param message - the explanation for the developer
   */
  constructor(code: LoginManagerErrorCode, message: string) {
    super(message)
    this.name = 'LoginManagerError'
    this.code = code
  }
}

/**
 * The longest lifetime a cookie may ask for: browsers cap `Expires`/`Max-Age` at 400 days (RFC 6265bis),
 * and `hono/cookie` refuses anything longer.
 */
export const MAX_COOKIE_SECONDS = 400 * 24 * 60 * 60

/**
 * Whether a value is a cookie lifetime that can be sent: a positive, finite number of seconds,
 * within the 400 days browsers honour.
 *
 * @param value - the proposed lifetime
 * @returns true when usable
 * @example
 * isCookieLifetime(60 * 60 * 24 * 14) // true
 * isCookieLifetime(-1) // false
 */
export function isCookieLifetime(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_COOKIE_SECONDS
  )
}

/**
 * The messages, in one place so tests and docs agree. Each says what is wrong, why, and how to fix
 * it, and none ever includes a secret value.
 *
 * @example
 * errorMessages.missingLoader().startsWith('Missing userLoader or requestLoader.') // true
 */
export const errorMessages = {
  missingSecret: () =>
    'session() needs a secret: it signs the session cookie so nobody can forge a login. Pass one from an environment variable, for example session({ secret: process.env.SESSION_SECRET }), and make it a long random string.',
  weakSecret: (reason: string) =>
    `session() refused the secret because ${reason}: a guessable secret lets anyone sign a session cookie that logs them in as any user. Use at least 32 random bytes kept in an environment variable, made with \`openssl rand -hex 32\` or, in JavaScript, with crypto.getRandomValues(new Uint8Array(32)) written out as hex.`,
  cookieTooLarge: (name: string, bytes: number, largest: string) =>
    `The ${name} cookie is ${bytes} bytes, over the 4,096 bytes browsers keep, so the browser will drop it silently and the user loses the whole session. The largest keys are ${largest}. Use session({ store }) to keep sessions on the server, or keep only an id in the session and the data in your database.`,
  badCookiePrefix: (cookie: string, problem: string) =>
    `The ${cookie} cookie asks for the __Host- prefix, but ${problem}, and browsers refuse a __Host- cookie unless it is Secure, has Path=/ and has no Domain. Leave domain and path out and don't set secure: false, or drop hostPrefix.`,
  nothingToRevoke: () =>
    'logoutEverywhere(c) has no way to reach the other devices: the sessions live in signed cookies the server cannot recall. Pass session({ store }) to keep sessions on the server, or call loginManager.sessionVersionSaver(async (user, version) => …) to save a new session version that refuses every older cookie.',
  missingLoader: () =>
    'Missing userLoader or requestLoader. The login manager stores only a user id in the session and needs a function to turn that id back into a user: call loginManager.userLoader(async (id) => findUser(id) ?? null).',
  middlewareNotInstalled: (helper: string) =>
    `${helper} was called, but loginManager.middleware() is not installed on this route, so there is no login manager to ask. Add app.use(session({ secret }), loginManager.middleware()) before your routes.`,
  sessionNotInstalled: (helper = 'getSession(c)') =>
    `${helper} found no session: session() is not installed on this route, and the login manager keeps the user id in the session. Install session() first: app.use(session({ secret: process.env.SESSION_SECRET })) before your routes and before loginManager.middleware().`,
  userWithoutId: (name: string) =>
    `${name} has no id, so getId() cannot say who to remember. Give the user an id property, or override getId() to return a string that identifies it.`,
  nonStringId: (value: unknown) =>
    `getId() returned ${describeTyped(value)}, but user ids must be strings: the session stores a string and the user loader receives one. Return String(this.id) from getId().`,
  badDuration: (value: unknown) =>
    `The remember duration must be a positive, finite number of seconds, at most 400 days (${MAX_COOKIE_SECONDS}, the longest browsers keep a cookie), but it was ${describeValue(value)}. Pass, for example, { remember: true, duration: 60 * 60 * 24 * 14 } for two weeks.`,
  badMaxAge: (value: unknown, option = 'maxAge') =>
    `session({ ${option} }) must be a positive, finite number of seconds, at most 400 days (${MAX_COOKIE_SECONDS}, the longest browsers keep a cookie), but it was ${describeValue(value)}. Pass, for example, session({ secret, ${option}: 60 * 60 * 24 * 31 }) for 31 days.`,
  unknownHashMethod: (method: unknown) =>
    `The password hash method ${describeValue(method)} is not one this library (or Werkzeug) knows, so no hash can be made with it. Use "pbkdf2:sha256" (the default, 600,000 iterations), "pbkdf2:sha256:<iterations>" or "scrypt:<N>:<r>:<p>".`,
  scryptTooCostly: ({ n, r, p }: { n: number; r: number; p: number }) =>
    `scrypt:${n}:${r}:${p} asks for ${(128 * n * r) / 2 ** 20} MiB of memory and ${(n * r * p) / 2 ** 18} times the work of Werkzeug's default, beyond this library's limits (N at most 2^20, p at most 16, r·p at most 128, 256 MiB, 16 times the default work), which keep one login from exhausting the server. Use Werkzeug's default "scrypt:32768:8:1", or OWASP's "scrypt:131072:8:1".`,
  pbkdf2TooCostly: (iterations: number) =>
    `pbkdf2 with ${iterations} iterations is beyond this library's limit of 2,000,000 (twice Werkzeug's default of 1,000,000), which keeps one login from occupying the server for seconds or minutes. Use the default "pbkdf2:sha256:600000" (OWASP's minimum for PBKDF2-HMAC-SHA256) or Werkzeug's "pbkdf2:sha256:1000000".`,
  badSaltLength: (value: unknown) =>
    `The salt length must be a whole number of characters from 1 to 256, but it was ${describeValue(value)}; the salt makes equal passwords hash differently. Leave saltLength out for the default of 16.`,
} as const

/**
 * A value for an error message. Objects are named, never serialised: a user object (or whatever a
 * custom getId() returns) may hold a password hash, and no message may show one.
 */
function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value)
    case 'bigint':
      return `${value}n`
    case 'symbol':
      return value.toString()
    case 'string':
      return JSON.stringify(value)
    case 'function':
      return 'a function'
    default: {
      if (value === null) return 'null'
      if (Array.isArray(value)) return 'an array'
      const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)
        ?.constructor?.name
      return `an object (${name || 'no prototype'})`
    }
  }
}

/** Like {@link describeValue}, with the type in front of a primitive: `number 42`, `symbol Symbol(id)`. */
function describeTyped(value: unknown): string {
  const shown = describeValue(value)
  return value === null ||
    value === undefined ||
    typeof value === 'object' ||
    typeof value === 'function'
    ? shown
    : `${typeof value} ${shown}`
}
