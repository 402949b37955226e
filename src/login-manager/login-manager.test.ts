import { Hono } from 'hono'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
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
} from './index'
import { getFlashedMessages } from './flash'
import { encodeSessionCookie, getSession, session } from './session'
import { client, makeApp, SECRET, TestUser, users } from './test-app'
import { AnonymousUser, UserMixin } from './users'

/** SHA-512 hex from node:crypto, independent of the library's Web Crypto code. */
const independentSha512 = (text: string) => createHash('sha512').update(text).digest('hex')

/** The remember cookie a response sets or deletes, if any. */
const rememberSetCookie = (response: Response) =>
  response.headers.getSetCookie().find((c) => c.startsWith('remember_token='))

/** A genuine session cookie in which `userId` is logged in from the client's default browser. */
const sessionCookieFor = (userId: string) =>
  encodeSessionCookie({ _user_id: userId, _id: independentSha512('|test-agent') }, SECRET)

/** A Cookie header value carrying a genuine remember cookie for `id`. */
const rememberCookieFor = async (id: string) =>
  `remember_token=${encodeURIComponent(await encodeRememberCookie(id, SECRET))}`

afterEach(() => {
  vi.useRealTimers()
})

function withRoutes(made: ReturnType<typeof makeApp>) {
  const { app } = made
  app.post('/login-stale', async (c) =>
    c.text(String(await loginUser(c, users.get('1')!, { fresh: false }))),
  )
  app.post('/login-permanent', async (c) => {
    getSession(c).permanent = true
    return c.text(String(await loginUser(c, users.get('1')!)))
  })
  app.post('/cart', (c) => {
    getSession(c).set('cart', 3)
    return c.text('ok')
  })
  app.post('/login/:id', async (c) => {
    const user = users.get(c.req.param('id'))
    if (!user) return c.text('no such user', 404)
    const remember = c.req.query('remember') === '1'
    const duration = c.req.query('duration')
    const ok = await loginUser(c, user, {
      remember,
      ...(duration ? { duration: Number(duration) } : {}),
      force: c.req.query('force') === '1',
    })
    return c.text(ok ? `in:${(await currentUser(c)).getId()}` : 'refused')
  })
  app.post('/logout', async (c) => {
    await logoutUser(c)
    return c.text(`out:${(await currentUser(c)).isAnonymous}`)
  })
  app.get('/me', async (c) => {
    const user = await currentUser(c)
    return c.text(user.isAuthenticated ? `user:${user.getId()}` : 'anonymous')
  })
  app.get('/secret', loginRequired<TestUser>(), (c) =>
    c.text(`secret for ${c.var.currentUser.name}`),
  )
  app.get('/fresh', freshLoginRequired<TestUser>(), (c) => c.text('fresh ok'))
  app.get('/keys', (c) => c.json(getSession(c).keys()))
  app.get('/session', (c) =>
    c.json(
      Object.fromEntries(
        getSession(c)
          .keys()
          .map((k) => [k, getSession(c).get(k)]),
      ),
    ),
  )
  app.get('/flashes', (c) => c.json(getFlashedMessages(c, { withCategories: true })))
  app.post('/confirm', async (c) => {
    await confirmLogin(c)
    return c.text(String(loginFresh(c)))
  })
  app.get('/debug', async (c) => c.json(await describeAuth(c)))
  app.post('/login-and-out', async (c) => {
    await loginUser(c, users.get('1')!, { remember: true })
    await logoutUser(c)
    return c.text('ok')
  })
  return made
}

const setup = (options: ConstructorParameters<typeof LoginManager>[0] = {}) =>
  withRoutes(makeApp(options))

