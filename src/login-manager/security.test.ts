import fc from 'fast-check'
import { Hono, type Context } from 'hono'
import { readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join } from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_MANAGER_ERROR_CODES, LoginManagerError } from './errors'
import { flash, getFlashedMessages } from './flash'
import {
  currentUser,
  describeAuth,
  encodeRememberCookie,
  freshLoginRequired,
  LoginManager,
  loginRequired,
  loginUser,
  logoutEverywhere,
  logoutUser,
  type LoginVariables,
} from './index'
import { encodeSessionCookie, getSession, session } from './session'
import { client, makeApp, SECRET, users } from './test-app'
import { UserMixin } from './users'
import { fromBase64Url } from './utils/encoding'
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
  const password = 'correct horse battery'

  /** A user as apps store them: with a password hash the library must never write anywhere. */
  class HashedUser extends UserMixin {
    constructor(
      public override id: string,
      public name: string,
      public passwordHash: string,
    ) {
      super()
    }
  }

  /** Everything a response shows: body, Location, and each Set-Cookie both raw and decoded. */
  async function shown(response: Response): Promise<string[]> {
    const texts = [await response.text(), response.headers.get('Location') ?? '']
    for (const header of response.headers.getSetCookie()) {
      const value = decodeURIComponent(header.slice(header.indexOf('=') + 1).split(';')[0] ?? '')
      texts.push(header, value)
      // The session payload is base64url JSON: decode it, or a hash inside would go unseen.
      const payload = fromBase64Url(value.split('.')[0] ?? '')
      if (payload) texts.push(new TextDecoder().decode(payload))
    }
    return texts
  }

  /** The forbidden texts: the secret, the password, the hash and its digest alone. */
  const forbiddenIn = (hash: string) => [SECRET, password, hash, hash.split('$')[2] ?? hash]

  it('the session payload is decoded before the scan, so a hash stored in the session is caught', async () => {
    const hash = await generatePasswordHash(password, { method: 'pbkdf2:sha256:1000' })
    const app = new Hono()
    app.use(session({ secret: SECRET }))
    app.get('/', (c) => (getSession(c).set('careless', hash), c.text('ok')))
    const everything = (await shown(await app.request('/'))).join('\n')
    expect(everything).toContain(hash)
    expect(
      decodeURIComponent((await app.request('/')).headers.get('Set-Cookie') ?? ''),
    ).not.toContain(hash)
  })

  it('no secret, password or hash appears in a cookie (decoded) or a response body', async () => {
    const hash = await generatePasswordHash(password, { method: 'pbkdf2:sha256:1000' })
    const ada = new HashedUser('1', 'Ada', hash)
    const manager = new LoginManager<HashedUser>({ loginView: '/login', refreshView: '/reauth' })
    manager.userLoader((id) => (id === ada.id ? ada : null))
    const app = new Hono<{ Variables: LoginVariables<HashedUser> }>()
    app.use(session({ secret: SECRET }), manager.middleware())
    app.post('/login', async (c) => {
      const form = await c.req.parseBody()
      const ok =
        (await checkPasswordHash(ada.passwordHash, String(form['password']))) &&
        (await loginUser(c, ada, { remember: true }))
      if (ok) flash(c, `Welcome back, ${ada.name}`)
      return c.text(ok ? 'welcome' : 'bad password', ok ? 200 : 401)
    })
    app.get('/me', async (c) => {
      const user = await currentUser<HashedUser>(c)
      return c.text(user.isAuthenticated ? `user ${String(user.getId())}` : 'anonymous')
    })
    app.get('/account', loginRequired<HashedUser>(), (c) => c.text(c.var.currentUser.name))
    app.get('/settings', freshLoginRequired<HashedUser>(), (c) => c.text('settings'))
    app.get('/debug', async (c) => c.json(await describeAuth(c)))
    app.get('/flashes', (c) => c.json(getFlashedMessages(c, { withCategories: true })))
    app.post('/logout', async (c) => c.text(String(await logoutUser(c))))

    const seen: string[] = []
    const form = (pw: string) => ({ method: 'POST', body: new URLSearchParams({ password: pw }) })
    const browser = client(app)
    seen.push(...(await shown(await browser.get('/account'))))
    seen.push(...(await shown(await browser.request('/login', form('wrong')))))
    seen.push(...(await shown(await browser.request('/login', form(password)))))
    for (const path of ['/me', '/account', '/settings', '/debug', '/flashes'])
      seen.push(...(await shown(await browser.get(path))))
    // Restored from the remember cookie alone, in another browser: the session is written anew.
    const restored = client(app, 'another-agent')
    restored.jar.set('remember_token', browser.jar.get('remember_token') ?? '')
    for (const path of ['/me', '/settings', '/debug'])
      seen.push(...(await shown(await restored.get(path))))
    seen.push(...(await shown(await browser.request('/logout', { method: 'POST' }))))
    expect(seen.join('\n')).toContain('Welcome back, Ada')

    const everything = seen.join('\n')
    for (const forbidden of forbiddenIn(hash)) expect(everything).not.toContain(forbidden)
  })

  it('no LoginManagerError message, of any code, contains the secret, the password or a hash', async () => {
    const hash = await generatePasswordHash(password, { method: 'pbkdf2:sha256:1000' })
    const caught: unknown[] = []
    const attempt = async (run: () => unknown) => {
      try {
        await run()
      } catch (error) {
        caught.push(error)
      }
    }
    /** Run `route` inside a request whose body carries the password, so it is in reach. */
    const inRequest = async (app: Hono, route: (c: Context) => unknown) => {
      app.onError((error, c) => (caught.push(error), c.text('error', 500)))
      app.post('/probe', async (c) => {
        await attempt(() => route(c))
        return c.text('ok')
      })
      await app.request('/probe', { method: 'POST', body: new URLSearchParams({ password }) })
    }
    /** A user whose getId() returns itself, password hash and all. */
    class SelfIdUser extends HashedUser {
      override getId() {
        return this as unknown as string
      }
    }

    await attempt(() => session({ secret: '' }))
    await attempt(() => session({ secret: 'changeme'.repeat(4) }))
    await attempt(() => session({ secret: SECRET, hostPrefix: true, cookie: { path: '/app' } }))
    const huge = new Hono()
    huge.use(session({ secret: SECRET, strict: true }))
    huge.get('/', (c) => {
      getSession(c).set('big', 'x'.repeat(5000))
      return c.text('ok')
    })
    huge.onError((error, c) => (caught.push(error), c.text('error', 500)))
    await huge.request('/')
    await attempt(() => session({ secret: SECRET, maxAge: -1 }))
    await attempt(() => new LoginManager({ rememberCookie: { duration: -1 } }))
    await attempt(() => new (class Nameless extends UserMixin {})().getId())
    await inRequest(makeApp({}, { loader: false }).app as unknown as Hono, (c) => currentUser(c))
    const bare = new Hono()
    bare.use(session({ secret: SECRET }))
    await inRequest(bare, (c) => loginUser(c, users.get('1')!))
    const noSession = new Hono()
    noSession.use(new LoginManager().middleware())
    await inRequest(noSession, () => undefined)
    await inRequest(makeApp().app as unknown as Hono, (c) =>
      loginUser(c, new SelfIdUser('1', 'Ada', hash)),
    )
    await inRequest(makeApp().app as unknown as Hono, (c) =>
      loginUser(c, users.get('1')!, { remember: true, duration: Number.NaN }),
    )
    await attempt(() => generatePasswordHash(password, { method: 'md5' }))
    await attempt(() => generatePasswordHash(password, { method: 'scrypt:2097152:8:1' }))
    await attempt(() => generatePasswordHash(password, { saltLength: 0 }))
    await attempt(() => generatePasswordHash(password, { method: 'pbkdf2:sha256:999999999' }))
    await inRequest(makeApp().app as unknown as Hono, async (c) => {
      await loginUser(c, users.get('1')!)
      return logoutEverywhere(c)
    })

    expect(caught.every((error) => error instanceof LoginManagerError)).toBe(true)
    const errors = caught as LoginManagerError[]
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(LOGIN_MANAGER_ERROR_CODES))
    for (const error of errors) {
      for (const forbidden of forbiddenIn(hash)) {
        expect(String(error), error.code).not.toContain(forbidden)
      }
    }
  })

  it.each(['tiny-secret-xyz', 'q'.repeat(40), 'changeme-in-production-please-0123456789'])(
    'refusing a weak secret never prints it (%j)',
    (secret) => {
      let error: unknown
      try {
        session({ secret })
      } catch (thrown) {
        error = thrown
      }
      expect(error).toBeInstanceOf(LoginManagerError)
      expect(String(error)).not.toContain(secret)
    },
  )
})

