// Expiry and revocation, mode by mode: a cookie-only session, a session version, and a store.
// Each mode has a replay-after-logout test: a copy of the cookie taken while logged in, sent
// again after logging out.
import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  currentUser,
  getSession,
  LoginManager,
  loginUser,
  logoutEverywhere,
  logoutUser,
  MemorySessionStore,
  session,
  type LoginVariables,
  type SessionOptions,
} from './index'
import { client, SECRET, TestUser } from './test-app'
import { decodeSessionCookie, encodeSessionCookie } from './utils/session-cookie'

const HOUR = 60 * 60
const DAY = 24 * HOUR

afterEach(() => {
  vi.useRealTimers()
})

/** Freeze the clock `Date` reads at a moment, and move it on by seconds. */
function clock(start = Date.UTC(2030, 0, 1)) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(start)
  return { advance: (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000) }
}

/** An app with its own users (so versions don't leak between tests), login and logout routes. */
function setup(sessionOptions: Partial<SessionOptions> = {}, { saver = false } = {}) {
  const people = new Map([
    ['1', new TestUser('1', 'Ada')],
    ['2', new TestUser('2', 'Grace')],
  ])
  const saved: Array<[string, number]> = []
  const manager = new LoginManager<TestUser>()
  manager.userLoader((id) => people.get(id) ?? null)
  if (saver)
    manager.sessionVersionSaver((user, version) => {
      saved.push([user.id, version])
    })
  const app = new Hono<{ Variables: LoginVariables<TestUser> }>()
  app.use(session({ secret: SECRET, ...sessionOptions }), manager.middleware())
  app.post('/login/:id', async (c) => {
    const remember = c.req.query('remember') === '1'
    await loginUser(c, people.get(c.req.param('id'))!, { remember })
    return c.text('in')
  })
  app.post('/logout', async (c) => (await logoutUser(c), c.text('out')))
  app.post('/logout-everywhere', async (c) => c.text(String(await logoutEverywhere(c))))
  app.post('/change-password', async (c) => {
    // What an app does: save the new hash, revoke every login, and log this device back in.
    const user = (await currentUser<TestUser>(c)) as TestUser
    await logoutEverywhere(c)
    await loginUser(c, user)
    return c.text('changed')
  })
  app.get('/me', async (c) => {
    const user = await currentUser<TestUser>(c)
    return c.text(user.isAuthenticated ? (user as TestUser).name : 'anonymous')
  })
  app.post('/note', (c) => (getSession(c).set('note', 'hello'), c.text('ok')))
  return { app, people, saved }
}

/** Log user 1 in with a fresh browser; returns the browser. */
async function loggedIn(
  app: Parameters<typeof client>[0],
  path = '/login/1',
  agent = 'test-agent',
) {
  const browser = client(app, agent)
  await browser.request(path, { method: 'POST' })
  return browser
}

const me = async (browser: ReturnType<typeof client>) => (await browser.get('/me')).text()

describe('the signed time in the session cookie', () => {
  it('is part of the signed text: changing it breaks the signature', async () => {
    const value = await encodeSessionCookie({ a: 1 }, SECRET, { created: 100, issued: 200 })
    const [payload, created, issued, signature] = value.split('.')
    expect([created, issued]).toEqual(['100', '200'])
    expect(await decodeSessionCookie(value, SECRET)).toEqual({ a: 1 })
    const later = [payload, created, '2000000000', signature].join('.')
    expect(await decodeSessionCookie(later, SECRET)).toBeNull()
  })

  it('decodeSessionCookie refuses a cookie older than maxAge (clock test)', async () => {
    const { advance } = clock()
    const value = await encodeSessionCookie({ a: 1 }, SECRET)
    advance(3600)
    expect(await decodeSessionCookie(value, SECRET, { maxAge: 3600 })).toEqual({ a: 1 })
    advance(1)
    expect(await decodeSessionCookie(value, SECRET, { maxAge: 3600 })).toBeNull()
  })

  it('session() refuses a cookie from the future, beyond five minutes of clock drift', async () => {
    const { app } = setup()
    const browser = client(app)
    clock()
    const ahead = Math.floor(Date.now() / 1000) + 301
    const value = await encodeSessionCookie({ _user_id: '1', _version: 0 }, SECRET, {
      created: ahead,
      issued: ahead,
    })
    browser.jar.set('session', value)
    expect(await me(browser)).toBe('anonymous')
  })
})

