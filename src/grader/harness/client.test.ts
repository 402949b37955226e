import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { csrf } from 'hono/csrf'
import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '../verdict'
import { CheckFailure } from './checks'
import { createClient, describeHops } from './client'

/** An app that shows what it received, and sets the cookies the tests need. */
function testApp() {
  const app = new Hono()
  app.use('/form/*', csrf())
  app.get('/echo', (c) =>
    c.json({
      url: c.req.url,
      cookie: c.req.header('Cookie') ?? '',
      origin: c.req.header('Origin') ?? null,
      site: c.req.header('Sec-Fetch-Site') ?? null,
      mode: c.req.header('Sec-Fetch-Mode') ?? null,
    }),
  )
  app.post('/echo', (c) => c.text(`${c.req.header('Cookie') ?? ''}|${c.req.header('Origin')}`))
  app.post('/form/transfer', (c) => c.text(`moved, cookies: ${c.req.header('Cookie') ?? ''}`))
  app.post('/login', (c) => {
    setCookie(c, 'session', 'ada', { path: '/', httpOnly: true, sameSite: 'Lax' })
    setCookie(c, 'strict', '1', { path: '/', sameSite: 'Strict' })
    setCookie(c, 'tracker', '1', { path: '/', sameSite: 'None', secure: true })
    setCookie(c, 'prefs', 'dark', { path: '/', secure: true })
    return c.redirect('/echo', 303)
  })
  app.get('/short', (c) => {
    setCookie(c, 'short', '1', { path: '/', maxAge: 60 })
    return c.text('ok')
  })
  app.on(['POST', 'OPTIONS'], '/api', (c) => {
    if (c.req.method === 'OPTIONS' && c.req.query('cors') === 'yes') {
      c.header('Access-Control-Allow-Origin', 'https://evil.test')
      c.header('Access-Control-Allow-Credentials', 'true')
      c.header('Access-Control-Allow-Headers', 'Content-Type')
      return c.body(null, 204)
    }
    return c.text(
      c.req.method === 'OPTIONS' ? 'no CORS here' : 'api reached',
      c.req.method === 'OPTIONS' ? 200 : 200,
    )
  })
  app.get('/a', (c) => c.redirect('/b'))
  app.get('/b', (c) => c.redirect('/c'))
  app.get('/c', (c) => c.redirect('/a'))
  // A login page behind its own guard: each redirect wraps the last URL in ?next=.
  app.get('/guarded', (c) => c.redirect(`/guarded?next=${encodeURIComponent(c.req.url.slice(16))}`))
  return app
}

function setup(origin?: string, now?: () => number) {
  const app = testApp()
  const targets: string[] = []
  const timeline: TimelineEntry[] = []
  const client = createClient(
    async (target, init) => {
      targets.push(target)
      return app.request(target, init)
    },
    timeline,
    'test',
    1,
    { ...(origin ? { origin } : {}), ...(now ? { now } : {}) },
  )
  return { client, targets, timeline }
}

const echo = async (response: { body: string }) =>
  JSON.parse(response.body) as {
    url: string
    cookie: string
    origin: string | null
    site: string
    mode: string
  }