/** The modules a source file imports, in every form (static, side-effect, re-export, dynamic, require), that exist only in Node. */
function nodeOnlyImports(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => isBuiltin(name))
}

describe('portability', () => {
  it('the import scan catches every form of a Node-only import, and ignores comments and strings', () => {
    const source = [
      `import 'node:fs'`,
      `import path from "node:path"`,
      `export * from 'node:os'`,
      `const a = require('node:crypto')`,
      `const b = await import('node:url')`,
      `import events from 'events'`,
      `// import 'node:comment'`,
      `const text = "import 'node:string'"`,
      `import { Hono } from 'hono'`,
    ].join('\n')
    expect(nodeOnlyImports(source)).toEqual([
      'node:fs',
      'node:path',
      'node:os',
      'node:crypto',
      'node:url',
      'events',
    ])
  })

  it('imports nothing Node-only, so it runs in browsers and WebContainers unchanged', () => {
    const offenders: string[] = []
    let scanned = 0
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (/\.ts$/.test(entry.name) && !/\.(test|bench)\.ts$/.test(entry.name)) {
          scanned++
          for (const name of nodeOnlyImports(readFileSync(path, 'utf8')))
            offenders.push(`${path}: ${name}`)
        }
      }
    }
    walk('src/login-manager')
    expect(scanned).toBeGreaterThan(10)
    expect(offenders).toEqual([])
  })
})
