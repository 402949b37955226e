import fc from 'fast-check'
import { Hono, type Context } from 'hono'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { LoginManagerError } from './errors'
import {
  currentUser,
  describeAuth,
  encodeRememberCookie,
  LoginManager,
  loginUser,
  logoutUser,
} from './login-manager'
import { encodeSessionCookie, session } from './session'
import { client, makeApp, SECRET, users } from './test-app'
import { UserMixin } from './users'
import { checkPasswordHash, generatePasswordHash } from './utils/password'

const oneChar = fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })

/** One edit an attacker might try: change, insert or delete a character, at any position. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: oneChar }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: oneChar }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), char: fc.constant('') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), char: fc.constant('') }),
)
/** One to four edits in a row, so changes can hide each other (a swap, say). */
const edits = fc.array(edit, { minLength: 1, maxLength: 4 })

type Edit = { kind: 'replace' | 'insert' | 'delete' | 'truncate'; at: number; char: string }

function mutate(value: string, steps: Edit[]): string {
  for (const step of steps) {
    const at = value.length === 0 ? 0 : step.at % (value.length + (step.kind === 'insert' ? 1 : 0))
    if (step.kind === 'insert') value = value.slice(0, at) + step.char + value.slice(at)
    else if (step.kind === 'delete') value = value.slice(0, at) + value.slice(at + 1)
    else if (step.kind === 'truncate') value = value.slice(0, at)
    else value = value.slice(0, at) + step.char + value.slice(at + 1)
  }
  return value
}

