/**
 * Parsing a `Set-Cookie` header the way RFC 6265bis section 5.6 says (and Chromium does): never
 * throws, ignores attributes it cannot read, and says why when the whole header must be ignored.
 * Pure: no DOM, no Hono.
 */

/** Chromium's cap on a cookie's lifetime, `Max-Age` or `Expires` alike: 400 days. */
export const MAX_COOKIE_AGE_MS = 400 * 24 * 60 * 60 * 1000

/** The most bytes a cookie's name and value may have together. */
export const MAX_NAME_VALUE_BYTES = 4096

/** The most bytes an attribute's value may have; a longer one is ignored. */
const MAX_ATTRIBUTE_BYTES = 1024

/**
 * A `Set-Cookie` header, read.
 *
 * @example
 * const parsed: ParsedSetCookie = parseSetCookie('session=abc; Path=/; HttpOnly')
 */
export interface ParsedSetCookie {
  name: string
  value: string
  /** `Domain`, lower case without a leading dot, when given and not empty. */
  domain?: string
  /** `Path`, when given and starting with `/`. */
  path?: string
  secure: boolean
  httpOnly: boolean
  /** `SameSite` as written, or `undefined` when absent or not one of the three values. */
  sameSite?: 'Strict' | 'Lax' | 'None'
  /** `Max-Age` in seconds, when it is a valid integer. */
  maxAge?: number
  /** `Expires` in milliseconds since the epoch, when it is a valid cookie date. */
  expires?: number
}

/**
 * Why a header was ignored as a whole, in words for the learner.
 *
 * @example
 * const failure: ParseFailure = { error: 'the header has no name and no value' }
 */
export interface ParseFailure {
  error: string
}

const byteLength = (text: string) => new TextEncoder().encode(text).length
// Control characters other than tab make Chromium refuse the whole header.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/
const trim = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, '')

/**
 * Parse a `Set-Cookie` header (RFC 6265bis 5.6). The last of a repeated attribute wins.
 *
 * @param header - one `Set-Cookie` header's value
 * @returns the cookie, or why the header is ignored
 * @example
 * parseSetCookie('id=7; Max-Age=60; SameSite=Strict') // { name: 'id', value: '7', maxAge: 60, sameSite: 'Strict', … }
 * parseSetCookie('=') // { error: 'the header has no name and no value' }
 */
