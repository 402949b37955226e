import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CookieJar, LAX_ALLOWING_UNSAFE_MS, type RequestContext } from './cookie-jar'

const T0 = Date.UTC(2030, 0, 1)

/** A jar with a clock the test moves. */
function jarWithClock() {
  let now = T0
  const jar = new CookieJar(() => now)
  return { jar, advance: (ms: number) => (now += ms) }
}

const own = (origin: string, method = 'GET'): RequestContext => ({
  initiator: origin,
  mode: 'navigate',
  method,
})
const set = (jar: CookieJar, header: string, url: string, context = own(new URL(url).origin)) =>
  jar.receive(header, new URL(url), context)
const sentTo = (jar: CookieJar, url: string, context = own(new URL(url).origin)) =>
  jar.attach(new URL(url), context)

describe('CookieJar: Secure', () => {
  it('refuses a Secure cookie over plain http, but takes it from https and from http://localhost', () => {
    const { jar } = jarWithClock()
    expect(set(jar, 'id=1; Secure', 'http://app.test/login')).toEqual({
      cookie: 'id',
      action: 'rejected',
      reason:
        'Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)',
    })
    expect(set(jar, 'id=1; Secure', 'https://app.test/login').action).toBe('stored')
    expect(set(jar, 'id=1; Secure', 'http://localhost/login').action).toBe('stored')
  })

  it('never sends a Secure cookie over plain http to another host', () => {
    const { jar } = jarWithClock()
    set(jar, 'id=1; Secure; Domain=app.test', 'https://app.test/')
    expect(sentTo(jar, 'http://app.test/').events).toEqual([
      {
        cookie: 'id',
        action: 'withheld',
        reason: 'Not sent: Secure cookie and this request is plain http',
      },
    ])
    expect(sentTo(jar, 'https://app.test/').header).toBe('id=1')
  })

  it('does not let plain http overwrite a Secure cookie of the same name', () => {
    const { jar } = jarWithClock()
    set(jar, 'id=secret; Secure; Path=/', 'https://app.test/')
    expect(set(jar, 'id=forged; Path=/', 'http://app.test/').reason).toBe(
      'Rejected: a Secure cookie of that name exists, and plain http may not overwrite it',
    )
    expect(sentTo(jar, 'https://app.test/').header).toBe('id=secret')
  })
})

describe('CookieJar: prefixes', () => {
  const cases: [string, string, string][] = [
    ['__Host-id=1; Secure; Path=/', 'https://app.test/', 'stored'],
    [
      '__Host-id=1; Path=/',
      'https://app.test/',
      'Rejected: a __Host- cookie must be set with Secure',
    ],
    [
      '__Host-id=1; Secure',
      'https://app.test/login',
      'Rejected: a __Host- cookie must be set with Path=/',
    ],
    [
      '__Host-id=1; Secure; Path=/; Domain=app.test',
      'https://app.test/',
      'Rejected: a __Host- cookie may not have a Domain attribute',
    ],
    [
      '__host-id=1; Secure',
      'https://app.test/',
      'Rejected: a __Host- cookie must be set with Path=/',
    ],
    [
      '__Host-id=1; Secure; Path=/',
      'http://app.test/',
      'Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)',
    ],
    ['__Secure-id=1; Secure', 'https://app.test/', 'stored'],
    ['__Secure-id=1', 'https://app.test/', 'Rejected: a __Secure- cookie must be set with Secure'],
    [
      '__Secure-id=1; Secure',
      'http://app.test/',
      'Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)',
    ],
    [
      '=__Host-id=1; Secure; Path=/',
      'https://app.test/',
      'Rejected: a cookie with no name may not have a value that looks like a __Host- or __Secure- name',
    ],
  ]
  it.each(cases)('%s from %s: %s', (header, url, outcome) => {
    const event = set(new CookieJar(), header, url)
    expect(outcome === 'stored' ? event.action : event.reason).toBe(outcome)
  })
})

