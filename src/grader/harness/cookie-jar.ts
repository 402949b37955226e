/**
 * A browser's cookie jar, as RFC 6265bis describes it and Chromium implements it, which says why
 * it does what it does. Pure: no DOM, no Hono. Sites are compared as `sites.ts` explains (public
 * suffixes are out of scope).
 */
import type { CookieEvent } from '../verdict'
import { expiryOf, parseSetCookie } from './set-cookie'
import {
  defaultPath,
  domainMatches,
  fetchSite,
  isIpAddress,
  isSecureUrl,
  pathMatches,
} from './sites'

/**
 * A cookie as the jar keeps it.
 *
 * @example
 * const cookie: JarCookie = { name: 'session', value: 'abc', domain: 'localhost', hostOnly: true, path: '/', secure: false, httpOnly: true, sameSite: 'Lax', sameSiteGiven: true, expires: undefined, created: 0 }
 */
export interface JarCookie {
  name: string
  value: string
  /** The host (host-only) or the `Domain` it was set for. */
  domain: string
  /** Set without `Domain`: sent to exactly that host, not its subdomains. */
  hostOnly: boolean
  path: string
  secure: boolean
  httpOnly: boolean
  /** The rule applied; `Lax` when the cookie had none (Chromium's default). */
  sameSite: 'Strict' | 'Lax' | 'None'
  /** Whether `SameSite` was written, or `Lax` is only the default. */
  sameSiteGiven: boolean
  /** When it expires (ms since the epoch), or `undefined` for a cookie that lives until the browser closes. */
  expires: number | undefined
  /** When it was first stored (ms since the epoch); replacing keeps it. */
  created: number
}

/**
 * How a request was made, which decides what `SameSite` lets through.
 *
 * @example
 * const crossSitePost: RequestContext = { initiator: 'https://evil.test', mode: 'navigate', method: 'POST' }
 */
export interface RequestContext {
  /** The origin of the page that made the request. */
  initiator: string
  /** `navigate`: a top-level navigation (a link, a typed URL, a form submit); `cors`: a `fetch` from a page. */
  mode: 'navigate' | 'cors'
  method: string
  /** For `fetch` from another origin: whether it said `credentials: 'include'` (default true). */
  credentials?: boolean
}

/**
 * Chromium still sends a cookie that has no `SameSite` attribute on a cross-site top-level POST
 * during its first two minutes ("Lax-allowing-unsafe"), so that sign-in flows that post back from
 * another site kept working when Lax became the default. The jar models it.
 */
export const LAX_ALLOWING_UNSAFE_MS = 2 * 60 * 1000

const describeSite = (initiator: string) => `another site (${initiator})`

/**
 * A browser's cookie jar. Every decision returns (and the caller records) a `CookieEvent` with the
 * reason in plain words.
 *
 * @example
 * const jar = new CookieJar(() => Date.now())
 * const here = { initiator: 'http://localhost', mode: 'navigate', method: 'POST' } as const
 * jar.receive('session=abc; HttpOnly; SameSite=Lax', new URL('http://localhost/login'), here)
 * // { cookie: 'session', action: 'stored', reason: 'Stored: for localhost only, Path=/, HttpOnly, SameSite=Lax, until the browser closes' }
 * jar.attach(new URL('http://localhost/dashboard'), { ...here, method: 'GET' }).header // 'session=abc'
 */
export class CookieJar {
  readonly #now: () => number
  #cookies: JarCookie[] = []