describe('createClient: origins', () => {
  it('sends paths from http://localhost, as before, and absolute URLs from any other origin', async () => {
    const local = setup()
    expect((await echo(await local.client.get('/echo'))).url).toBe('http://localhost/echo')
    expect(local.targets).toEqual(['/echo'])
    const secure = setup('https://app.test')
    expect((await echo(await secure.client.get('/echo?x=1'))).url).toBe('https://app.test/echo?x=1')
    expect(secure.targets).toEqual(['https://app.test/echo?x=1'])
    expect(secure.timeline[0]?.path).toBe('https://app.test/echo?x=1')
  })

  it('marks its own requests same-origin, and form posts carry its Origin', async () => {
    const { client } = setup('https://app.test')
    expect(await echo(await client.get('/echo'))).toMatchObject({
      site: 'same-origin',
      mode: 'navigate',
      origin: null,
    })
    expect((await client.postForm('/echo', {})).body).toBe('|https://app.test')
  })

  it('over plain http to a real host, refuses Secure cookies and records why on the timeline', async () => {
    const { client, timeline } = setup('http://app.test')
    const response = await client.postForm('/login', {})
    expect(client.cookies()).toEqual({ session: 'ada', strict: '1' })
    expect(response.cookieEvents.filter((e) => e.action === 'rejected')).toEqual([
      {
        cookie: 'tracker',
        action: 'rejected',
        reason:
          'Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)',
      },
      {
        cookie: 'prefs',
        action: 'rejected',
        reason:
          'Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)',
      },
    ])
    expect(timeline[0]?.cookieEvents).toEqual(response.cookieEvents)
  })

  it('over https (and http://localhost) keeps them', async () => {
    for (const origin of ['https://app.test', 'http://localhost']) {
      const { client } = setup(origin)
      await client.postForm('/login', {})
      expect(Object.keys(client.cookies()).sort(), origin).toEqual([
        'prefs',
        'session',
        'strict',
        'tracker',
      ])
    }
  })

  it('at() is the same browser on another origin: its cookies stay with their host', async () => {
    const { client } = setup()
    await client.postForm('/login', {})
    const other = client.at('https://app.test')
    expect((await echo(await other.get('/echo'))).cookie).toBe('')
    await other.postForm('/login', {})
    expect(client.cookieEvents().filter((e) => e.action === 'stored')).toHaveLength(8)
  })

  it('refuses an origin that is not http or https', () => {
    expect(() => setup('file:///etc')).toThrow('must be http:// or https://')
  })

  it('reads expiry against the clock it is given', async () => {
    let now = Date.UTC(2030, 0, 1)
    const { client } = setup(undefined, () => now)
    await client.get('/short')
    expect(client.cookie('short')).toBe('1')
    now += 60_000
    expect(client.cookie('short')).toBeUndefined()
  })

  it('drops a cookie the clock has expired when it sends the next request, and records why', async () => {
    let now = Date.UTC(2030, 0, 1)
    const { client, timeline } = setup(undefined, () => now)
    await client.get('/short')
    now += 59_999
    expect(JSON.parse((await client.get('/echo')).body)).toMatchObject({ cookie: 'short=1' })
    now += 1
    // Looking first must not hide the removal from the next request's record.
    expect(client.cookie('short')).toBeUndefined()
    const response = await client.get('/echo')
    expect(JSON.parse(response.body)).toMatchObject({ cookie: '' })
    const expired = {
      cookie: 'short',
      action: 'expired',
      reason: 'Expired at Tue, 01 Jan 2030 00:01:00 GMT, so the browser removed it',
    }
    expect(response.cookieEvents).toEqual([expired])
    expect(timeline.at(-1)?.cookieEvents).toEqual([expired])
    expect(client.cookieEvents().filter((e) => e.action === 'expired')).toEqual([expired])
    // Removed once: the request after that has nothing to report.
    expect((await client.get('/echo')).cookieEvents).toEqual([])
  })
})

