// Expiry and revocation, mode by mode: a cookie-only session, a session version, and a store.
// Each mode has a replay-after-logout test: a copy of the cookie taken while logged in, sent
// again after logging out.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MemorySessionStore, session } from './index'
import { describeSessionStore } from './session-store-contract'
import { clock, client, DAY, HOUR, loggedIn, me, setup } from './session-test-app'
import { SECRET } from './test-app'
import { decodeSessionCookie, encodeSessionCookie } from './utils/session-cookie'

afterEach(() => {
  vi.useRealTimers()
})

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

describeSessionStore('MemorySessionStore', () => {
  const store = new MemorySessionStore()
  return { store, size: () => Promise.resolve(store.size) }
})