describe('CookieJar: SameSite', () => {
  const app = 'https://app.test'
  const evil = 'https://evil.test'
  const storeAll = (jar: CookieJar) => {
    for (const header of [
      'strict=1; SameSite=Strict',
      'lax=1; SameSite=Lax',
      'none=1; SameSite=None; Secure',
      'unset=1',
    ])
      set(jar, header, `${app}/`)
  }
  const names = (jar: CookieJar, context: RequestContext) =>
    jar
      .attach(new URL(`${app}/x`), context)
      .header.split('; ')
      .filter(Boolean)
      .sort()

  it('refuses SameSite=None without Secure', () => {
    expect(set(new CookieJar(), 'a=1; SameSite=None', `${app}/`).reason).toBe(
      'Rejected: SameSite=None requires Secure',
    )
  })

  it('sends every cookie on a same-site request, of any kind', () => {
    const { jar } = jarWithClock()
    storeAll(jar)
    for (const context of [
      own(app, 'POST'),
      { initiator: 'https://www.app.test', mode: 'cors', method: 'POST' } as const,
    ])
      expect(names(jar, context)).toEqual(['lax=1', 'none=1', 'strict=1', 'unset=1'])
  })

  it('sends Lax but not Strict on a cross-site top-level GET', () => {
    const { jar } = jarWithClock()
    storeAll(jar)
    const { events } = jar.attach(new URL(`${app}/x`), own(evil))
    expect(names(jar, own(evil))).toEqual(['lax=1', 'none=1', 'unset=1'])
    expect(events.find((e) => e.cookie === 'strict')?.reason).toBe(
      'Not sent: SameSite=Strict and this request came from another site (https://evil.test)',
    )
    expect(events.find((e) => e.cookie === 'lax')?.reason).toBe(
      'Sent: SameSite=Lax allows a top-level GET navigation from another site',
    )
  })

  it('sends only None on a cross-site form POST, once the Lax-by-default cookie is 2 minutes old', () => {
    const { jar, advance } = jarWithClock()
    storeAll(jar)
    // Chromium's "Lax-allowing-unsafe": a cookie without SameSite still goes for 2 minutes.
    expect(names(jar, own(evil, 'POST'))).toEqual(['none=1', 'unset=1'])
    advance(LAX_ALLOWING_UNSAFE_MS)
    const { events } = jar.attach(new URL(`${app}/x`), own(evil, 'POST'))
    expect(names(jar, own(evil, 'POST'))).toEqual(['none=1'])
    expect(events.find((e) => e.cookie === 'lax')?.reason).toBe(
      'Not sent: SameSite=Lax and this request is a POST from another site (https://evil.test), not a top-level GET',
    )
    expect(events.find((e) => e.cookie === 'unset')?.reason).toBe(
      'Not sent: SameSite=Lax (no SameSite attribute, so Chromium uses Lax) and this request is a POST from another site (https://evil.test), not a top-level GET',
    )
  })

  it('sends only None on a cross-site fetch, and only with credentials', () => {
    const { jar } = jarWithClock()
    storeAll(jar)
    const fetchFromEvil = { initiator: evil, mode: 'cors', method: 'GET' } as const
    expect(names(jar, fetchFromEvil)).toEqual(['none=1'])
    const { events } = jar.attach(new URL(`${app}/x`), { ...fetchFromEvil, credentials: false })
    expect(events.every((e) => e.action === 'withheld')).toBe(true)
    expect(events.find((e) => e.cookie === 'none')?.reason).toBe(
      "Not sent: a fetch from another origin sends cookies only with credentials: 'include'",
    )
  })

  it('treats http and https of one host as different sites (schemeful)', () => {
    const { jar } = jarWithClock()
    set(jar, 'strict=1; SameSite=Strict', 'http://app.test/')
    expect(sentTo(jar, 'http://app.test/', own('https://app.test')).header).toBe('')
  })

  it('refuses Lax and Strict cookies set by the answer to a cross-site fetch', () => {
    const fromEvil = { initiator: evil, mode: 'cors', method: 'GET' } as const
    expect(set(new CookieJar(), 'a=1', `${app}/`, fromEvil).reason).toBe(
      'Rejected: SameSite=Lax (the default) and this response answered a fetch from another site (https://evil.test)',
    )
    expect(set(new CookieJar(), 'a=1; SameSite=None; Secure', `${app}/`, fromEvil).action).toBe(
      'stored',
    )
    expect(set(new CookieJar(), 'a=1; SameSite=Strict', `${app}/`, own(evil, 'POST')).action).toBe(
      'stored',
    )
  })

  it('never sends a Strict cookie cross-site, whatever the kind of request', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('navigate' as const, 'cors' as const),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.boolean(),
        (mode, method, credentials) => {
          const jar = new CookieJar(() => T0)
          set(jar, 'a=1; SameSite=Strict', `${app}/`)
          const { header, events } = sentTo(jar, `${app}/`, {
            initiator: evil,
            mode,
            method,
            credentials,
          })
          expect(header).toBe('')
          expect(events).toHaveLength(1)
          expect(events[0]?.action).toBe('withheld')
        },
      ),
    )
  })
})