describe('cookie-only sessions', () => {
  it('a stolen remember cookie logs in however old it is: it carries no signed time (clock test)', async () => {
    const { advance } = clock()
    const { app } = setup()
    const browser = await loggedIn(app, '/login/1?remember=1')
    const thief = client(app, 'elsewhere')
    thief.jar.set('remember_token', browser.jar.get('remember_token')!)
    await browser.request('/logout', { method: 'POST' })
    advance(400 * DAY)
    expect(await me(thief)).toBe('Ada')
  })

  it('replay after logout: the copied cookie still logs in, until maxAge (what cookie-only cannot stop)', async () => {
    const { advance } = clock()
    const { app } = setup({ maxAge: DAY })
    const browser = await loggedIn(app)
    const copy = browser.jar.get('session')!
    await browser.request('/logout', { method: 'POST' })
    expect(await me(browser)).toBe('anonymous')
    const thief = client(app)
    thief.jar.set('session', copy)
    expect(await me(thief)).toBe('Ada')
    advance(DAY + 1)
    expect(await me(thief)).toBe('anonymous')
  })

  it('maxAge (default 31 days) refuses a session older than it, even a cookie the browser kept', async () => {
    const { advance } = clock()
    const { app } = setup()
    const browser = await loggedIn(app)
    advance(31 * DAY)
    expect(await me(browser)).toBe('Ada')
    advance(1)
    expect(await me(browser)).toBe('anonymous')
  })

  it('idleTimeout: an active user stays in, an idle one is out', async () => {
    const { advance } = clock()
    const { app } = setup({ idleTimeout: 15 * 60 })
    const browser = await loggedIn(app)
    // Active every ten minutes for two hours: each visit re-signs the cookie.
    for (let i = 0; i < 12; i++) {
      advance(10 * 60)
      expect(await me(browser)).toBe('Ada')
    }
    advance(15 * 60 + 1)
    expect(await me(browser)).toBe('anonymous')
  })

  it('idleTimeout re-signs at most once a minute, not on every request', async () => {
    const { advance } = clock()
    const { app } = setup({ idleTimeout: 15 * 60 })
    const browser = await loggedIn(app)
    advance(30)
    expect((await browser.get('/me')).headers.get('Set-Cookie')).toBeNull()
    advance(30)
    expect((await browser.get('/me')).headers.get('Set-Cookie')).toMatch(/^session=/)
  })

  it('absoluteTimeout: even an active session ends, counted from the login', async () => {
    const { advance } = clock()
    const { app } = setup({ absoluteTimeout: 8 * HOUR, idleTimeout: HOUR })
    const browser = client(app)
    await browser.request('/note', { method: 'POST' })
    advance(2 * HOUR) // the session began earlier; the clock restarts at login
    await browser.request('/note', { method: 'POST' })
    advance(30 * 60)
    await browser.request('/login/1', { method: 'POST' })
    for (let i = 0; i < 15; i++) {
      advance(30 * 60)
      expect(await me(browser)).toBe('Ada')
    }
    advance(30 * 60 + 1)
    expect(await me(browser)).toBe('anonymous')
  })

  it.each([
    ['idleTimeout', { idleTimeout: 0 }],
    ['absoluteTimeout', { absoluteTimeout: -5 }],
  ])('a bad %s is refused at startup', (option, options) => {
    expect(() => session({ secret: SECRET, ...options })).toThrow(
      `session({ ${option} }) must be a positive, finite number of seconds`,
    )
  })
})

