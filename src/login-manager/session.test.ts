import { Hono, type Context } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { LoginManagerError } from './errors'
import { flash, getFlashedMessages } from './flash'
import { decodeSessionCookie, encodeSessionCookie, getSession, session } from './session'
import { client, SECRET } from './test-app'

function sessionApp(options: Partial<Parameters<typeof session>[0]> = {}) {
  const app = new Hono()
  app.use(session({ secret: SECRET, ...options }))
  app.get('/set', (c) => {
    getSession(c).set('name', 'ada')
    return c.text('ok')
  })
  app.get('/read', (c) => c.text(String(getSession(c).get('name') ?? 'none')))
  app.get('/permanent', (c) => {
    const s = getSession(c)
    s.permanent = true
    s.set('x', 1)
    return c.text('ok')
  })
  app.get('/clear', (c) => {
    getSession(c).clear()
    return c.text('ok')
  })
  app.get('/keys', (c) => c.json(getSession(c).keys()))
  return app
}

describe('session()', () => {
  it('keeps values between requests in a signed cookie with safe defaults', async () => {
    const browser = client(sessionApp())
    const set = await browser.get('/set')
    const cookie = set.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/^session=[\w-]+\.\d+\.\d+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(await (await browser.get('/read')).text()).toBe('ada')
  })

  it('is readable by anyone but forgeable by no one', async () => {
    const value = await encodeSessionCookie({ name: 'ada' }, SECRET)
    const [payload] = value.split('.')
    expect(atob((payload ?? '').replace(/-/g, '+').replace(/_/g, '/'))).toBe('{"name":"ada"}')
    const forged = `${btoa('{"name":"admin"}').replace(/=+$/, '')}.${value.split('.')[1]}`
    expect(await decodeSessionCookie(forged, SECRET)).toBeNull()
    expect(await decodeSessionCookie(value, 'another-secret-another-secret-xx')).toBeNull()
  })

  it.each(['', 'garbage', 'a.b', '.', 'x'.repeat(10000), 'eyJhIjoxfQ.', '%%%.%%%'])(
    'reads the tampered or foreign cookie %j as an empty session without throwing',
    async (value) => {
      const app = sessionApp()
      const response = await app.request('/read', { headers: { Cookie: `session=${value}` } })
      expect(await response.text()).toBe('none')
    },
  )

  it('sends no Set-Cookie when the session did not change', async () => {
    const browser = client(sessionApp())
    await browser.get('/set')
    const read = await browser.get('/read')
    expect(read.headers.get('Set-Cookie')).toBeNull()
  })

  it('gives a permanent session Max-Age and a normal one none', async () => {
    const app = sessionApp({ maxAge: 3600 })
    expect((await app.request('/permanent')).headers.get('Set-Cookie')).toContain('Max-Age=3600')
    expect((await app.request('/set')).headers.get('Set-Cookie')).not.toContain('Max-Age')
  })

  it('can set Secure and other attributes', async () => {
    const app = sessionApp({ cookie: { secure: true, sameSite: 'Strict' } })
    const header = (await app.request('/set')).headers.get('Set-Cookie')
    expect(header).toContain('Secure')
    expect(header).toContain('SameSite=Strict')
  })

  it('deletes the cookie when the session is cleared', async () => {
    const browser = client(sessionApp())
    await browser.get('/set')
    const cleared = await browser.get('/clear')
    expect(cleared.headers.get('Set-Cookie')).toMatch(/session=; Max-Age=0/)
    expect(browser.jar.has('session')).toBe(false)
  })

  it('throws a teaching error without a secret', () => {
    for (const secret of [undefined, '']) {
      expect(() => session({ secret })).toThrow(LoginManagerError)
      expect(() => session({ secret })).toThrow(
        'session() needs a secret: it signs the session cookie so nobody can forge a login. Pass one from an environment variable',
      )
    }
  })

  it.each([
    ['short-secret-for-warning-test', 'it is only 29 bytes long, and needs 32'],
    ['a'.repeat(32), 'it is one character repeated'],
    [' '.repeat(32), 'it is only whitespace'],
    ['\t \n'.repeat(12), 'it is only whitespace'],
    ['changeme'.repeat(4), 'it is a pattern of 8 characters repeated'],
    ['ab12'.repeat(10), 'it is a pattern of 4 characters repeated'],
    ['aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbcc', 'it uses only 3 different characters'],
    ['my-app-CHANGEME-before-deploying-2026', 'it contains a well-known placeholder word'],
    ['keyboard cat keyboard cat, but longer!!', 'it contains a well-known placeholder word'],
    ['your_secret_key_goes_here_0123456789', 'it contains a well-known placeholder word'],
  ])('refuses the weak secret %j, saying why and how to make a good one', (secret, reason) => {
    let error: unknown
    try {
      session({ secret })
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(LoginManagerError)
    expect((error as LoginManagerError).code).toBe('weak-secret')
    expect((error as Error).message).toBe(
      `session() refused the secret because ${reason}: a guessable secret lets anyone sign a session cookie that logs them in as any user. Use at least 32 random bytes kept in an environment variable, made with \`openssl rand -hex 32\` or, in JavaScript, with crypto.getRandomValues(new Uint8Array(32)) written out as hex.`,
    )
  })

  it('accepts random secrets: 32 bytes as hex and as base64url', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(32))
      const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
      const base64 = btoa(String.fromCharCode(...bytes)).replace(/=+$/, '')
      expect(() => session({ secret: hex })).not.toThrow()
      expect(() => session({ secret: base64 })).not.toThrow()
    }
  })

  describe('cookie defaults', () => {
    it('sends HttpOnly and SameSite=Lax, without Secure over http', async () => {
      const response = await sessionApp().request('http://app.test/set')
      expect(response.headers.get('Set-Cookie')).toMatch(
        /^session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/,
      )
    })

    it('adds Secure when the request came over https', async () => {
      const response = await sessionApp().request('https://app.test/set')
      expect(response.headers.get('Set-Cookie')).toMatch(
        /^session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      )
    })

    it('keeps an explicit secure: false, and secure: true over http', async () => {
      const off = await sessionApp({ cookie: { secure: false } }).request('https://app.test/set')
      expect(off.headers.get('Set-Cookie')).not.toContain('Secure')
      const on = await sessionApp({ cookie: { secure: true } }).request('http://app.test/set')
      expect(on.headers.get('Set-Cookie')).toContain('; Secure')
    })

    it('hostPrefix names the cookie __Host-session, Secure with Path=/ and no Domain, and reads it back', async () => {
      const browser = client(sessionApp({ hostPrefix: true }))
      const response = await browser.get('http://app.test/set')
      expect(response.headers.get('Set-Cookie')).toMatch(
        /^__Host-session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      )
      expect(await (await browser.get('http://app.test/read')).text()).toBe('ada')
    })

    it.each([
      [{ domain: 'app.test' }, 'it sets Domain=app.test'],
      [{ path: '/app' }, 'it sets Path=/app'],
      [{ secure: false }, 'it sets secure: false'],
    ])('hostPrefix refuses %j at startup', (cookie, problem) => {
      let error: unknown
      try {
        session({ secret: SECRET, hostPrefix: true, cookie })
      } catch (thrown) {
        error = thrown
      }
      expect((error as LoginManagerError).code).toBe('bad-cookie-prefix')
      expect((error as Error).message).toBe(
        `The session cookie asks for the __Host- prefix, but ${problem}, and browsers refuse a __Host- cookie unless it is Secure, has Path=/ and has no Domain. Leave domain and path out and don't set secure: false, or drop hostPrefix.`,
      )
    })
  })

  describe('a session cookie over 4,096 bytes', () => {
    function bigApp(strict?: boolean) {
      const app = new Hono()
      app.use(session({ secret: SECRET, ...(strict === undefined ? {} : { strict }) }))
      app.get('/', (c) => {
        const s = getSession(c)
        s.set('cart', 'x'.repeat(4000))
        s.set('history', 'y'.repeat(1200))
        s.set('theme', 'dark')
        s.set('note', 'z'.repeat(30))
        return c.text('ok')
      })
      app.onError((error, c) => c.text(error.message, 500))
      return app
    }

    it('is still sent, with a warning naming its size and its largest keys', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const response = await bigApp().request('/')
      const cookie = response.headers.get('Set-Cookie') ?? ''
      const size = cookie.indexOf(';')
      expect(size).toBeGreaterThan(4096)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn.mock.calls[0]?.[0]).toBe(
        `The session cookie is ${size - 1} bytes, over the 4,096 bytes browsers keep, so the browser will drop it silently and the user loses the whole session. The largest keys are "cart" (4002 bytes of JSON), "history" (1202 bytes of JSON), "note" (32 bytes of JSON). Use session({ store }) to keep sessions on the server, or keep only an id in the session and the data in your database.`,
      )
      warn.mockRestore()
    })

    it('throws a LoginManagerError in strict mode, so the response is an error, not a lost session', async () => {
      const response = await bigApp(true).request('/')
      expect(response.status).toBe(500)
      expect(response.headers.get('Set-Cookie')).toBeNull()
      expect(await response.text()).toMatch(/^The session cookie is \d+ bytes, over the 4,096/)
    })

    it('a cookie just under the limit passes without a word', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const app = new Hono()
      app.use(session({ secret: SECRET, strict: true }))
      app.get('/', (c) => (getSession(c).set('a', 'x'.repeat(2900)), c.text('ok')))
      const response = await app.request('/')
      expect(response.status).toBe(200)
      expect(warn).not.toHaveBeenCalled()
      warn.mockRestore()
    })
  })

  it('getSession(c) without session() says how to install it', async () => {
    const app = new Hono()
    app.get('/', (c) => c.text(String(getSession(c).get('x'))))
    app.onError((error) => new Response(error.message, { status: 500 }))
    expect(await (await app.request('/')).text()).toContain(
      'Install session() first: app.use(session({ secret: process.env.SESSION_SECRET }))',
    )
  })
})

