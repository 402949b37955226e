// The SessionStore contract: the same tests for MemorySessionStore (sessions.test.ts) and
// SqliteSessionStore (src/db/session-store.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionStore } from './session-store'
import { clock, client, DAY, HOUR, loggedIn, me, setup } from './session-test-app'

/**
 * The contract every {@link SessionStore} keeps, run against a real app with the login manager:
 * hashed ids only, a new id at login (fixation), replay after logout refused, "log out all
 * devices", expiry on the server, and no row for a read.
 *
 * @param name - the store's name, for the test titles
 * @param make - a fresh, empty store, and how to count its rows
 * @example
 * describeSessionStore('MemorySessionStore', () => { const store = new MemorySessionStore(); return { store, size: async () => store.size } })
 */
export function describeSessionStore(
  name: string,
  make: () => { store: SessionStore; size(): Promise<number> },
): void {
  describe(`server-side sessions (store): ${name}`, () => {
    afterEach(() => {
      vi.useRealTimers()
    })
    it('the cookie holds only a random 256-bit id, and the store only its SHA-256', async () => {
      const { store } = make()
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
      const { store, size } = make()
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
      expect(await size()).toBe(1)
    })

    it('replay after logout: the copied cookie is refused, because the session is gone from the store', async () => {
      const { store, size } = make()
      const { app } = setup({ store })
      const browser = await loggedIn(app)
      const copy = browser.jar.get('session')!
      await browser.request('/logout', { method: 'POST' })
      const thief = client(app)
      thief.jar.set('session', copy)
      expect(await me(thief)).toBe('anonymous')
      expect(await size()).toBe(0)
    })

    it('logoutEverywhere deletes every session of the user, and only theirs', async () => {
      const { store, size } = make()
      const { app } = setup({ store })
      const laptop = await loggedIn(app, '/login/1', 'laptop')
      const phone = await loggedIn(app, '/login/1', 'phone')
      const grace = await loggedIn(app, '/login/2')
      expect(await size()).toBe(3)
      await laptop.request('/logout-everywhere', { method: 'POST' })
      expect(await me(laptop)).toBe('anonymous')
      expect(await me(phone)).toBe('anonymous')
      expect(await me(grace)).toBe('Grace')
      expect(await size()).toBe(1)
    })

    it('a store alone does not revoke remember cookies: logoutEverywhere leaves them working', async () => {
      const { store } = make()
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
      const { store } = make()
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
      const { store, size } = make()
      const { app } = setup({ store, idleTimeout: HOUR, maxAge: DAY })
      const browser = await loggedIn(app)
      advance(HOUR - 1)
      expect(await me(browser)).toBe('Ada')
      advance(HOUR + 1)
      expect(await me(browser)).toBe('anonymous')
      expect(await size()).toBe(0)
    })

    it('a forged or unknown id reads as an empty session, and no row is made for a read', async () => {
      const { store, size } = make()
      const { app } = setup({ store })
      const browser = client(app)
      browser.jar.set('session', 'A'.repeat(43))
      expect(await me(browser)).toBe('anonymous')
      browser.jar.set('session', 'not-an-id')
      expect(await me(browser)).toBe('anonymous')
      expect(await size()).toBe(0)
    })
  })
}