describe('CookieJar: Path and Domain', () => {
  it('gives a cookie without Path the directory of the request, and withholds it elsewhere', () => {
    const { jar } = jarWithClock()
    expect(set(jar, 'a=1', 'http://localhost/account/login').reason).toContain('Path=/account,')
    expect(sentTo(jar, 'http://localhost/account/settings').header).toBe('a=1')
    expect(sentTo(jar, 'http://localhost/dashboard').events).toEqual([
      {
        cookie: 'a',
        action: 'withheld',
        reason: 'Not sent: Path=/account does not cover /dashboard',
      },
    ])
  })

  it('sends the longer path first', () => {
    const { jar } = jarWithClock()
    set(jar, 'a=root; Path=/', 'http://localhost/')
    set(jar, 'a=deep; Path=/admin', 'http://localhost/')
    expect(sentTo(jar, 'http://localhost/admin/users').header).toBe('a=deep; a=root')
  })

  it('keeps a cookie without Domain to its host, and one with Domain to the domain and below', () => {
    const { jar } = jarWithClock()
    set(jar, 'hostonly=1', 'https://app.test/')
    set(jar, 'wide=1; Domain=app.test', 'https://www.app.test/')
    expect(sentTo(jar, 'https://app.test/').header).toBe('hostonly=1; wide=1')
    expect(sentTo(jar, 'https://api.app.test/').header).toBe('wide=1')
    expect(sentTo(jar, 'https://evil.test/').header).toBe('')
  })

  it('refuses a Domain that does not cover the host, or a bare top-level domain', () => {
    expect(set(new CookieJar(), 'a=1; Domain=evil.test', 'https://app.test/').reason).toBe(
      'Rejected: Domain=evil.test does not cover the host app.test',
    )
    expect(set(new CookieJar(), 'a=1; Domain=www.app.test', 'https://app.test/').action).toBe(
      'rejected',
    )
    expect(set(new CookieJar(), 'a=1; Domain=test', 'https://app.test/').reason).toBe(
      'Rejected: Domain=test is too broad for the host app.test',
    )
  })

  it('replaces a cookie only with the same name, domain and path', () => {
    const { jar } = jarWithClock()
    set(jar, 'a=1; Path=/', 'http://localhost/')
    expect(set(jar, 'a=2; Path=/', 'http://localhost/')).toMatchObject({ action: 'replaced' })
    expect(set(jar, 'a=3; Path=/other', 'http://localhost/')).toMatchObject({ action: 'stored' })
    expect(jar.cookiesFor('localhost').map((c) => c.value)).toEqual(['3', '2'])
  })
})

describe('CookieJar: expiry', () => {
  it('lets Max-Age win over Expires, whatever their order', () => {
    const { jar, advance } = jarWithClock()
    set(
      jar,
      `a=1; Max-Age=60; Expires=${new Date(T0 + 3_600_000).toUTCString()}`,
      'http://localhost/',
    )
    set(jar, `b=1; Expires=${new Date(T0 - 1000).toUTCString()}; Max-Age=60`, 'http://localhost/')
    advance(59_000)
    expect(sentTo(jar, 'http://localhost/').header).toBe('a=1; b=1')
    advance(1000)
    expect(sentTo(jar, 'http://localhost/').events).toEqual([
      {
        cookie: 'a',
        action: 'expired',
        reason: 'Expired at Tue, 01 Jan 2030 00:01:00 GMT, so the browser removed it',
      },
      {
        cookie: 'b',
        action: 'expired',
        reason: 'Expired at Tue, 01 Jan 2030 00:01:00 GMT, so the browser removed it',
      },
    ])
    expect(jar.cookiesFor('localhost')).toEqual([])
  })

  it('hides an expired cookie from a look, and removes it (recording why) on the next send', () => {
    const { jar, advance } = jarWithClock()
    set(jar, 'a=1; Max-Age=60', 'http://localhost/')
    advance(60_000)
    expect(jar.cookiesFor('localhost')).toEqual([])
    expect(sentTo(jar, 'http://localhost/')).toEqual({
      header: '',
      events: [
        {
          cookie: 'a',
          action: 'expired',
          reason: 'Expired at Tue, 01 Jan 2030 00:01:00 GMT, so the browser removed it',
        },
      ],
    })
    expect(sentTo(jar, 'http://localhost/').events).toEqual([])
  })

  it('deletes with Max-Age=0 or a past Expires, and says so', () => {
    const { jar } = jarWithClock()
    set(jar, 'a=1', 'http://localhost/')
    set(jar, 'b=1', 'http://localhost/')
    expect(set(jar, 'a=; Max-Age=0', 'http://localhost/').reason).toBe(
      'Deleted: Max-Age=0 tells the browser to forget it',
    )
    expect(
      set(jar, 'b=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'http://localhost/').reason,
    ).toBe(
      'Deleted: Expires is in the past (Thu, 01 Jan 1970 00:00:00 GMT) tells the browser to forget it',
    )
    expect(set(jar, 'c=; Max-Age=0', 'http://localhost/')).toEqual({
      cookie: 'c',
      action: 'deleted',
      reason: 'Deleted: Max-Age=0, and there was no such cookie to forget',
    })
    expect(jar.cookiesFor('localhost')).toEqual([])
  })

  it('caps a lifetime at 400 days, as Chromium does', () => {
    const { jar } = jarWithClock()
    expect(set(jar, `a=1; Max-Age=${10 * 365 * 86_400}`, 'http://localhost/').reason).toContain(
      'for 400 days',
    )
  })

  it('keeps a cookie exactly as long as its Max-Age, for any Max-Age and any wait', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (maxAge, wait) => {
          const { jar, advance } = jarWithClock()
          set(jar, `a=1; Max-Age=${maxAge}`, 'http://localhost/')
          advance(wait * 1000)
          expect(sentTo(jar, 'http://localhost/').header).toBe(
            maxAge > 0 && wait < maxAge ? 'a=1' : '',
          )
        },
      ),
    )
  })
})