describe('mutated cookies never authenticate (seeded property tests)', () => {
  const made = makeApp()
  made.app.get('/me', async (c) => {
    const user = await currentUser(c)
    return c.text(user.isAuthenticated ? 'in' : 'out')
  })
  made.app.post('/login', async (c) =>
    c.text(String(await loginUser(c, users.get('1')!, { remember: true }))),
  )
  // Lone surrogates (from splitting a character) cannot travel in a header; send U+FFFD instead.
  const encode = (value: string) => encodeURIComponent(value.toWellFormed())
  const me = async (cookie: string) =>
    (await made.app.request('/me', { headers: { Cookie: cookie } })).text()

  // Valid cookies are made once; each run then costs one in-memory request.
  let validSession = ''
  let validRemember = ''
  beforeAll(async () => {
    validSession = await encodeSessionCookie({ _user_id: '1', _fresh: true }, SECRET)
    const login = client(made.app)
    await login.request('/login', { method: 'POST' })
    validRemember = decodeURIComponent(login.jar.get('remember_token') ?? '')
  })

  it('session cookies: 1,000 random mutations of a valid one all read as anonymous', async () => {
    expect(await me(`session=${validSession}`)).toBe('in')
    await fc.assert(
      fc.asyncProperty(edits, async (steps) => {
        const forged = mutate(validSession, steps)
        fc.pre(forged !== validSession)
        return (await me(`session=${encode(forged)}`)) === 'out'
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it('remember cookies: 1,000 random mutations of a valid one all read as anonymous', async () => {
    expect(await me(`remember_token=${encodeURIComponent(validRemember)}`)).toBe('in')
    await fc.assert(
      fc.asyncProperty(edits, async (steps) => {
        const forged = mutate(validRemember, steps)
        fc.pre(forged !== validRemember)
        return (await me(`remember_token=${encode(forged)}`)) === 'out'
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it('foreign cookies: session and remember cookies signed with any other secret read as anonymous', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (secret) => {
        fc.pre(secret !== SECRET)
        const session = await encodeSessionCookie({ _user_id: '1', _fresh: true }, secret)
        const remember = encodeURIComponent(await encodeRememberCookie('1', secret))
        return (await me(`session=${session}; remember_token=${remember}`)) === 'out'
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it('remember cookies for another id, with a digest for the right one, read as anonymous', async () => {
    const digest = validRemember.slice(validRemember.lastIndexOf('|') + 1)
    for (const id of ['2', 'ü', '1 ', ' 1', '01', '1|1', '']) {
      expect(await me(`remember_token=${encodeURIComponent(`${id}|${digest}`)}`)).toBe('out')
    }
    expect(await me(`remember_token=${encodeURIComponent(`1|${digest.toUpperCase()}`)}`)).toBe(
      'out',
    )
  })
})

describe('secrets never leak', () => {
  it('no secret, password or hash appears in a cookie, a response body or an error message', async () => {
    const password = 'correct horse battery'
    const hash = await generatePasswordHash(password, { method: 'pbkdf2:sha256:1000' })
    const made = makeApp({ loginView: '/login' })
    made.app.post('/login', async (c) => {
      const form = await c.req.parseBody()
      const ok =
        (await checkPasswordHash(hash, String(form['password']))) &&
        (await loginUser(c, users.get('1')!, { remember: true }))
      return c.text(ok ? 'welcome' : 'bad password', ok ? 200 : 401)
    })
    made.app.get('/debug', async (c) => c.json(await describeAuth(c)))
    made.app.get('/me', async (c) => c.json(await currentUser(c)))
    made.app.post('/logout', async (c) => c.text(String(await logoutUser(c))))
    made.app.onError((error, c) => c.text(error.message, 500))
    const browser = client(made.app)
    const seen: string[] = []
    const record = async (response: Response) => {
      seen.push(
        await response.text(),
        ...response.headers.getSetCookie(),
        response.headers.get('Location') ?? '',
      )
    }
    const form = (pw: string) => ({ method: 'POST', body: new URLSearchParams({ password: pw }) })
    await record(await browser.request('/login', form('wrong')))
    await record(await browser.request('/login', form(password)))
    await record(await browser.get('/debug'))
    await record(await browser.get('/me'))
    await record(await browser.request('/logout', { method: 'POST' }))
    // Every kind of error, thrown for real, with the secret, password and hash all in reach.
    const errors: string[] = []
    for (const attempt of [
      () => session({ secret: '' }),
      () => session({ secret: SECRET, maxAge: -1 }),
      () => new LoginManager({ rememberCookie: { duration: -1 } }),
      () => new (class Nameless extends UserMixin {})().getId(),
    ]) {
      try {
        attempt()
      } catch (error) {
        errors.push(String(error))
      }
    }
    const noLoader = makeApp({}, { loader: false })
    const bare = new Hono()
    bare.use(session({ secret: SECRET }))
    for (const [app, route] of [
      [noLoader.app, (c: Context) => currentUser(c)],
      [bare, (c: Context) => loginUser(c, users.get('1')!)],
      [
        makeApp().app,
        (c: Context) => loginUser(c, users.get('1')!, { remember: true, duration: NaN }),
      ],
    ] as const) {
      const path = `/error-${errors.length}`
      ;(app as Hono).post(path, async (c) => {
        try {
          await route(c)
        } catch (error) {
          errors.push(String(error))
        }
        return c.text('ok')
      })
      await (app as Hono).request(path, { method: 'POST', body: new URLSearchParams({ password }) })
    }
    expect(errors).toHaveLength(7)
    expect(errors.every((e) => e.startsWith('LoginManagerError: '))).toBe(true)
    const everything = [
      ...seen,
      ...errors,
      ...[...browser.jar.values()].map(decodeURIComponent),
    ].join('\n')
    for (const forbidden of [SECRET, password, hash, hash.split('$')[2] ?? 'x']) {
      expect(everything).not.toContain(forbidden)
    }
  })

  it('a short-secret warning never prints the secret', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    session({ secret: 'tiny-secret-xyz' })
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('tiny-secret-xyz')
    warn.mockRestore()
    expect(new LoginManagerError('missing-secret', 'm').code).toBe('missing-secret')
  })
})

describe('portability', () => {
  it('imports nothing from node: so it runs in browsers and WebContainers unchanged', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (/\.ts$/.test(entry.name) && !/\.(test|bench)\.ts$/.test(entry.name)) {
          if (
            /from\s+['"]node:|require\(['"]node:|import\(['"]node:/.test(readFileSync(path, 'utf8'))
          )
            offenders.push(path)
        }
      }
    }
    walk('src/login-manager')
    expect(offenders).toEqual([])
  })
})
