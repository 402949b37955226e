// Test helpers shared by the login manager's tests: a small app and a client with a cookie jar.
import { Hono } from 'hono'
// The grader's own jar logic, so these tests and the course's checks agree on what a browser keeps.
import { storeCookies } from '../grader/harness/set-cookie'
import { LoginManager, type LoginManagerOptions, type LoginVariables } from './login-manager'
import { session } from './session'
import { UserMixin } from './users'

export const SECRET = 'a-test-secret-that-is-long-enough-for-no-warning'

export class TestUser extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public active = true,
  ) {
    super()
  }
  override get isActive() {
    return this.active
  }
}

export const users = new Map([
  ['1', new TestUser('1', 'Ada')],
  ['2', new TestUser('2', 'Grace', false)],
  ['ü', new TestUser('ü', 'Ünal')],
])

/** A Hono app with session() and a login manager installed, plus a counter of loader calls. */
export function makeApp(options: LoginManagerOptions = {}, { loader = true } = {}) {
  const manager = new LoginManager<TestUser>(options)
  const stats = { loads: 0 }
  if (loader) {
    manager.userLoader(async (id) => {
      stats.loads++
      return users.get(id) ?? null
    })
  }
  const app = new Hono<{ Variables: LoginVariables<TestUser> }>()
  app.use(session({ secret: SECRET }), manager.middleware())
  return { app, manager, stats }
}

/** A client that keeps cookies between requests, like a browser. */
export function client(app: { request: Hono['request'] }, userAgent = 'test-agent') {
  const jar = new Map<string, string>()
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('User-Agent', headers.get('User-Agent') ?? userAgent)
    if (jar.size) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await app.request(path, { ...init, headers })
    storeCookies(jar, response.headers.getSetCookie())
    return response
  }
  return { jar, request, get: (path: string, init?: RequestInit) => request(path, init) }
}