describe('loading the current user', () => {
  it('is lazy and cached: the loader runs at most once per request, and not at all when unused', async () => {
    const made = setup()
    made.app.get('/twice', async (c) => {
      await currentUser(c)
      await currentUser(c)
      return c.text('ok')
    })
    made.app.get('/unused', (c) => c.text('ok'))
    const browser = client(made.app)
    await browser.request('/login/1', { method: 'POST' })
    made.stats.loads = 0
    await browser.get('/unused')
    expect(made.stats.loads).toBe(0)
    await browser.get('/twice')
    expect(made.stats.loads).toBe(1)
  })

  it('loads the user from the session id, and anonymous when there is none', async () => {
    const browser = client(setup().app)
    expect(await (await browser.get('/me')).text()).toBe('anonymous')
    await browser.request('/login/1', { method: 'POST' })
    expect(await (await browser.get('/me')).text()).toBe('user:1')
  })

  it('calls the loader once when the session id and the remember cookie name the same deleted user', async () => {
    const made = setup()
    const browser = client(made.app)
    browser.jar.set('session', await sessionCookieFor('gone'))
    browser.jar.set(
      'remember_token',
      encodeURIComponent(await encodeRememberCookie('gone', SECRET)),
    )
    expect(await (await browser.get('/me')).text()).toBe('anonymous')
    expect(made.stats.loads).toBe(1)
  })

  it('falls back to the remember cookie when the loader finds nobody for the session id', async () => {
    const made = setup()
    let restored = 0
    made.manager.on('loadedFromCookie', () => restored++)
    const browser = client(made.app)
    browser.jar.set('session', await sessionCookieFor('gone'))
    browser.jar.set('remember_token', encodeURIComponent(await encodeRememberCookie('1', SECRET)))
    expect(await (await browser.get('/me')).text()).toBe('user:1')
    expect(restored).toBe(1)
    expect(made.stats.loads).toBe(2)
    expect(await (await browser.get('/session')).json()).toMatchObject({
      _user_id: '1',
      _fresh: false,
    })
  })

  it('falls back to the request loader when the loader finds nobody and there is no remember cookie', async () => {
    const made = setup()
    made.manager.requestLoader((c) => (c.req.header('X-Api-Key') === 'k1' ? users.get('1')! : null))
    const browser = client(made.app)
    browser.jar.set('session', await sessionCookieFor('gone'))
    const response = await browser.get('/me', { headers: { 'X-Api-Key': 'k1' } })
    expect(await response.text()).toBe('user:1')
    expect(made.stats.loads).toBe(1)
  })

  it('prefers the session user to the remember cookie', async () => {
    const made = setup()
    let restored = 0
    made.manager.on('loadedFromCookie', () => restored++)
    const browser = client(made.app)
    await browser.request('/login/1', { method: 'POST' })
    browser.jar.set('remember_token', encodeURIComponent(await encodeRememberCookie('ü', SECRET)))
    expect(await (await browser.get('/me')).text()).toBe('user:1')
    expect(restored).toBe(0)
    expect(made.stats.loads).toBe(1)
  })

  it('emits accessed on every load', async () => {
    const made = setup()
    let accessed = 0
    made.manager.on('accessed', () => accessed++)
    await made.app.request('/me')
    expect(accessed).toBe(1)
  })

  it('treats only null/undefined as not found, and lets loader errors propagate', async () => {
    const manager = new LoginManager()
    manager.userLoader(async () => {
      throw new Error('database down')
    })
    const app = new Hono()
    app.use(session({ secret: SECRET }), manager.middleware())
    app.get('/me', async (c) => c.text(String((await currentUser(c)).isAuthenticated)))
    app.onError((error, c) => c.text(error.message, 500))
    const { get } = client(app)
    const sessionCookie = await import('./session').then((m) =>
      m.encodeSessionCookie({ _user_id: '1' }, SECRET),
    )
    const response = await get('/me', { headers: { Cookie: `session=${sessionCookie}` } })
    expect(await response.text()).toBe('database down')
  })

  it('throws "Missing userLoader or requestLoader." with neither registered', async () => {
    const { app } = withRoutes(makeApp({}, { loader: false }))
    app.onError((error, c) => c.text(error.message, 500))
    const text = await (await app.request('/me')).text()
    expect(text).toMatch(/^Missing userLoader or requestLoader\. /)
    expect(text).toContain('loginManager.userLoader(async (id) =>')
  })

  it('uses the request loader when the session has no user; never saves it, never fresh', async () => {
    const made = makeApp({}, { loader: false })
    let fromRequest = 0
    made.manager.requestLoader((c) => (c.req.header('X-Api-Key') === 'k1' ? users.get('1')! : null))
    made.manager.on('loadedFromRequest', () => fromRequest++)
    withRoutes(made)
    const response = await made.app.request('/me', { headers: { 'X-Api-Key': 'k1' } })
    expect(await response.text()).toBe('user:1')
    expect(response.headers.get('Set-Cookie')).toBeNull()
    expect(fromRequest).toBe(1)
    const debug = await (
      await made.app.request('/debug', { headers: { 'X-Api-Key': 'k1' } })
    ).json()
    expect(debug).toMatchObject({ isAuthenticated: true, fresh: false, userIdInSession: null })
  })

  it('restores a user from the remember cookie: sets _user_id (a string), _fresh false, emits loadedFromCookie', async () => {
    const made = setup()
    let restored = 0
    made.manager.on('loadedFromCookie', () => restored++)
    const first = client(made.app)
    await first.request('/login/1?remember=1', { method: 'POST' })
    const second = client(made.app)
    second.jar.set('remember_token', first.jar.get('remember_token') ?? '')
    expect(await (await second.get('/me')).text()).toBe('user:1')
    expect(restored).toBe(1)
    expect(await (await second.get('/session')).json()).toMatchObject({
      _user_id: '1',
      _fresh: false,
    })
  })

  it('gives an anonymous user for a bad remember cookie, and does not try the request loader', async () => {
    const made = setup()
    let tried = 0
    made.manager.requestLoader(() => {
      tried++
      return users.get('1')!
    })
    const response = await made.app.request('/me', { headers: { Cookie: 'remember_token=1|abc' } })
    expect(await response.text()).toBe('anonymous')
    expect(tried).toBe(0)
  })

  it('throws a teaching error when the middleware is not installed', async () => {
    const app = new Hono()
    app.use(session({ secret: SECRET }))
    app.get('/', async (c) => c.text(String(await currentUser(c))))
    app.onError((error, c) => c.text(error.message, 500))
    expect(await (await app.request('/')).text()).toBe(
      'currentUser(c) was called, but loginManager.middleware() is not installed on this route, so there is no login manager to ask. Add app.use(session({ secret }), loginManager.middleware()) before your routes.',
    )
  })

  it('says to install session() first when the middleware runs without it', async () => {
    const manager = new LoginManager()
    const app = new Hono()
    app.use(manager.middleware())
    app.get('/', (c) => c.text('x'))
    app.onError((error, c) => c.text(error.message, 500))
    expect(await (await app.request('/')).text()).toContain('Install session() first')
  })
})

