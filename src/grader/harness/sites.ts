/**
 * Origins and sites as a browser sees them: which origins are secure, and which requests are
 * same-origin, same-site or cross-site. Pure: no DOM, no Hono.
 *
 * Public suffixes are out of scope: the registrable domain of a host is taken to be its last two
 * labels (`app.example.test` → `example.test`), so `a.app.test` and `b.app.test` are the same site
 * and `app.test` and `evil.test` are not. A real browser consults the Public Suffix List, which
 * makes `a.github.io` and `b.github.io` different sites; no check here depends on that.
 */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/

/**
 * Whether a host is an IP address (v4, or v6 in brackets as URLs write it).
 *
 * @param host - a URL's hostname
 * @returns true for `127.0.0.1` or `[::1]`
 * @example
 * isIpAddress('127.0.0.1') // true
 */
export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[')
}

/**
 * Whether a URL is a secure context for cookies, as Chromium decides: `https:`, or a loopback host
 * (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`) even over plain http.
 *
 * @param url - the request's URL (or origin)
 * @returns true when `Secure` cookies may be set and sent
 * @example
 * isSecureUrl(new URL('http://localhost/login')) // true
 * isSecureUrl(new URL('http://app.test/login')) // false
 */
export function isSecureUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true
  const host = url.hostname
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]'
  )
}

/**
 * The site of a URL: its scheme and registrable domain (schemeful, as Chromium compares sites).
 *
 * @param url - any URL
 * @returns e.g. `https://example.test` for `https://app.example.test/login`
 * @example
 * siteOf(new URL('https://app.example.test/')) // 'https://example.test'
 */
export function siteOf(url: URL): string {
  const host = url.hostname
  const registrable = isIpAddress(host) ? host : host.split('.').slice(-2).join('.')
  return `${url.protocol}//${registrable}`
}

/**
 * How a request's target relates to the page that made it, as `Sec-Fetch-Site` says it.
 *
 * @param initiator - the origin of the page that made the request
 * @param target - the request's URL
 * @returns `same-origin`, `same-site` or `cross-site`
 * @example
 * fetchSite('https://evil.test', new URL('https://app.test/transfer')) // 'cross-site'
 */
export function fetchSite(
  initiator: string,
  target: URL,
): 'same-origin' | 'same-site' | 'cross-site' {
  const from = new URL(initiator)
  if (from.origin === target.origin) return 'same-origin'
  return siteOf(from) === siteOf(target) ? 'same-site' : 'cross-site'
}

/**
 * Whether a host domain-matches a cookie's domain (RFC 6265bis 5.1.3): the same, or a subdomain
 * of it (never for an IP address).
 *
 * @param host - the request's hostname, lower case
 * @param domain - the cookie's domain, lower case, without a leading dot
 * @returns true when the cookie's domain covers the host
 * @example
 * domainMatches('app.example.test', 'example.test') // true
 */
export function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true
  return !isIpAddress(host) && host.endsWith(`.${domain}`)
}

/**
 * Whether a request path path-matches a cookie's path (RFC 6265bis 5.1.4).
 *
 * @param requestPath - the URL's path
 * @param cookiePath - the cookie's path
 * @returns true when the cookie applies to this path
 * @example
 * pathMatches('/admin/users', '/admin') // true
 * pathMatches('/administrator', '/admin') // false
 */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'
}

/**
 * The default path of a cookie set without a `Path` (RFC 6265bis 5.1.4): the request path up to,
 * not including, its last `/`, or `/`.
 *
 * @param requestPath - the path of the request whose response set the cookie
 * @returns the cookie's path
 * @example
 * defaultPath('/account/login') // '/account'
 * defaultPath('/login') // '/'
 */
export function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/'
  const last = requestPath.lastIndexOf('/')
  return last === 0 ? '/' : requestPath.slice(0, last)
}