describe('CookieJar: size and description', () => {
  it('drops a cookie over 4,096 bytes and records the size', () => {
    expect(set(new CookieJar(), `big=${'x'.repeat(5000)}`, 'http://localhost/')).toEqual({
      cookie: 'big',
      action: 'rejected',
      reason: 'Rejected: its name and value are 5,003 bytes, over the 4,096-byte limit',
    })
  })

  it('describes what it stored in words', () => {
    const { jar, advance } = jarWithClock()
    expect(
      set(jar, 'session=abc; Path=/; HttpOnly; SameSite=Lax', 'http://localhost/login').reason,
    ).toBe('Stored: for localhost only, Path=/, HttpOnly, SameSite=Lax, until the browser closes')
    expect(
      set(jar, 'r=1; Domain=app.test; Secure; Max-Age=1209600', 'https://app.test/').reason,
    ).toBe(
      'Stored: for app.test and its subdomains, Path=/, Secure, SameSite=Lax (no SameSite attribute, so Chromium uses Lax), for 14 days (until Tue, 15 Jan 2030 00:00:00 GMT)',
    )
    // Expires is a date: the duration is rounded, since the clock has moved on since it was written.
    advance(400)
    expect(set(jar, 'e=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT', 'http://localhost/').reason).toBe(
      'Stored: for localhost only, Path=/, SameSite=Lax (no SameSite attribute, so Chromium uses Lax), until Wed, 01 Jan 2031 00:00:00 GMT (about 365 days)',
    )
    expect(set(jar, 'm=1; Max-Age=90', 'http://localhost/').reason).toContain('for 90 seconds')
  })

  it('stores any cookie a same-origin https response sets, then sends exactly it back', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_.~-]{1,40}$/)
    fc.assert(
      fc.property(token, token, (name, value) => {
        const jar = new CookieJar(() => T0)
        const event = set(jar, `${name}=${value}; Path=/; Secure; HttpOnly`, 'https://app.test/')
        if (/^__host-/i.test(name)) return
        expect(event.action).toBe('stored')
        expect(sentTo(jar, 'https://app.test/any/path').header).toBe(`${name}=${value}`)
      }),
    )
  })
})

describe('CookieJar: by hand', () => {
  it('changes the value of the cookie the host would see and keeps its attributes', () => {
    const { jar } = jarWithClock()
    set(jar, 'session=real; HttpOnly; SameSite=Strict; Path=/', 'http://localhost/')
    jar.put('localhost', 'session', 'forged')
    expect(jar.cookiesFor('localhost')).toMatchObject([
      { value: 'forged', httpOnly: true, sameSite: 'Strict' },
    ])
    jar.put('localhost', 'other', '1')
    jar.remove('localhost', 'session')
    expect(jar.cookiesFor('localhost').map((c) => c.name)).toEqual(['other'])
  })
})