describe('loginUser / logoutUser / confirmLogin', () => {
  it('refuses an inactive user unless forced', async () => {
    const browser = client(setup().app)
    expect(await (await browser.request('/login/2', { method: 'POST' })).text()).toBe('refused')
    expect(await (await browser.get('/keys')).json()).toEqual([])
    expect(await (await browser.request('/login/2?force=1', { method: 'POST' })).text()).toBe(
      'in:2',
    )
  })

  it('stores _user_id, _fresh and _id, emits loggedIn, and makes the user current', async () => {
    const made = setup()
    const seen: string[] = []
    made.manager.on('loggedIn', (_c, user) => seen.push(user.name))
    const browser = client(made.app)
    expect(await (await browser.request('/login/1', { method: 'POST' })).text()).toBe('in:1')
    const stored = await (await browser.get('/session')).json()
    expect(stored).toMatchObject({ _user_id: '1', _fresh: true })
    expect(stored._id).toMatch(/^[0-9a-f]{128}$/)
    expect(seen).toEqual(['Ada'])
  })

  it('sends the remember cookie only with remember: true, keeping a custom duration in _remember_seconds', async () => {
    const browser = client(setup().app)
    const plain = await browser.request('/login/1', { method: 'POST' })
    expect(plain.headers.getSetCookie().some((c) => c.startsWith('remember_token='))).toBe(false)
    const remembered = await browser.request('/login/1?remember=1&duration=3600', {
      method: 'POST',
    })
    const cookie =
      remembered.headers.getSetCookie().find((c) => c.startsWith('remember_token=')) ?? ''
    expect(cookie).toMatch(
      /^remember_token=1%7C[0-9a-f]{128}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    )
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '').getTime()
    expect(Math.abs(expires - (Date.now() + 3600_000))).toBeLessThan(5000)
    expect(await (await browser.get('/session')).json()).toMatchObject({ _remember_seconds: 3600 })
  })

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, '60'])(
    'rejects the remember duration %j with a clear error',
    async (duration) => {
      const made = setup()
      made.app.post('/bad', async (c) => {
        await loginUser(c, users.get('1')!, { remember: true, duration: duration as number })
        return c.text('no')
      })
      made.app.onError((error, c) => c.text(error.message, 500))
      expect(await (await made.app.request('/bad', { method: 'POST' })).text()).toMatch(
        /^The remember duration must be a positive, finite number of seconds/,
      )
      expect(() => new LoginManager({ rememberCookie: { duration: duration as number } })).toThrow(
        'positive, finite',
      )
    },
  )

  it('refuses a non-string id from getId() with a teaching error (the chosen behaviour)', async () => {
    class NumberIdUser extends UserMixin {
      override id = 42
      override getId() {
        return 42 as unknown as string
      }
    }
    const made = setup()
    made.app.post('/numeric', async (c) => c.text(String(await loginUser(c, new NumberIdUser()))))
    made.app.onError((error, c) => c.text(error.message, 500))
    expect(await (await made.app.request('/numeric', { method: 'POST' })).text()).toBe(
      'getId() returned number 42, but user ids must be strings: the session stores a string and the user loader receives one. Return String(this.id) from getId().',
    )
  })

  it('logs out: removes the login keys, deletes the remember cookie, emits loggedOut, keeps other keys', async () => {
    const made = setup()
    made.app.get('/other', (c) => {
      getSession(c).set('cart', 3)
      return c.text('ok')
    })
    const out: string[] = []
    made.manager.on('loggedOut', (_c, user) => out.push(String(user.getId())))
    const browser = client(made.app)
    await browser.request('/login/1?remember=1&duration=60', { method: 'POST' })
    await browser.get('/other')
    const response = await browser.request('/logout', { method: 'POST' })
    expect(await response.text()).toBe('out:true')
    expect(response.headers.getSetCookie().find((c) => c.startsWith('remember_token='))).toMatch(
      /^remember_token=; Max-Age=0; Path=\//,
    )
    expect(await (await browser.get('/session')).json()).toEqual({ cart: 3 })
    expect(out).toEqual(['1'])
    expect(await (await browser.get('/me')).text()).toBe('anonymous')
  })

  it('sends no remember cookie when logging in and out in one request', async () => {
    const response = await setup().app.request('/login-and-out', { method: 'POST' })
    expect(response.headers.getSetCookie().some((c) => c.startsWith('remember_token'))).toBe(false)
  })

  it('confirmLogin makes the login fresh again and emits loginConfirmed', async () => {
    const made = setup()
    let confirmed = 0
    made.manager.on('loginConfirmed', () => confirmed++)
    const first = client(made.app)
    await first.request('/login/1?remember=1', { method: 'POST' })
    const second = client(made.app)
    second.jar.set('remember_token', first.jar.get('remember_token') ?? '')
    expect((await second.get('/fresh')).status).toBe(401)
    expect(await (await second.request('/confirm', { method: 'POST' })).text()).toBe('true')
    expect(await (await second.get('/fresh')).text()).toBe('fresh ok')
    expect(confirmed).toBe(1)
  })

  it('confirmLogin re-binds _id to the browser that confirmed', async () => {
    const made = setup({ sessionProtection: null })
    const first = client(made.app, 'Agent/one')
    await first.request('/login/1', { method: 'POST' })
    const second = client(made.app, 'Agent/two')
    second.jar.set('session', first.jar.get('session') ?? '')
    expect((await (await second.get('/session')).json())._id).toBe(independentSha512('|Agent/one'))
    await second.request('/confirm', { method: 'POST' })
    expect(await (await second.get('/session')).json()).toMatchObject({
      _id: independentSha512('|Agent/two'),
      _fresh: true,
    })
  })

  it('loginUser with fresh: false stores a login that is not fresh', async () => {
    const browser = client(setup().app)
    expect(await (await browser.request('/login-stale', { method: 'POST' })).text()).toBe('true')
    expect(await (await browser.get('/session')).json()).toMatchObject({
      _user_id: '1',
      _fresh: false,
    })
    expect(await (await browser.get('/secret')).text()).toBe('secret for Ada')
    expect((await browser.get('/fresh')).status).toBe(401)
  })

  it('unsubscribes event handlers', async () => {
    const made = setup()
    let count = 0
    const stop = made.manager.on('accessed', () => count++)
    await made.app.request('/me')
    stop()
    await made.app.request('/me')
    expect(count).toBe(1)
  })
})