describe('fromSite: a page on another site, in the same browser', () => {
  it('submits a form as a top-level cross-site POST: its Origin, no Lax or Strict cookies', async () => {
    const { client } = setup('https://app.test')
    await client.postForm('/login', {})
    const evil = client.fromSite('https://evil.test')
    const response = await evil.submitForm('/echo', {})
    // prefs has no SameSite and is under 2 minutes old: Chromium's Lax-allowing-unsafe lets it go.
    expect(response.body).toBe('tracker=1; prefs=dark|https://evil.test')
    expect(response.cookieEvents.find((e) => e.cookie === 'prefs')?.reason).toMatch(
      /^Sent: SameSite=Lax \(no SameSite attribute, so Chromium uses Lax\), but it was set less than 2 minutes ago/,
    )
    expect(response.cookieEvents.find((e) => e.cookie === 'session')).toEqual({
      cookie: 'session',
      action: 'withheld',
      reason:
        'Not sent: SameSite=Lax and this request is a POST from another site (https://evil.test), not a top-level GET',
    })
    // hono/csrf sees the other site's Origin and refuses.
    expect((await evil.submitForm('/form/transfer', {})).status).toBe(403)
    expect((await client.postForm('/form/transfer', {})).status).toBe(200)
  })

  it('follows a link as a top-level cross-site GET, which carries Lax cookies', async () => {
    const { client } = setup('https://app.test')
    await client.postForm('/login', {})
    const seen = await echo(await client.fromSite('https://news.test').followLink('/echo'))
    expect(seen).toMatchObject({ site: 'cross-site', mode: 'navigate', origin: null })
    expect(seen.cookie).toBe('session=ada; tracker=1; prefs=dark')
  })

  it('fetches without cookies by default, and with only SameSite=None ones when credentials are included', async () => {
    const { client } = setup('https://app.test')
    await client.postForm('/login', {})
    const evil = client.fromSite('https://evil.test')
    const plain = await echo(await evil.fetch('/echo'))
    expect(plain).toMatchObject({
      cookie: '',
      site: 'cross-site',
      mode: 'cors',
      origin: 'https://evil.test',
    })
    expect((await echo(await evil.fetch('/echo', { credentials: 'include' }))).cookie).toBe(
      'tracker=1',
    )
  })

  it('sends a preflight first for a JSON fetch, and sends nothing more unless the app allows it', async () => {
    const { client, targets, timeline } = setup('https://app.test')
    await client.postForm('/login', {})
    const evil = client.fromSite('https://evil.test')
    const json = {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'include' as const,
    }
    const refused = await evil.fetch('/api', json)
    expect(refused.status).toBe(0)
    expect(refused.blocked).toBe(
      "The browser did not send the POST: the preflight's Access-Control-Allow-Origin is missing.",
    )
    expect(timeline.at(-1)).toMatchObject({ method: 'OPTIONS', cookieSent: '' })
    const allowed = await evil.fetch('/api?cors=yes', json)
    expect(allowed.body).toBe('api reached')
    expect(targets.slice(-2)).toEqual([
      'https://app.test/api?cors=yes',
      'https://app.test/api?cors=yes',
    ])
    expect(timeline.at(-1)).toMatchObject({ method: 'POST', cookieSent: 'tracker=1' })
  })

  it('shares the jar: cookies set during a cross-site navigation are the browser’s', async () => {
    const { client } = setup('https://app.test')
    await client.fromSite('https://evil.test').submitForm('/login', {})
    expect(client.cookie('session')).toBe('ada')
  })
})

describe('redirects', () => {
  it('follows them with the jar, and the response holds the events of every hop', async () => {
    const { client, timeline } = setup()
    const response = await client.postForm('/login', {}, { followRedirects: true })
    expect(timeline.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /login', 'GET /echo'])
    expect((await echo(response)).cookie).toBe('session=ada; strict=1; tracker=1; prefs=dark')
    expect(response.cookieEvents.map((e) => e.action)).toEqual([
      ...Array<string>(4).fill('stored'),
      ...Array<string>(4).fill('sent'),
    ])
  })

  it('reports a loop in words, naming the URLs that loop', async () => {
    const { client } = setup()
    const error = await client.get('/a', { followRedirects: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckFailure)
    expect((error as Error).message).toBe(
      'The app redirects in a loop, and a browser gives up after 20 redirects: GET /a → GET /b → GET /c → GET /a → …',
    )
    expect((error as CheckFailure).hint).toBe(
      'Look at where each of those routes redirects, and at what it checks before redirecting.',
    )
  })

  it('names the path that keeps coming back when the query grows at each hop', async () => {
    const { client } = setup()
    const error = await client.get('/guarded', { followRedirects: true }).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      'The app redirects in a loop, and a browser gives up after 20 redirects: GET /guarded → GET /guarded?next=%2Fguarded → … (GET /guarded again and again, its query longer each time)',
    )
    // One path sending the browser back to itself: the hint asks what runs in front of it.
    expect((error as CheckFailure).hint).toBe(
      '/guarded keeps sending the browser back to /guarded. Its own handler never gets to answer: what runs before it for this visitor, and redirects them?',
    )
  })

  it('lists every hop of a followed chain, with its status, and puts them in words', async () => {
    const { client } = setup()
    const followed = await client.postForm('/login', {}, { followRedirects: true })
    expect(followed.hops).toEqual([
      { method: 'POST', path: '/login', status: 303 },
      { method: 'GET', path: '/echo', status: 200 },
    ])
    expect(describeHops(followed)).toBe('POST /login → 303 → GET /echo → 200')
    const single = await client.get('/nowhere')
    expect(describeHops(single)).toBe('GET /nowhere → 404')
    const long = { hops: [{ method: 'GET', path: `/login?next=${'x'.repeat(60)}`, status: 302 }] }
    expect(describeHops(long)).toBe(`GET /login?next=${'x'.repeat(35)}… → 302`)
  })
})