export function parseSetCookie(header: string): ParsedSetCookie | ParseFailure {
  if (CONTROL.test(header)) return { error: 'the header contains a control character' }
  const semicolon = header.indexOf(';')
  const pair = semicolon === -1 ? header : header.slice(0, semicolon)
  const eq = pair.indexOf('=')
  const name = eq === -1 ? '' : trim(pair.slice(0, eq))
  const value = trim(eq === -1 ? pair : pair.slice(eq + 1))
  if (name === '' && value === '') return { error: 'the header has no name and no value' }
  const size = byteLength(name) + byteLength(value)
  if (size > MAX_NAME_VALUE_BYTES)
    return {
      error: `its name and value are ${size.toLocaleString('en')} bytes, over the ${MAX_NAME_VALUE_BYTES.toLocaleString('en')}-byte limit`,
    }
  const cookie: ParsedSetCookie = { name, value, secure: false, httpOnly: false }
  const attributes = semicolon === -1 ? [] : header.slice(semicolon + 1).split(';')
  for (const attribute of attributes) {
    const at = attribute.indexOf('=')
    const key = trim(at === -1 ? attribute : attribute.slice(0, at)).toLowerCase()
    const text = at === -1 ? '' : trim(attribute.slice(at + 1))
    if (byteLength(text) > MAX_ATTRIBUTE_BYTES) continue
    if (key === 'expires') {
      const date = parseCookieDate(text)
      if (date !== undefined) cookie.expires = date
    } else if (key === 'max-age') {
      if (/^-?\d+$/.test(text)) cookie.maxAge = Number(text)
    } else if (key === 'domain') {
      const domain = text.replace(/^\./, '').toLowerCase()
      if (domain) cookie.domain = domain
      else delete cookie.domain
    } else if (key === 'path') {
      if (text.startsWith('/')) cookie.path = text
      else delete cookie.path
    } else if (key === 'secure') cookie.secure = true
    else if (key === 'httponly') cookie.httpOnly = true
    else if (key === 'samesite') {
      const sameSite = ({ strict: 'Strict', lax: 'Lax', none: 'None' } as const)[
        text.toLowerCase() as 'strict'
      ]
      if (sameSite) cookie.sameSite = sameSite
      else delete cookie.sameSite
    }
  }
  return cookie
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * Parse a cookie date (RFC 6265bis 5.1.1), the lenient format `Expires` uses.
 *
 * @param text - e.g. `Wed, 21 Oct 2015 07:28:00 GMT`
 * @returns milliseconds since the epoch, or `undefined` when it is not a date
 * @example
 * parseCookieDate('Thu, 01 Jan 1970 00:00:00 GMT') // 0
 * parseCookieDate('tomorrow') // undefined
 */
export function parseCookieDate(text: string): number | undefined {
  let time: [number, number, number] | undefined
  let day: number | undefined
  let month: number | undefined
  let year: number | undefined
  for (const token of text.split(/[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/)) {
    if (!token) continue
    const clock = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D.*)?$/.exec(token)
    if (time === undefined && clock) {
      time = [Number(clock[1]), Number(clock[2]), Number(clock[3])]
      continue
    }
    const digits = /^(\d{1,4})(?:\D.*)?$/.exec(token)
    if (day === undefined && digits && (digits[1] ?? '').length <= 2) {
      day = Number(digits[1])
      continue
    }
    const monthIndex = MONTHS.indexOf(token.slice(0, 3).toLowerCase())
    if (month === undefined && monthIndex !== -1) {
      month = monthIndex
      continue
    }
    if (year === undefined && digits && (digits[1] ?? '').length >= 2) year = Number(digits[1])
  }
  if (time === undefined || day === undefined || month === undefined || year === undefined)
    return undefined
  if (year >= 70 && year <= 99) year += 1900
  else if (year >= 0 && year <= 69) year += 2000
  const [hour, minute, second] = time
  if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59)
    return undefined
  const date = Date.UTC(year, month, day, hour, minute, second)
  // 31 February and the like are not dates.
  return new Date(date).getUTCDate() === day ? date : undefined
}

/**
 * When a parsed cookie expires, by the one rule both the jar and {@link storeCookies} use:
 * `Max-Age` wins over `Expires`; zero or negative means "delete now"; any lifetime is capped at
 * 400 days (RFC 6265bis).
 *
 * @param cookie - a parsed `Set-Cookie`
 * @param now - the clock, in ms since the epoch
 * @returns ms since the epoch (`-Infinity` to delete now), or `undefined` for a cookie that lives
 *   until the browser closes
 * @example
 * expiryOf({ ...parsed, maxAge: 60 }, 0) // 60000
 * expiryOf({ ...parsed, maxAge: 0 }, 0) // -Infinity
 */
export function expiryOf(
  cookie: Pick<ParsedSetCookie, 'maxAge' | 'expires'>,
  now: number,
): number | undefined {
  if (cookie.maxAge !== undefined)
    return cookie.maxAge <= 0 ? -Infinity : now + Math.min(cookie.maxAge * 1000, MAX_COOKIE_AGE_MS)
  if (cookie.expires !== undefined) return Math.min(cookie.expires, now + MAX_COOKIE_AGE_MS)
  return undefined
}

/**
 * Apply `Set-Cookie` headers to a plain name → value map, with this module's parser and the jar's
 * expiry rule ({@link expiryOf}). For tests that need a browser's memory of cookies but none of
 * the jar's origin rules; checks use the full jar.
 *
 * @param jar - the map to update
 * @param headers - the response's `Set-Cookie` headers
 * @param now - the clock expiry is read against
 * @example
 * const jar = new Map<string, string>()
 * storeCookies(jar, ['session=abc; Path=/', 'old=; Max-Age=0'])
 * jar.get('session') // 'abc'
 */
export function storeCookies(jar: Map<string, string>, headers: string[], now = Date.now()): void {
  for (const header of headers) {
    const cookie = parseSetCookie(header)
    if ('error' in cookie || cookie.name === '') continue
    const expires = expiryOf(cookie, now)
    if (expires !== undefined && expires <= now) jar.delete(cookie.name)
    else jar.set(cookie.name, cookie.value)
  }
}