describe('session values', () => {
  it('treats __proto__ as an ordinary key, from a cookie or from set()', async () => {
    const app = new Hono()
    app.use(session({ secret: SECRET }))
    app.get('/poison', (c) => {
      getSession(c).set('__proto__', { isAdmin: true })
      return c.text('ok')
    })
    app.get('/check', (c) => {
      const s = getSession(c)
      return c.json({
        keys: s.keys(),
        value: s.get('__proto__') ?? null,
        leaked: ({} as Record<string, unknown>)['isAdmin'] ?? null,
        inherited: s.get('toString') ?? null,
      })
    })
    const browser = client(app)
    await browser.get('/poison')
    expect(await (await browser.get('/check')).json()).toEqual({
      keys: ['__proto__'],
      value: { isAdmin: true },
      leaked: null,
      inherited: null,
    })
  })

  it('keeps non-ASCII text and nested values through the cookie', async () => {
    const app = new Hono()
    app.use(session({ secret: SECRET }))
    app.get(
      '/set',
      (c) => (getSession(c).set('cart', { name: 'Ünal ✓', items: [1, [2]] }), c.text('ok')),
    )
    app.get('/get', (c) => c.json(getSession(c).get('cart') ?? null))
    const browser = client(app)
    await browser.get('/set')
    expect(await (await browser.get('/get')).json()).toEqual({ name: 'Ünal ✓', items: [1, [2]] })
  })

  it('has(), delete() and modified follow the changes', async () => {
    const app = new Hono()
    app.use(session({ secret: SECRET }))
    app.get('/', (c) => {
      const s = getSession(c)
      const before = s.modified
      const deletedMissing = s.delete('nope')
      const unchanged = s.modified
      s.set('a', 1)
      return c.json({ before, deletedMissing, unchanged, has: s.has('a'), after: s.modified })
    })
    expect(await (await app.request('/')).json()).toEqual({
      before: false,
      deletedMissing: false,
      unchanged: false,
      has: true,
      after: true,
    })
  })
})

