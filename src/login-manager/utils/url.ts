const BASE = 'http://placeholder.invalid'

/**
 * The URL of the login view with the page to come back to in its query, keeping any query the
 * view already has. `next` is form-encoded (`/secret` becomes `%2Fsecret`).
 *
 * @param loginView - the login page, relative (`/login`) or absolute
 * @param nextUrl - where to go after logging in
 * @param nextField - the query parameter's name (default `next`)
 * @returns the login URL
 * @example
 * loginUrl('/login', '/secret') // '/login?next=%2Fsecret'
 * loginUrl('/login?lang=en', '/a?b=1') // '/login?lang=en&next=%2Fa%3Fb%3D1'
 */
export function loginUrl(loginView: string, nextUrl?: string, nextField = 'next'): string {
  if (nextUrl === undefined) return loginView
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(loginView) || loginView.startsWith('//')
  const url = new URL(loginView, BASE)
  url.searchParams.set(nextField, nextUrl)
  const query = url.searchParams.toString()
  if (absolute)
    return `${url.origin === 'null' ? '' : loginView.startsWith('//') ? `//${url.host}` : url.origin}${url.pathname}?${query}${url.hash}`
  return `${url.pathname}?${query}${url.hash}`
}

/**
 * What to put in `next`: only the path and query when the login view is on the same scheme and
 * host as the current page, otherwise the full URL.
 *
 * @param loginView - the login page URL
 * @param currentUrl - the full URL of the page being visited
 * @returns the value for `next`
 * @example
 * makeNextParam('/login', 'https://shop.example/cart?item=3') // '/cart?item=3'
 * makeNextParam('https://auth.example/login', 'https://shop.example/cart') // 'https://shop.example/cart'
 */
export function makeNextParam(loginView: string, currentUrl: string): string {
  const current = new URL(currentUrl)
  const login = new URL(loginView, current)
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(loginView)
  const hasHost = hasScheme || loginView.startsWith('//')
  const sameScheme = !hasScheme || login.protocol === current.protocol
  const sameHost = !hasHost || login.host === current.host
  return sameScheme && sameHost ? `${current.pathname}${current.search}` : current.href
}

/**
 * Whether a redirect target is a relative path on this site. Rejects absolute URLs, scheme-relative
 * `//host`, backslash tricks (`/\host`, `\\host`), anything with control characters or whitespace
 * (browsers strip tabs and newlines inside URLs), `javascript:` and other schemes, and
 * percent-encoded slashes, backslashes, tabs and line breaks at the start (`/%2F%2Fhost`,
 * `/%5Chost`, `/%09/host`, `/%0a/host`, `/%0d/host`), which some servers and proxies decode
 * before redirecting: a decoded tab or line break is then stripped by the browser, leaving
 * `//host`.
 *
 * @param target - the proposed redirect
 * @returns true when the target is safe to redirect to
 * @example
 * isSafeRelativePath('/dashboard?tab=1') // true
 * isSafeRelativePath('//evil.example') // false
 */
export function isSafeRelativePath(target: unknown): target is string {
  if (typeof target !== 'string' || target === '' || target.length > 2048) return false
  if (!target.startsWith('/')) return false
  if (/[\u0000-\u001f\u007f\s\\]/.test(target)) return false
  if (target.startsWith('//')) return false
  if (/^\/(%2f|%5c|%09|%0a|%0d)/i.test(target)) return false
  const resolved = new URL(target, BASE)
  return resolved.origin === BASE
}
