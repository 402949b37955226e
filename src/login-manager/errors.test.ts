import { Hono, type Context, type Env } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  errorMessages,
  LoginManagerError,
  MAX_COOKIE_SECONDS,
  type LoginManagerErrorCode,
} from './errors'
import { currentUser, LoginManager, loginUser } from './index'
import { getSession, session } from './session'
import { makeApp, SECRET, users } from './test-app'
import { UserMixin } from './users'

/** Run `route` inside a request and return what it threw. */
async function thrownInRoute<E extends Env>(
  app: Hono<E>,
  route: (c: Context<E>) => unknown,
): Promise<unknown> {
  let caught: unknown
  app.get('/probe', async (c) => {
    try {
      await route(c)
    } catch (error) {
      caught = error
    }
    return c.text('done')
  })
  await app.request('/probe')
  return caught
}

function thrownBy(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

function expectTeachingError(error: unknown, code: LoginManagerErrorCode, message: string) {
  expect(error).toBeInstanceOf(LoginManagerError)
  expect(error).toBeInstanceOf(Error)
  expect((error as LoginManagerError).name).toBe('LoginManagerError')
  expect((error as LoginManagerError).code).toBe(code)
  expect((error as LoginManagerError).message).toBe(message)
}

class NoIdUser extends UserMixin {}

describe('each error says what is wrong, why, and how to fix it', () => {
  it('missing secret: names process.env.SESSION_SECRET', () => {
    for (const secret of [undefined, '']) {
      expectTeachingError(
        thrownBy(() => session({ secret })),
        'missing-secret',
        'session() needs a secret: it signs the session cookie so nobody can forge a login. Pass one from an environment variable, for example session({ secret: process.env.SESSION_SECRET }), and make it a long random string.',
      )
    }
  })

  it('missing loader: starts with "Missing userLoader or requestLoader."', async () => {
    const { app } = makeApp({}, { loader: false })
    const error = await thrownInRoute(app, (c) => currentUser(c))
    expectTeachingError(
      error,
      'missing-loader',
      'Missing userLoader or requestLoader. The login manager stores only a user id in the session and needs a function to turn that id back into a user: call loginManager.userLoader(async (id) => findUser(id) ?? null).',
    )
    expect((error as Error).message.startsWith('Missing userLoader or requestLoader.')).toBe(true)
  })

  it('missing loader is reported on the first request, even when strong protection would log out', async () => {
    const { app } = makeApp({ sessionProtection: 'strong' }, { loader: false })
    // Without a loader the session still has a login from another browser, which strong
    // protection would clear; the missing loader must be reported anyway.
    const error = await thrownInRoute(app, (c) => {
      getSession(c).set('_user_id', '1')
      return currentUser(c)
    })
    expect((error as LoginManagerError).code).toBe('missing-loader')
  })

  it('middleware not installed: names the helper and the app.use line', async () => {
    const app = new Hono()
    app.use(session({ secret: SECRET }))
    expectTeachingError(
      await thrownInRoute(app, (c) => loginUser(c, users.get('1')!)),
      'middleware-not-installed',
      'loginUser(c, user) was called, but loginManager.middleware() is not installed on this route, so there is no login manager to ask. Add app.use(session({ secret }), loginManager.middleware()) before your routes.',
    )
  })

  it('session not installed under the login manager: says to install session() first', async () => {
    const app = new Hono()
    app.use(new LoginManager().middleware())
    let caught: unknown
    app.onError((error, c) => ((caught = error), c.text('x', 500)))
    app.get('/', (c) => c.text('never'))
    await app.request('/')
    expectTeachingError(
      caught,
      'session-not-installed',
      errorMessages.sessionNotInstalled('loginManager.middleware()'),
    )
    expect((caught as Error).message).toContain('Install session() first')
  })

  it('a user without an id: names the class and says to add an id', () => {
    expectTeachingError(
      thrownBy(() => new NoIdUser().getId()),
      'user-without-id',
      'NoIdUser has no id, so getId() cannot say who to remember. Give the user an id property, or override getId() to return a string that identifies it.',
    )
  })

  it('a user without an id cannot log in either', async () => {
    const { app } = makeApp()
    const error = await thrownInRoute(app, (c) => loginUser(c, new NoIdUser()))
    expect((error as LoginManagerError).code).toBe('user-without-id')
  })

  it.each([
    [42, 'number 42'],
    [42n, 'bigint 42n'],
    [Symbol('id'), 'symbol Symbol(id)'],
    [undefined, 'undefined'],
    [null, 'null'],
    [{ id: 1, passwordHash: 'pbkdf2:sha256:1000$salt$abc' }, 'an object (Object)'],
  ])(
    'a non-string id (%s): says what getId() returned, and never dumps an object',
    async (id, shown) => {
      class OddIdUser extends UserMixin {
        override getId() {
          return id as unknown as string
        }
      }
      const { app } = makeApp()
      expectTeachingError(
        await thrownInRoute(app, (c) => loginUser(c, new OddIdUser())),
        'non-string-id',
        `getId() returned ${shown}, but user ids must be strings: the session stores a string and the user loader receives one. Return String(this.id) from getId().`,
      )
    },
  )

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_COOKIE_SECONDS + 1, '60', null])(
    'a bad remember duration (%j): explains the unit, the 400-day limit and an example',
    async (duration) => {
      const shown = typeof duration === 'number' ? String(duration) : JSON.stringify(duration)
      const expected = `The remember duration must be a positive, finite number of seconds, at most 400 days (34560000, the longest browsers keep a cookie), but it was ${shown}. Pass, for example, { remember: true, duration: 60 * 60 * 24 * 14 } for two weeks.`
      expectTeachingError(
        thrownBy(() => new LoginManager({ rememberCookie: { duration: duration as number } })),
        'bad-remember-duration',
        expected,
      )
      const { app } = makeApp()
      const error = await thrownInRoute(app, (c) =>
        loginUser(c, users.get('1')!, { remember: true, duration: duration as number }),
      )
      expectTeachingError(error, 'bad-remember-duration', expected)
    },
  )

  it('a bad duration throws even for an inactive user, so the mistake cannot hide', async () => {
    const { app } = makeApp()
    const error = await thrownInRoute(app, (c) =>
      loginUser(c, users.get('2')!, { remember: true, duration: -1 }),
    )
    expect((error as LoginManagerError).code).toBe('bad-remember-duration')
  })

  it('accepts exactly 400 days, the longest cookie browsers keep', async () => {
    const { app } = makeApp()
    app.post('/login', async (c) =>
      c.text(
        String(
          await loginUser(c, users.get('1')!, { remember: true, duration: MAX_COOKIE_SECONDS }),
        ),
      ),
    )
    const response = await app.request('/login', { method: 'POST' })
    expect(await response.text()).toBe('true')
    expect(response.headers.getSetCookie().some((c) => c.startsWith('remember_token='))).toBe(true)
  })

  it.each([0, -1, Number.NaN, MAX_COOKIE_SECONDS + 1])('a bad session maxAge (%j)', (maxAge) => {
    expectTeachingError(
      thrownBy(() => session({ secret: SECRET, maxAge })),
      'bad-max-age',
      `session({ maxAge }) must be a positive, finite number of seconds, at most 400 days (34560000, the longest browsers keep a cookie), but it was ${maxAge}. Pass, for example, session({ secret, maxAge: 60 * 60 * 24 * 31 }) for 31 days.`,
    )
  })

  it('every message is one to three sentences and contains a how-to', () => {
    const samples: Record<keyof typeof errorMessages, string> = {
      missingSecret: errorMessages.missingSecret(),
      weakSecret: errorMessages.weakSecret('it is one character repeated'),
      cookieTooLarge: errorMessages.cookieTooLarge('session', 6987, '"cart" (5000 bytes of JSON)'),
      badCookiePrefix: errorMessages.badCookiePrefix('session', 'it sets Path=/app'),
      nothingToRevoke: errorMessages.nothingToRevoke(),
      missingLoader: errorMessages.missingLoader(),
      middlewareNotInstalled: errorMessages.middlewareNotInstalled('currentUser(c)'),
      sessionNotInstalled: errorMessages.sessionNotInstalled(),
      userWithoutId: errorMessages.userWithoutId('User'),
      nonStringId: errorMessages.nonStringId(42),
      badDuration: errorMessages.badDuration(-1),
      badMaxAge: errorMessages.badMaxAge(-1),
      unknownHashMethod: errorMessages.unknownHashMethod('md5'),
      scryptTooCostly: errorMessages.scryptTooCostly({ n: 2 ** 21, r: 8, p: 1 }),
      pbkdf2TooCostly: errorMessages.pbkdf2TooCostly(999_999_999),
      badSaltLength: errorMessages.badSaltLength(0),
    }
    expect(Object.keys(samples).sort()).toEqual(Object.keys(errorMessages).sort())
    for (const message of Object.values(samples)) {
      const sentences = message.split(/(?<=[.!?])\s+(?=[A-Z])/).length
      expect(sentences, message).toBeGreaterThanOrEqual(1)
      expect(sentences, message).toBeLessThanOrEqual(3)
      expect(message, message).toMatch(/\b(Pass|Add|call|Install|Give|Return|Use|Leave)\b/)
    }
  })
})