describe('session version (revocation without server state)', () => {
  it('logoutEverywhere bumps the version through the saver, and every older session is refused', async () => {
    const { app, people, saved } = setup({}, { saver: true })
    const laptop = await loggedIn(app, '/login/1', 'laptop')
    const phone = await loggedIn(app, '/login/1', 'phone')
    const copy = laptop.jar.get('session')!
    expect(await (await laptop.request('/logout-everywhere', { method: 'POST' })).text()).toBe(
      'true',
    )
    expect(saved).toEqual([['1', 1]])
    expect(people.get('1')!.sessionVersion).toBe(1)
    expect(await me(laptop)).toBe('anonymous')
    expect(await me(phone)).toBe('anonymous')
    // Replay after logout: the copy carries version 0; the user is at 1.
    const thief = client(app, 'laptop')
    thief.jar.set('session', copy)
    expect(await me(thief)).toBe('anonymous')
    // A new login carries the new version.
    expect(await me(await loggedIn(app, '/login/1', 'laptop'))).toBe('Ada')
  })

  it('refuses an older remember cookie, and tells the browser to drop it', async () => {
    const { app } = setup({}, { saver: true })
    const phone = await loggedIn(app, '/login/1?remember=1', 'phone')
    const remember = phone.jar.get('remember_token')!
    expect(decodeURIComponent(remember)).toMatch(/^1\|[0-9a-f]{128}$/)
    await (
      await loggedIn(app, '/login/1', 'laptop')
    ).request('/logout-everywhere', {
      method: 'POST',
    })
    const returning = client(app, 'phone')
    returning.jar.set('remember_token', remember)
    const response = await returning.get('/me')
    expect(await response.text()).toBe('anonymous')
    expect(
      response.headers.getSetCookie().some((c) => /^remember_token=;.*Max-Age=0/.test(c)),
    ).toBe(true)
  })

  it('a remember cookie made after the bump names the version and restores the login', async () => {
    const { app, people } = setup({}, { saver: true })
    people.get('1')!.sessionVersion = 4
    const phone = await loggedIn(app, '/login/1?remember=1', 'phone')
    expect(decodeURIComponent(phone.jar.get('remember_token')!)).toMatch(/^1\|v4\|[0-9a-f]{128}$/)
    phone.jar.delete('session')
    expect(await me(phone)).toBe('Ada')
  })

  it('changing the password logs out every other device and keeps this one', async () => {
    const { app } = setup({}, { saver: true })
    const laptop = await loggedIn(app, '/login/1', 'laptop')
    const phone = await loggedIn(app, '/login/1?remember=1', 'phone')
    await laptop.request('/change-password', { method: 'POST' })
    expect(await me(laptop)).toBe('Ada')
    expect(await me(phone)).toBe('anonymous')
  })

  it('other users are untouched', async () => {
    const { app } = setup({}, { saver: true })
    const grace = await loggedIn(app, '/login/2')
    await (await loggedIn(app, '/login/1')).request('/logout-everywhere', { method: 'POST' })
    expect(await me(grace)).toBe('Grace')
  })

  it('without a saver or a store, logoutEverywhere refuses, saying what it needs', async () => {
    const { app } = setup()
    app.onError((error, c) => c.text(error.message, 500))
    const response = await (await loggedIn(app)).request('/logout-everywhere', { method: 'POST' })
    expect(response.status).toBe(500)
    expect(await response.text()).toMatch(/^logoutEverywhere\(c\) has no way to reach/)
  })

  it('answers false for an anonymous visitor', async () => {
    const { app } = setup({}, { saver: true })
    const response = await client(app).request('/logout-everywhere', { method: 'POST' })
    expect(await response.text()).toBe('false')
  })
})