  /** @param now - the clock expiry is read against */
  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  /**
   * Store, replace, delete or reject one `Set-Cookie` header, as the response to a request to
   * `url` made in `context`.
   *
   * @param header - the header's value
   * @param url - the URL of the request the response answered
   * @param context - how that request was made
   * @returns what the jar did, and why
   * @example
   * jar.receive('id=1; Secure', new URL('http://app.test/'), { initiator: 'http://app.test', mode: 'navigate', method: 'GET' })
   * // { cookie: 'id', action: 'rejected', reason: 'Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)' }
   */
  receive(header: string, url: URL, context: RequestContext): CookieEvent {
    const parsed = parseSetCookie(header)
    const guess = header.split(';')[0]?.split('=')[0]?.trim() ?? ''
    if ('error' in parsed)
      return { cookie: guess, action: 'rejected', reason: `Rejected: ${parsed.error}` }
    const reject = (reason: string): CookieEvent => ({
      cookie: parsed.name,
      action: 'rejected',
      reason: `Rejected: ${reason}`,
    })
    const host = url.hostname
    const secureOrigin = isSecureUrl(url)
    const now = this.#now()

    let domain = host
    let hostOnly = true
    if (parsed.domain !== undefined && parsed.domain !== host) {
      if (!domainMatches(host, parsed.domain))
        return reject(`Domain=${parsed.domain} does not cover the host ${host}`)
      if (!parsed.domain.includes('.') || isIpAddress(host))
        return reject(`Domain=${parsed.domain} is too broad for the host ${host}`)
      domain = parsed.domain
      hostOnly = false
    } else if (parsed.domain !== undefined) hostOnly = false
    const path = parsed.path ?? defaultPath(url.pathname)

    if (parsed.secure && !secureOrigin)
      return reject(
        'Secure cookie set over plain http (only https, or http://localhost, may set one)',
      )
    const prefix = /^__(host|secure)-/i.exec(parsed.name || parsed.value)?.[1]?.toLowerCase()
    if (prefix && !parsed.name)
      return reject(
        'a cookie with no name may not have a value that looks like a __Host- or __Secure- name',
      )
    if (prefix === 'secure' && !parsed.secure)
      return reject('a __Secure- cookie must be set with Secure')
    if (prefix === 'host') {
      if (!parsed.secure) return reject('a __Host- cookie must be set with Secure')
      if (parsed.domain !== undefined)
        return reject('a __Host- cookie may not have a Domain attribute')
      if (parsed.path !== '/') return reject('a __Host- cookie must be set with Path=/')
    }
    if (parsed.sameSite === 'None' && !parsed.secure) return reject('SameSite=None requires Secure')
    const sameSite = parsed.sameSite ?? 'Lax'
    if (
      context.mode === 'cors' &&
      fetchSite(context.initiator, url) === 'cross-site' &&
      sameSite !== 'None'
    )
      return reject(
        `SameSite=${sameSite}${parsed.sameSite ? '' : ' (the default)'} and this response answered a fetch from ${describeSite(context.initiator)}`,
      )
    if (!parsed.secure && !secureOrigin) {
      // "Leave Secure cookies alone": plain http may not shadow a Secure cookie.
      const shadowed = this.#cookies.find(
        (old) =>
          old.secure &&
          old.name === parsed.name &&
          (domainMatches(old.domain, domain) || domainMatches(domain, old.domain)) &&
          pathMatches(path, old.path),
      )
      if (shadowed)
        return reject('a Secure cookie of that name exists, and plain http may not overwrite it')
    }

    const expires = expiryOf(parsed, now)

