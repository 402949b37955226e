import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CookieJar } from './cookie-jar'
import {
  expiryOf,
  MAX_COOKIE_AGE_MS,
  parseCookieDate,
  parseSetCookie,
  storeCookies,
} from './set-cookie'
import { defaultPath, domainMatches, fetchSite, isSecureUrl, pathMatches, siteOf } from './sites'

describe('parseSetCookie', () => {
  it('reads the name, the value and every attribute', () => {
    expect(
      parseSetCookie(
        'session=abc.def; Path=/app; Domain=.Example.TEST; Secure; HttpOnly; SameSite=strict; Max-Age=60; Expires=Thu, 01 Jan 2037 00:00:00 GMT',
      ),
    ).toEqual({
      name: 'session',
      value: 'abc.def',
      path: '/app',
      domain: 'example.test',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
      maxAge: 60,
      expires: Date.UTC(2037, 0, 1),
    })
  })

  it('keeps the last of a repeated attribute, and drops the ones it cannot read', () => {
    const parsed = parseSetCookie('a=1; SameSite=None; SameSite=Lax; Max-Age=ten; Path=relative')
    expect(parsed).toEqual({
      name: 'a',
      value: '1',
      secure: false,
      httpOnly: false,
      sameSite: 'Lax',
    })
    expect(parseSetCookie('a=1; SameSite=Lax; SameSite=sometimes')).not.toHaveProperty('sameSite')
  })

  it('treats a header without "=" as a cookie with no name', () => {
    expect(parseSetCookie('justavalue')).toMatchObject({ name: '', value: 'justavalue' })
  })

  it('refuses an empty header, control characters and a name and value over 4,096 bytes', () => {
    expect(parseSetCookie(' = ')).toEqual({ error: 'the header has no name and no value' })
    expect(parseSetCookie('a=b\x01c')).toEqual({ error: 'the header contains a control character' })
    expect(parseSetCookie(`big=${'x'.repeat(4093)}`)).toMatchObject({ name: 'big' })
    expect(parseSetCookie(`big=${'x'.repeat(4094)}`)).toEqual({
      error: 'its name and value are 4,097 bytes, over the 4,096-byte limit',
    })
    // Bytes, not characters: "é" is two bytes in UTF-8.
    expect(parseSetCookie(`big=${'é'.repeat(2047)}`)).toHaveProperty('error')
  })

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => {
        const parsed = parseSetCookie(header)
        expect('error' in parsed || typeof parsed.name === 'string').toBe(true)
      }),
    )
  })
})

describe('parseCookieDate', () => {
  it('reads back every date written as an HTTP date', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1601, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const seconds = Math.floor(ms / 1000) * 1000
        expect(parseCookieDate(new Date(seconds).toUTCString())).toBe(seconds)
      }),
    )
  })

  it('accepts the old formats and two-digit years, and refuses what is not a date', () => {
    expect(parseCookieDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37))
    expect(parseCookieDate('Sun Nov  6 08:49:37 2030')).toBe(Date.UTC(2030, 10, 6, 8, 49, 37))
    expect(parseCookieDate('tomorrow')).toBeUndefined()
    expect(parseCookieDate('31 Feb 2030 00:00:00')).toBeUndefined()
    expect(parseCookieDate('01 Jan 2030 25:00:00')).toBeUndefined()
  })
})

describe('sites', () => {
  it('counts https and loopback hosts as secure, and plain http elsewhere as not', () => {
    for (const url of [
      'https://app.test',
      'http://localhost',
      'http://a.localhost',
      'http://127.0.0.1:8080',
      'http://[::1]',
    ])
      expect(isSecureUrl(new URL(url)), url).toBe(true)
    for (const url of ['http://app.test', 'http://localhost.evil.test', 'http://10.0.0.1'])
      expect(isSecureUrl(new URL(url)), url).toBe(false)
  })

  it('compares sites by scheme and the last two labels of the host', () => {
    expect(siteOf(new URL('https://a.b.example.test:8443/x'))).toBe('https://example.test')
    expect(fetchSite('https://app.test', new URL('https://app.test/x'))).toBe('same-origin')
    expect(fetchSite('https://www.app.test', new URL('https://api.app.test/x'))).toBe('same-site')
    expect(fetchSite('http://app.test', new URL('https://app.test/x'))).toBe('cross-site')
    expect(fetchSite('https://evil.test', new URL('https://app.test/x'))).toBe('cross-site')
  })

  it('matches domains and paths as RFC 6265bis says', () => {
    expect(domainMatches('www.app.test', 'app.test')).toBe(true)
    expect(domainMatches('evilapp.test', 'app.test')).toBe(false)
    expect(domainMatches('1.2.3.4', '2.3.4')).toBe(false)
    expect(pathMatches('/admin', '/admin')).toBe(true)
    expect(pathMatches('/admin/users', '/admin/')).toBe(true)
    expect(pathMatches('/administrator', '/admin')).toBe(false)
    expect(defaultPath('/a/b/c')).toBe('/a/b')
    expect(defaultPath('/a')).toBe('/')
  })

  it('path-matches every path below a cookie path, and its default path covers the request', () => {
    const segment = fc.stringMatching(/^[a-z]{1,5}$/)
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.array(segment, { maxLength: 3 }),
        (base, rest) => {
          const cookiePath = `/${base.join('/')}`
          const below = `${cookiePath === '/' ? '' : cookiePath}/${rest.join('/')}`
          expect(pathMatches(below, cookiePath)).toBe(true)
          expect(pathMatches(below, defaultPath(below))).toBe(true)
        },
      ),
    )
  })
})

describe('expiryOf and storeCookies', () => {
  const parsed = (header: string) => {
    const cookie = parseSetCookie(header)
    if ('error' in cookie) throw new Error(cookie.error)
    return cookie
  }

  it('lets Max-Age win over Expires, deletes at zero or below, and caps at 400 days', () => {
    const now = Date.UTC(2026, 0, 1)
    expect(expiryOf(parsed('a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT'), now)).toBe(
      now + 60_000,
    )
    expect(expiryOf(parsed('a=1; Max-Age=0'), now)).toBe(-Infinity)
    expect(expiryOf(parsed('a=1; Max-Age=-5'), now)).toBe(-Infinity)
    expect(expiryOf(parsed('a=1; Max-Age=999999999'), now)).toBe(now + MAX_COOKIE_AGE_MS)
    expect(expiryOf(parsed('a=1'), now)).toBeUndefined()
  })

  it('keeps exactly the cookies the full jar keeps, for any mix of lifetimes', () => {
    const lifetime = fc.oneof(
      fc.constant(''),
      fc.integer({ min: -3, max: 3 }).map((n) => `; Max-Age=${n}`),
      fc
        .integer({ min: -3, max: 3 })
        .map((days) => `; Expires=${new Date(Date.UTC(2026, 0, 1 + days)).toUTCString()}`),
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), lifetime), { maxLength: 8 }),
        (cookies) => {
          const now = Date.UTC(2026, 0, 1, 12)
          const headers = cookies.map(([name, rest], index) => `${name}=${index}; Path=/${rest}`)
          const map = new Map<string, string>()
          storeCookies(map, headers, now)
          const jar = new CookieJar(() => now)
          const url = new URL('http://app.test/')
          const context = { initiator: url.origin, mode: 'navigate', method: 'GET' } as const
          for (const header of headers) jar.receive(header, url, context)
          const kept = Object.fromEntries(
            jar.cookiesFor('app.test').map((cookie) => [cookie.name, cookie.value]),
          )
          expect(Object.fromEntries(map)).toEqual(kept)
        },
      ),
    )
  })
})