describe('remember cookie', () => {
  it('is Secure when the login came over https, and not over http', async () => {
    const overHttps = await client(setup().app).request('https://app.test/login/1?remember=1', {
      method: 'POST',
    })
    expect(rememberSetCookie(overHttps)).toMatch(/; HttpOnly; Secure; SameSite=Lax$/)
    const overHttp = await client(setup().app).request('http://app.test/login/1?remember=1', {
      method: 'POST',
    })
    expect(rememberSetCookie(overHttp)).toMatch(/; HttpOnly; SameSite=Lax$/)
  })

  it('with hostPrefix is __Host-remember_token, restores the login, and is deleted on logout', async () => {
    const browser = client(setup({ rememberCookie: { hostPrefix: true } }).app)
    const login = await browser.request('/login/1?remember=1', { method: 'POST' })
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('__Host-remember_token='))
    expect(cookie).toMatch(/; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/)
    browser.jar.delete('session')
    expect(await (await browser.get('/me')).text()).toBe('user:1')
    await browser.request('/logout', { method: 'POST' })
    expect(browser.jar.has('__Host-remember_token')).toBe(false)
  })

  it('with hostPrefix refuses a Domain when the manager is made', () => {
    expect(
      () => new LoginManager({ rememberCookie: { hostPrefix: true, domain: 'app.test' } }),
    ).toThrow(
      'The remember_token cookie asks for the __Host- prefix, but it sets Domain=app.test, and browsers refuse',
    )
  })

  it('matches Flask-Login: HMAC-SHA512 hex of the id with the secret', async () => {
    expect(await encodeRememberCookie('1', 'deterministic')).toBe(
      '1|0e9e6e9855fbe6df7906ec4737578a1d491b38d3fd5246c1561016e189d6516043286501ca43257c938e60aad77acec5ce916b94ca9d00c0bb6f9883ae4b82ae',
    )
  })

  it('splits at the last | and keeps ids containing | or non-ASCII characters', async () => {
    for (const id of ['a|b', 'ü', '用户']) {
      expect(await decodeRememberCookie(await encodeRememberCookie(id, SECRET), SECRET)).toEqual({
        id,
        version: 0,
      })
    }
    const browser = client(setup().app)
    await browser.request(`/login/${encodeURIComponent('ü')}?remember=1`, { method: 'POST' })
    const restored = client(setup().app)
    restored.jar.set('remember_token', browser.jar.get('remember_token') ?? '')
    expect(await (await restored.get('/me')).text()).toBe('user:ü')
  })

  it.each(['', 'no-bar', '1|', '1|xyz', `1|${'A'.repeat(128)}`, `1|${'0'.repeat(127)}`])(
    'decodes %j as no cookie, without throwing',
    async (value) => {
      expect(await decodeRememberCookie(value, SECRET)).toBeNull()
    },
  )

  it('uses _remember_seconds, then rememberCookie.duration, then 365 days', async () => {
    const expiresIn = async (
      options: ConstructorParameters<typeof LoginManager>[0],
      query: string,
    ) => {
      const response = await setup(options).app.request(`/login/1?remember=1${query}`, {
        method: 'POST',
      })
      const cookie =
        response.headers.getSetCookie().find((c) => c.startsWith('remember_token=')) ?? ''
      return Math.round(
        (new Date(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '').getTime() - Date.now()) / 1000,
      )
    }
    expect(await expiresIn({ rememberCookie: { duration: 7200 } }, '&duration=60')).toBeCloseTo(
      60,
      -1,
    )
    expect(await expiresIn({ rememberCookie: { duration: 7200 } }, '')).toBeCloseTo(7200, -1)
    expect(Math.abs((await expiresIn({}, '')) - 365 * 86400)).toBeLessThan(5)
  })

  it('adds Domain, Secure and SameSite only when configured, and deletes with the same Path and Domain', async () => {
    const options = {
      rememberCookie: {
        domain: 'example.com',
        path: '/app',
        secure: true,
        sameSite: 'Strict' as const,
      },
    }
    const browser = client(setup(options).app)
    const login = await browser.request('/login/1?remember=1', { method: 'POST' })
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('remember_token=')) ?? ''
    expect(cookie).toContain('Domain=example.com')
    expect(cookie).toContain('Path=/app')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('SameSite=Strict')
    const logout = await browser.request('/logout', { method: 'POST' })
    const deletion =
      logout.headers.getSetCookie().find((c) => c.startsWith('remember_token=')) ?? ''
    expect(deletion).toContain('Domain=example.com')
    expect(deletion).toContain('Path=/app')
  })

  it('refreshEachRequest never creates a cookie for a login that did not ask to be remembered', async () => {
    const notRemembered = client(setup({ rememberCookie: { refreshEachRequest: true } }).app)
    await notRemembered.request('/login/1', { method: 'POST' })
    expect(rememberSetCookie(await notRemembered.get('/me'))).toBeUndefined()
  })

  it('refreshEachRequest re-sends a genuine cookie for the logged-in user with a new expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.UTC(2026, 10, 1, 12, 0, 0)
    vi.setSystemTime(start)
    const browser = client(setup({ rememberCookie: { refreshEachRequest: true } }).app)
    const login = await browser.request('/login/1?remember=1&duration=3600', { method: 'POST' })
    const issued = rememberSetCookie(login) ?? ''
    expect(issued).toContain(`Expires=${new Date(start + 3600_000).toUTCString()}`)
    vi.setSystemTime(start + 600_000)
    const refreshed = rememberSetCookie(await browser.get('/me')) ?? ''
    expect(refreshed).toContain(`Expires=${new Date(start + 600_000 + 3600_000).toUTCString()}`)
    expect(refreshed.split(';')[0]).toBe(issued.split(';')[0])
  })

  it.each([
    ['a garbage cookie', async () => 'remember_token=garbage'],
    ['a forged digest', async () => `remember_token=1%7C${'0'.repeat(128)}`],
    ["another user's genuine cookie", () => rememberCookieFor('ü')],
  ])('refreshEachRequest does not re-send %s', async (_name, cookie) => {
    const made = setup({ rememberCookie: { refreshEachRequest: true } })
    const browser = client(made.app)
    await browser.request('/login/1', { method: 'POST' })
    const [name = '', value = ''] = (await cookie()).split(/=(.*)/s)
    browser.jar.set(name, value)
    const response = await browser.get('/me')
    expect(await response.text()).toBe('user:1')
    expect(rememberSetCookie(response)).toBeUndefined()
  })

  it('loginRemembered(c) is true only with a genuine cookie', async () => {
    const made = setup()
    made.app.get('/remembered', async (c) => c.text(String(await loginRemembered(c))))
    const browser = client(made.app)
    expect(await (await browser.get('/remembered')).text()).toBe('false')
    await browser.request('/login/1?remember=1', { method: 'POST' })
    expect(await (await browser.get('/remembered')).text()).toBe('true')
  })
})