    const index = this.#cookies.findIndex(
      (old) =>
        old.name === parsed.name &&
        old.domain === domain &&
        old.hostOnly === hostOnly &&
        old.path === path,
    )
    const old = index === -1 ? undefined : this.#cookies[index]
    if (expires !== undefined && expires <= now) {
      if (index !== -1) this.#cookies.splice(index, 1)
      const why =
        parsed.maxAge !== undefined
          ? `Max-Age=${parsed.maxAge}`
          : `Expires is in the past (${new Date(parsed.expires ?? 0).toUTCString()})`
      return {
        cookie: parsed.name,
        action: 'deleted',
        reason: old
          ? `Deleted: ${why} tells the browser to forget it`
          : `Deleted: ${why}, and there was no such cookie to forget`,
      }
    }
    const cookie: JarCookie = {
      name: parsed.name,
      value: parsed.value,
      domain,
      hostOnly,
      path,
      secure: parsed.secure,
      httpOnly: parsed.httpOnly,
      sameSite,
      sameSiteGiven: parsed.sameSite !== undefined,
      expires,
      created: old?.created ?? now,
    }
    if (old) this.#cookies[index] = cookie
    else this.#cookies.push(cookie)
    const description = describeCookie(cookie, parsed.maxAge, now)
    return old
      ? {
          cookie: cookie.name,
          action: 'replaced',
          reason: `Replaced the earlier value: ${description}`,
        }
      : { cookie: cookie.name, action: 'stored', reason: `Stored: ${description}` }
  }

  /**
   * Decide which cookies go with a request: the `Cookie` header, and for every cookie of the
   * request's host, sent or withheld and why. Expired cookies are removed on the way.
   *
   * @param url - the request's URL
   * @param context - how the request was made
   * @returns the header (`''` when none) and the events
   * @example
   * const { header, events } = jar.attach(new URL('https://app.test/transfer'), { initiator: 'https://evil.test', mode: 'navigate', method: 'POST' })
   */
  attach(url: URL, context: RequestContext): { header: string; events: CookieEvent[] } {
    const events: CookieEvent[] = [...this.#expire(url.hostname)]
    const site = fetchSite(context.initiator, url)
    const crossSite = site === 'cross-site'
    const secure = isSecureUrl(url)
    const now = this.#now()
    const sent: JarCookie[] = []
    for (const cookie of this.#cookies) {
      if (!this.#covers(cookie, url.hostname)) continue
      const withhold = (reason: string) =>
        events.push({ cookie: cookie.name, action: 'withheld', reason: `Not sent: ${reason}` })
      if (!pathMatches(url.pathname, cookie.path)) {
        withhold(`Path=${cookie.path} does not cover ${url.pathname}`)
        continue
      }
      if (cookie.secure && !secure) {
        withhold('Secure cookie and this request is plain http')
        continue
      }
      if (context.mode === 'cors' && site !== 'same-origin' && context.credentials === false) {
        withhold("a fetch from another origin sends cookies only with credentials: 'include'")
        continue
      }
      const rule = `SameSite=${cookie.sameSite}${cookie.sameSiteGiven ? '' : ' (no SameSite attribute, so Chromium uses Lax)'}`
      let reason: string
      if (site === 'same-origin') reason = 'the request came from the same origin'
      else if (!crossSite) reason = `the request came from the same site (${context.initiator})`
      else if (cookie.sameSite === 'None')
        reason = 'SameSite=None lets requests from other sites carry it'
      else if (cookie.sameSite === 'Strict') {
        withhold(`${rule} and this request came from ${describeSite(context.initiator)}`)
        continue
      } else if (context.mode === 'cors') {
        withhold(
          `${rule} and this is a fetch from ${describeSite(context.initiator)}, not a top-level navigation`,
        )
        continue
      } else if (context.method === 'GET' || context.method === 'HEAD')
        reason = `${rule} allows a top-level GET navigation from another site`
      else if (!cookie.sameSiteGiven && now - cookie.created < LAX_ALLOWING_UNSAFE_MS)
        reason = `${rule}, but it was set less than 2 minutes ago, and Chromium still sends such a cookie with a top-level ${context.method} from another site`
      else {
        withhold(
          `${rule} and this request is a ${context.method} from ${describeSite(context.initiator)}, not a top-level GET`,
        )
        continue
      }
      sent.push(cookie)
      events.push({ cookie: cookie.name, action: 'sent', reason: `Sent: ${reason}` })
    }
    sent.sort((a, b) => b.path.length - a.path.length || a.created - b.created)
    return {
      header: sent.map(({ name, value }) => (name ? `${name}=${value}` : value)).join('; '),
      events,
    }
  }

  /**
   * The live cookies a host would see (any path), longest path first.
   *
   * @param host - the hostname
   * @returns the cookies, expired ones left out (they are removed, and the removal recorded, when
   *   the next request is sent: looking must not hide that event)
   * @example
   * jar.cookiesFor('localhost').map((cookie) => cookie.name) // ['session']
   */
  cookiesFor(host: string): JarCookie[] {
    const now = this.#now()
    return this.#cookies
      .filter(
        (cookie) =>
          this.#covers(cookie, host) && (cookie.expires === undefined || cookie.expires > now),
      )
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created)
  }

  /**
   * Put a cookie in by hand, as someone editing their browser's storage would: the value of the
   * host's cookie of that name changes and its attributes stay; a new one is host-only, `Path=/`,
   * with Chromium's defaults.
   *
   * @param host - the hostname
   * @param name - the cookie's name
   * @param value - the new value
   * @example
   * jar.put('localhost', 'session', 'forged')
   */
  put(host: string, name: string, value: string): void {
    const existing = this.cookiesFor(host).filter((cookie) => cookie.name === name)
    if (existing.length) for (const cookie of existing) cookie.value = value
    else
      this.#cookies.push({
        name,
        value,
        domain: host,
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'Lax',
        sameSiteGiven: false,
        expires: undefined,
        created: this.#now(),
      })
  }

  /**
   * Remove every cookie of that name the host would see.
   *
   * @param host - the hostname
   * @param name - the cookie's name
   * @example
   * jar.remove('localhost', 'session')
   */
  remove(host: string, name: string): void {
    this.#cookies = this.#cookies.filter(
      (cookie) => cookie.name !== name || !this.#covers(cookie, host),
    )
  }

  #covers(cookie: JarCookie, host: string) {
    return cookie.hostOnly ? cookie.domain === host : domainMatches(host, cookie.domain)
  }

  /** Remove expired cookies; report those the host would have seen. */
  #expire(host: string): CookieEvent[] {
    const now = this.#now()
    const events: CookieEvent[] = []
    this.#cookies = this.#cookies.filter((cookie) => {
      if (cookie.expires === undefined || cookie.expires > now) return true
      if (this.#covers(cookie, host))
        events.push({
          cookie: cookie.name,
          action: 'expired',
          reason: `Expired at ${new Date(cookie.expires).toUTCString()}, so the browser removed it`,
        })
      return false
    })
    return events
  }
}