describe('server-side sessions (store)', () => {
  it('the cookie holds only a random 256-bit id, and the store only its SHA-256', async () => {
    const store = new MemorySessionStore()
    const { app } = setup({ store })
    const browser = await loggedIn(app)
    const id = browser.jar.get('session')!
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const hash = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)))
    const row = await store.get(hash.toString('hex'))
    expect(row).toMatchObject({ userId: '1' })
    expect(JSON.parse(row!.data)).toMatchObject({ _user_id: '1', _fresh: true })
    expect(await store.get(id)).toBeUndefined()
    expect(await me(browser)).toBe('Ada')
  })

  it('loginUser issues a new id, so an id planted before login is worthless (session fixation)', async () => {
    const store = new MemorySessionStore()
    const { app } = setup({ store })
    const attacker = client(app)
    await attacker.request('/note', { method: 'POST' })
    const planted = attacker.jar.get('session')!
    const victim = client(app)
    victim.jar.set('session', planted)
    await victim.request('/login/1', { method: 'POST' })
    expect(victim.jar.get('session')).not.toBe(planted)
    expect(await me(victim)).toBe('Ada')
    expect(await me(attacker)).toBe('anonymous')
    expect(store.size).toBe(1)
  })

  it('replay after logout: the copied cookie is refused, because the session is gone from the store', async () => {
    const store = new MemorySessionStore()
    const { app } = setup({ store })
    const browser = await loggedIn(app)
    const copy = browser.jar.get('session')!
    await browser.request('/logout', { method: 'POST' })
    const thief = client(app)
    thief.jar.set('session', copy)
    expect(await me(thief)).toBe('anonymous')
    expect(store.size).toBe(0)
  })

  it('logoutEverywhere deletes every session of the user, and only theirs', async () => {
    const store = new MemorySessionStore()
    const { app } = setup({ store })
    const laptop = await loggedIn(app, '/login/1', 'laptop')
    const phone = await loggedIn(app, '/login/1', 'phone')
    const grace = await loggedIn(app, '/login/2')
    expect(store.size).toBe(3)
    await laptop.request('/logout-everywhere', { method: 'POST' })
    expect(await me(laptop)).toBe('anonymous')
    expect(await me(phone)).toBe('anonymous')
    expect(await me(grace)).toBe('Grace')
    expect(store.size).toBe(1)
  })

  it('a store alone does not revoke remember cookies: logoutEverywhere leaves them working', async () => {
    const store = new MemorySessionStore()
    const { app } = setup({ store })
    const phone = await loggedIn(app, '/login/1?remember=1', 'phone')
    await (
      await loggedIn(app, '/login/1', 'laptop')
    ).request('/logout-everywhere', {
      method: 'POST',
    })
    // The phone's session row is gone, but its remember cookie logs it back in.
    expect(await me(phone)).toBe('Ada')
  })

  it('a store with a version saver revokes sessions and remember cookies alike', async () => {
    const store = new MemorySessionStore()
    const { app } = setup({ store }, { saver: true })
    const phone = await loggedIn(app, '/login/1?remember=1', 'phone')
    await (
      await loggedIn(app, '/login/1', 'laptop')
    ).request('/logout-everywhere', {
      method: 'POST',
    })
    expect(await me(phone)).toBe('anonymous')
  })

  it('expires on the server: idleTimeout and maxAge, checked against the stored times (clock test)', async () => {
    const { advance } = clock()
    const store = new MemorySessionStore()
    const { app } = setup({ store, idleTimeout: HOUR, maxAge: DAY })
    const browser = await loggedIn(app)
    advance(HOUR - 1)
    expect(await me(browser)).toBe('Ada')
    advance(HOUR + 1)
    expect(await me(browser)).toBe('anonymous')
    expect(store.size).toBe(0)
  })

  it('a forged or unknown id reads as an empty session, and no row is made for a read', async () => {
    const store = new MemorySessionStore()
    const { app } = setup({ store })
    const browser = client(app)
    browser.jar.set('session', 'A'.repeat(43))
    expect(await me(browser)).toBe('anonymous')
    browser.jar.set('session', 'not-an-id')
    expect(await me(browser)).toBe('anonymous')
    expect(store.size).toBe(0)
  })
})