describe('flash', () => {
  /** An app with two messages flashed at /flash, and `reads` as routes that read them. */
  function flashApp(reads: Record<string, (c: Context) => unknown>) {
    const app = new Hono()
    app.use(session({ secret: SECRET }))
    app.get('/flash', (c) => {
      flash(c, 'Saved')
      flash(c, 'Careful', 'warning')
      return c.text('ok')
    })
    for (const [path, read] of Object.entries(reads)) app.get(path, (c) => c.json(read(c)))
    const browser = client(app)
    return { browser, flashTwo: () => browser.get('/flash') }
  }

  it('keeps messages for the next request and consumes them when read', async () => {
    const { browser, flashTwo } = flashApp({
      '/show': (c) => getFlashedMessages(c, { withCategories: true }),
      '/warnings': (c) => getFlashedMessages(c, { categoryFilter: ['warning'] }),
      '/plain': (c) => getFlashedMessages(c),
    })
    await flashTwo()
    expect(await (await browser.get('/warnings')).json()).toEqual(['Careful'])
    expect(await (await browser.get('/show')).json()).toEqual([['message', 'Saved']])
    expect(await (await browser.get('/plain')).json()).toEqual([])
  })

  it('keeps read messages for the rest of the request (as Flask does); the next request has none', async () => {
    const { browser, flashTwo } = flashApp({
      '/read-thrice': (c) => [
        getFlashedMessages(c),
        getFlashedMessages(c, { withCategories: true }),
        getFlashedMessages(c, { categoryFilter: ['warning'] }),
      ],
      '/plain': (c) => getFlashedMessages(c),
    })
    await flashTwo()
    expect(await (await browser.get('/read-thrice')).json()).toEqual([
      ['Saved', 'Careful'],
      [
        ['message', 'Saved'],
        ['warning', 'Careful'],
      ],
      ['Careful'],
    ])
    expect(await (await browser.get('/plain')).json()).toEqual([])
  })

  it('a filtered read takes only its categories; a later read in the same request still gets them', async () => {
    const { browser, flashTwo } = flashApp({
      '/warnings-then-all': (c) => [
        getFlashedMessages(c, { categoryFilter: ['warning'] }),
        getFlashedMessages(c),
      ],
    })
    await flashTwo()
    expect(await (await browser.get('/warnings-then-all')).json()).toEqual([
      ['Careful'],
      ['Careful', 'Saved'],
    ])
    expect(browser.jar.has('session')).toBe(false)
  })
})
