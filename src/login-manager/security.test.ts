import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { LoginManagerError } from './errors'
import { loginUser, logoutUser } from './login-manager'
import { encodeSessionCookie, session } from './session'
import { client, makeApp, SECRET, users } from './test-app'
import { checkPasswordHash, generatePasswordHash } from './utils/password'

const oneChar = fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })

/** Change one character, insert one or delete one: the mutations an attacker would try. */
const mutation = (value: string) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat({ max: value.length - 1 }),
      char: oneChar,
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat({ max: value.length }),
      char: oneChar,
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat({ max: value.length - 1 }),
      char: fc.constant(''),
    }),
  )

function mutate(
  value: string,
  m: { kind: 'replace' | 'insert' | 'delete'; at: number; char: string },
): string {
  if (m.kind === 'insert') return value.slice(0, m.at) + m.char + value.slice(m.at)
  if (m.kind === 'delete') return value.slice(0, m.at) + value.slice(m.at + 1)
  return value.slice(0, m.at) + m.char + value.slice(m.at + 1)
}

describe('mutated cookies never authenticate (seeded property tests)', () => {
  const made = makeApp()
  made.app.get('/me', async (c) => {
    const { currentUser } = await import('./login-manager')
    const user = await currentUser(c)
    return c.text(user.isAuthenticated ? 'in' : 'out')
  })
  made.app.post('/login', async (c) =>
    c.text(String(await loginUser(c, users.get('1')!, { remember: true }))),
  )

  it('session cookies: 1,000 random mutations of a valid one all read as anonymous', async () => {
    const valid = await encodeSessionCookie({ _user_id: '1', _fresh: true }, SECRET)
    const control = await made.app.request('/me', { headers: { Cookie: `session=${valid}` } })
    expect(await control.text()).toBe('in')
    await fc.assert(
      fc.asyncProperty(mutation(valid), async (m) => {
        const forged = mutate(valid, m)
        fc.pre(forged !== valid)
        const response = await made.app.request('/me', {
          headers: { Cookie: `session=${encodeURIComponent(forged)}` },
        })
        return (await response.text()) === 'out'
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it('remember cookies: 1,000 random mutations of a valid one all read as anonymous', async () => {
    const login = client(made.app)
    await login.request('/login', { method: 'POST' })
    const valid = decodeURIComponent(login.jar.get('remember_token') ?? '')
    const control = await made.app.request('/me', {
      headers: { Cookie: `remember_token=${encodeURIComponent(valid)}` },
    })
    expect(await control.text()).toBe('in')
    await fc.assert(
      fc.asyncProperty(mutation(valid), async (m) => {
        const forged = mutate(valid, m)
        fc.pre(forged !== valid)
        const response = await made.app.request('/me', {
          headers: { Cookie: `remember_token=${encodeURIComponent(forged)}` },
        })
        return (await response.text()) === 'out'
      }),
      { seed: 42, numRuns: 1000 },
    )
  })
})

describe('secrets never leak', () => {
  it('no secret, password or hash appears in a cookie, a response body or an error message', async () => {
    const password = 'correct horse battery'
    const hash = await generatePasswordHash(password, { method: 'pbkdf2:sha256:1000' })
    const made = makeApp({ loginView: '/login' })
    const { describeAuth, currentUser } = await import('./login-manager')
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
    const errors: string[] = []
    for (const attempt of [
      () => session({ secret: '' }),
      () => new (class extends (users.get('1')!.constructor as typeof Object) {})(),
    ]) {
      try {
        attempt()
      } catch (error) {
        errors.push(String(error))
      }
    }
    const everything = [
      ...seen,
      ...errors,
      ...[...browser.jar.values()].map(decodeURIComponent),
    ].join('\n')
    for (const forbidden of [SECRET, password, hash, hash.split('$')[2] ?? 'x']) {
      expect(everything).not.toContain(forbidden)
    }
    expect(errors.some((e) => e.includes('LoginManagerError'))).toBe(true)
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
