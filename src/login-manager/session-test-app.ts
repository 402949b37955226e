// The app and helpers the session tests share: sessions.test.ts and the store contract
// (session-store-contract.ts), which every SessionStore passes.
import { Hono } from 'hono'
import { vi } from 'vitest'
import {
  currentUser,
  getSession,
  LoginManager,
  loginUser,
  logoutEverywhere,
  logoutUser,
  session,
  type LoginVariables,
  type SessionOptions,
} from './index'
import { client, SECRET, TestUser } from './test-app'

export { client, TestUser }

export const HOUR = 60 * 60
export const DAY = 24 * HOUR

/** Freeze the clock `Date` reads at a moment, and move it on by seconds. */
export function clock(start = Date.UTC(2030, 0, 1)) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(start)
  return { advance: (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000) }
}

/** An app with its own users (so versions don't leak between tests), login and logout routes. */
export function setup(sessionOptions: Partial<SessionOptions> = {}, { saver = false } = {}) {
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
export async function loggedIn(
  app: Parameters<typeof client>[0],
  path = '/login/1',
  agent = 'test-agent',
) {
  const browser = client(app, agent)
  await browser.request(path, { method: 'POST' })
  return browser
}

export const me = async (browser: ReturnType<typeof client>) => (await browser.get('/me')).text()