describe('protecting routes', () => {
  it('answers an anonymous visitor with 401 when there is no loginView, and emits unauthorized', async () => {
    const made = setup()
    let count = 0
    made.manager.on('unauthorized', () => count++)
    const response = await made.app.request('/secret')
    expect(response.status).toBe(401)
    expect(count).toBe(1)
  })

  it('lets a logged-in user through with c.var.currentUser set', async () => {
    const browser = client(setup().app)
    await browser.request('/login/1', { method: 'POST' })
    expect(await (await browser.get('/secret')).text()).toBe('secret for Ada')
  })

  it('lets exempt methods straight through', async () => {
    const made = setup()
    made.app.options('/secret', loginRequired(), (c) => c.text('preflight'))
    expect(await (await made.app.request('/secret', { method: 'OPTIONS' })).text()).toBe(
      'preflight',
    )
  })

  it('flashes the login message and redirects to loginView with next', async () => {
    const browser = client(setup({ loginView: '/login' }).app)
    const response = await browser.get('/secret?tab=2')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?next=%2Fsecret%3Ftab%3D2')
    expect(await (await browser.get('/flashes')).json()).toEqual([
      ['message', 'Please log in to access this page.'],
    ])
  })

  it('a registered unauthorized handler wins', async () => {
    const made = setup({ loginView: '/login' })
    made.manager.unauthorizedHandler((c) => c.json({ error: 'log in' }, 403))
    const response = await made.app.request('/secret')
    expect(response.status).toBe(403)
  })

  it('useSessionForNext keeps the target in the session and redirects to the bare login view', async () => {
    const browser = client(setup({ loginView: '/login', useSessionForNext: true }).app)
    const response = await browser.get('/secret')
    expect(response.headers.get('Location')).toBe('/login')
    expect(await (await browser.get('/session')).json()).toMatchObject({ next: '/secret' })
  })

  it('freshLoginRequired sends an anonymous visitor to unauthorized(), not needsRefresh()', async () => {
    const made = setup({ loginView: '/login', refreshView: '/reauth' })
    const events: string[] = []
    made.manager.on('unauthorized', () => events.push('unauthorized'))
    made.manager.on('needsRefresh', () => events.push('needsRefresh'))
    const response = await made.app.request('/fresh')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?next=%2Ffresh')
    expect(events).toEqual(['unauthorized'])
  })

  it('freshLoginRequired sends a stale login to needsRefresh: 401 without refreshView, else flash + redirect', async () => {
    const withView = setup({ refreshView: '/reauth' })
    let needs = 0
    withView.manager.on('needsRefresh', () => needs++)
    const first = client(withView.app)
    await first.request('/login/1?remember=1', { method: 'POST' })
    const stale = client(withView.app)
    stale.jar.set('remember_token', first.jar.get('remember_token') ?? '')
    const response = await stale.get('/fresh')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/reauth?next=%2Ffresh')
    expect(await (await stale.get('/flashes')).json()).toEqual([
      ['message', 'Please reauthenticate to access this page.'],
    ])
    expect(needs).toBe(1)
    withView.manager.needsRefreshHandler((c) => c.text('custom', 499 as 400))
    expect((await stale.get('/fresh')).status).toBe(499)
  })
})