/** A stored cookie's attributes, in words: "for localhost only, Path=/, HttpOnly, SameSite=Lax, until …". */
function describeCookie(cookie: JarCookie, maxAge: number | undefined, now: number): string {
  const parts = [
    cookie.hostOnly ? `for ${cookie.domain} only` : `for ${cookie.domain} and its subdomains`,
    `Path=${cookie.path}`,
  ]
  if (cookie.secure) parts.push('Secure')
  if (cookie.httpOnly) parts.push('HttpOnly')
  parts.push(
    cookie.sameSiteGiven
      ? `SameSite=${cookie.sameSite}`
      : 'SameSite=Lax (no SameSite attribute, so Chromium uses Lax)',
  )
  if (cookie.expires === undefined) parts.push('until the browser closes')
  else {
    const until = new Date(cookie.expires).toUTCString()
    // Max-Age is exact; Expires is a date, read against a clock that has moved on by a fraction.
    parts.push(
      maxAge === undefined
        ? `until ${until} (about ${describeDuration(cookie.expires - now, true)})`
        : `for ${describeDuration(cookie.expires - now, false)} (until ${until})`,
    )
  }
  return parts.join(', ')
}

/**
 * A duration in the largest unit that fits: exactly ("90 seconds", "14 days") or rounded ("365 days").
 *
 * @param ms - the duration
 * @param rounded - round to the largest unit (otherwise only a whole count of a unit is used)
 * @returns the duration in words
 * @example
 * describeDuration(3_600_000, false) // '1 hour'
 * describeDuration(90_000, false) // '90 seconds'
 */
export function describeDuration(ms: number, rounded: boolean): string {
  const seconds = ms / 1000
  for (const [unit, size] of [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ] as const) {
    const count = seconds / size
    if (count >= 1 && (rounded || Number.isInteger(count))) {
      const whole = Math.round(count)
      return `${whole} ${unit}${whole === 1 ? '' : 's'}`
    }
  }
  return `${Math.round(seconds)} seconds`
}