describe('session protection', () => {
  async function loggedInThenNewAgent(
    options: ConstructorParameters<typeof LoginManager>[0],
    loginPath = '/login/1?remember=1',
  ) {
    const made = setup(options)
    const events: string[] = []
    made.manager.on('accessed', () => events.push('accessed'))
    made.manager.on('sessionProtected', () => events.push('sessionProtected'))
    const browser = client(made.app, 'browser-one')
    await browser.request(loginPath, { method: 'POST' })
    await browser.request('/cart', { method: 'POST' })
    const thief = client(made.app, 'browser-two')
    thief.jar.set('session', browser.jar.get('session') ?? '')
    events.length = 0
    return {
      thief,
      browser,
      events,
      count: () => events.filter((e) => e === 'sessionProtected').length,
    }
  }

  it('the identifier is the hex SHA-512 of "<remote address>|<user agent>", with no address by default', async () => {
    const browser = client(setup().app, 'Agent/1.0')
    await browser.request('/login/1', {
      method: 'POST',
      headers: { 'X-Forwarded-For': '203.0.113.7' },
    })
    expect((await (await browser.get('/session')).json())._id).toBe(independentSha512('|Agent/1.0'))
  })

  it('X-Forwarded-For changes nothing by default', async () => {
    const made = setup({ sessionProtection: 'strong' })
    let protectedCount = 0
    made.manager.on('sessionProtected', () => protectedCount++)
    const browser = client(made.app)
    await browser.request('/login/1', {
      method: 'POST',
      headers: { 'X-Forwarded-For': '203.0.113.7' },
    })
    const moved = await browser.get('/me', { headers: { 'X-Forwarded-For': '198.51.100.9' } })
    expect(await moved.text()).toBe('user:1')
    expect(protectedCount).toBe(0)
  })

  it('a remoteAddress option puts the address into the identifier', async () => {
    const made = setup({
      sessionProtection: 'basic',
      remoteAddress: (c) => c.req.header('X-Forwarded-For') ?? '',
    })
    let protectedCount = 0
    made.manager.on('sessionProtected', () => protectedCount++)
    const browser = client(made.app, 'Agent/1.0')
    await browser.request('/login/1', {
      method: 'POST',
      headers: { 'X-Forwarded-For': '203.0.113.7' },
    })
    const at = { headers: { 'X-Forwarded-For': '203.0.113.7' } }
    expect((await (await browser.get('/session', at)).json())._id).toBe(
      independentSha512('203.0.113.7|Agent/1.0'),
    )
    expect(await (await browser.get('/me', at)).text()).toBe('user:1')
    expect(protectedCount).toBe(0)
    await browser.get('/me', { headers: { 'X-Forwarded-For': '198.51.100.9' } })
    expect(protectedCount).toBe(1)
    expect(await (await browser.get('/session', at)).json()).toMatchObject({ _fresh: false })
  })

  it('emits accessed before sessionProtected', async () => {
    const { thief, events } = await loggedInThenNewAgent({ sessionProtection: 'basic' })
    await thief.get('/me')
    expect(events).toEqual(['accessed', 'sessionProtected'])
  })

  it('basic mode marks the login not fresh and keeps the user logged in', async () => {
    const { thief, count } = await loggedInThenNewAgent({ sessionProtection: 'basic' })
    expect(await (await thief.get('/me')).text()).toBe('user:1')
    expect(await (await thief.get('/session')).json()).toMatchObject({ _fresh: false })
    expect(count()).toBe(1)
  })

  it('basic mode writes _fresh once: the next request from that browser sends no Set-Cookie', async () => {
    const { thief, count } = await loggedInThenNewAgent({ sessionProtection: 'basic' })
    const first = await thief.get('/me')
    expect(first.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(true)
    const second = await thief.get('/me')
    expect(await second.text()).toBe('user:1')
    expect(second.headers.get('Set-Cookie')).toBeNull()
    expect(count()).toBe(2)
  })

  it('strong mode removes the login, deletes the remember cookie and makes the user anonymous', async () => {
    const { thief, count } = await loggedInThenNewAgent({ sessionProtection: 'strong' })
    thief.jar.set('remember_token', 'present')
    const response = await thief.get('/me')
    expect(await response.text()).toBe('anonymous')
    expect(rememberSetCookie(response)).toMatch(/Max-Age=0/)
    expect(count()).toBe(1)
  })

  it('strong mode removes every login key from the session and keeps the others', async () => {
    const { thief, browser } = await loggedInThenNewAgent(
      { sessionProtection: 'strong' },
      '/login/1?remember=1&duration=3600',
    )
    expect(await (await browser.get('/keys')).json()).toEqual([
      '_user_id',
      '_version',
      '_fresh',
      '_id',
      '_remember_seconds',
      'cart',
    ])
    await thief.get('/me')
    expect(await (await thief.get('/keys')).json()).toEqual(['cart'])
  })

  it('strong mode treats a permanent session like basic mode: not fresh, still logged in', async () => {
    const { thief, count } = await loggedInThenNewAgent(
      { sessionProtection: 'strong' },
      '/login-permanent',
    )
    const response = await thief.get('/me')
    expect(await response.text()).toBe('user:1')
    expect(rememberSetCookie(response)).toBeUndefined()
    expect(await (await thief.get('/session')).json()).toMatchObject({
      _user_id: '1',
      _fresh: false,
    })
    expect(count()).toBe(1)
  })

  it('does nothing for the same browser, or with protection off', async () => {
    const { browser, count } = await loggedInThenNewAgent({ sessionProtection: 'strong' })
    expect(await (await browser.get('/me')).text()).toBe('user:1')
    expect(count()).toBe(0)
    const off = await loggedInThenNewAgent({ sessionProtection: null })
    expect(await (await off.thief.get('/me')).text()).toBe('user:1')
    expect(off.count()).toBe(0)
  })

  it('(fix) binds _id for a user restored from the remember cookie, so strong mode keeps them on the next request', async () => {
    const made = setup({ sessionProtection: 'strong' })
    const first = client(made.app)
    await first.request('/login/1?remember=1', { method: 'POST' })
    const later = client(made.app, 'test-agent')
    later.jar.set('remember_token', first.jar.get('remember_token') ?? '')
    expect(await (await later.get('/me')).text()).toBe('user:1')
    expect(await (await later.get('/me')).text()).toBe('user:1')
  })
})

describe('users', () => {
  it('UserMixin: active, authenticated, not anonymous, string id, equality by id', () => {
    const ada = new TestUser('1', 'Ada')
    expect([ada.isActive, ada.isAuthenticated, ada.isAnonymous]).toEqual([true, true, false])
    expect(ada.getId()).toBe('1')
    expect(ada.equals(new TestUser('1', 'Other'))).toBe(true)
    expect(ada.equals(new TestUser('2', 'Ada'))).toBe(false)
    expect(ada.equals({ getId: () => '1' })).toBe(false)
    class Numbered extends UserMixin {
      override id = 7
    }
    expect(new Numbered().getId()).toBe('7')
  })

  it('getId() without an id says what to do', () => {
    class NoId extends UserMixin {}
    expect(() => new NoId().getId()).toThrow(
      'NoId has no id, so getId() cannot say who to remember.',
    )
  })

  it('AnonymousUser: not authenticated, not active, anonymous, null id', () => {
    const anonymous = new AnonymousUser()
    expect([
      anonymous.isAuthenticated,
      anonymous.isActive,
      anonymous.isAnonymous,
      anonymous.getId(),
    ]).toEqual([false, false, true, null])
  })

  it('AnonymousUser is not a UserMixin, and loginUser refuses one that slips past the types', async () => {
    expect(new AnonymousUser()).not.toBeInstanceOf(UserMixin)
    expect(new TestUser('1', 'Ada').equals(new AnonymousUser())).toBe(false)
    const made = setup()
    made.app.post('/login-anonymous', async (c) =>
      c.text(
        String(await loginUser(c, new AnonymousUser() as unknown as UserMixin, { force: true })),
      ),
    )
    made.app.onError((error, c) => c.text(error.message, 500))
    expect(await (await made.app.request('/login-anonymous', { method: 'POST' })).text()).toMatch(
      /^getId\(\) returned null, but user ids must be strings/,
    )
  })

  it('uses a custom anonymousUser factory', async () => {
    class Guest extends AnonymousUser {
      name = 'Guest'
    }
    const made = setup({ anonymousUser: () => new Guest() })
    made.app.get('/guest', async (c) =>
      c.text((await currentUser(c)) instanceof Guest ? 'guest' : 'other'),
    )
    expect(await (await made.app.request('/guest')).text()).toBe('guest')
  })
})

describe('describeAuth', () => {
  it('shows the login state without any secret value', async () => {
    const browser = client(setup().app)
    await browser.request('/login/1?remember=1', { method: 'POST' })
    const response = await browser.get('/debug')
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      isAuthenticated: true,
      isAnonymous: false,
      userIdInSession: '1',
      sessionKeys: ['_user_id', '_version', '_fresh', '_id'],
      remembered: true,
      fresh: true,
      secretSet: true,
    })
    expect(text).not.toContain(SECRET)
  })
})
