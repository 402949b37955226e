import type { TimelineEntry } from '../verdict'

/**
 * Anything that answers a Request: `app.request` of a Hono app, or `fetch` to a live server.
 *
 * @example
 * const handler: RequestHandler = async (path, init) => app.request(path, init)
 */
export type RequestHandler = (path: string, init: RequestInit) => Promise<Response>

/**
 * A response the client read fully, so checks can inspect it more than once.
 *
 * @example
 * const response = await client.get('/dashboard')
 * response.status // 401
 */
export interface ClientResponse {
  status: number
  headers: Headers
  body: string
  /** The `Location` header, if any. */
  location: string | null
  /** The `Set-Cookie` headers, one per cookie. */
  setCookie: string[]
}

/**
 * Options for one request.
 *
 * @example
 * await client.postForm('/login', form, { followRedirects: true })
 */
export interface RequestOptions {
  /** Follow redirects like a browser (default false: checks usually look at the redirect itself). */
  followRedirects?: boolean
  headers?: Record<string, string>
}

/**
 * A browser-like client with a cookie jar, which records every request for the inspector.
 *
 * @example
 * await client.postForm('/login', { username: 'ada', password: 'analytical-engine' })
 * client.cookie('session') // the signed session cookie
 */
export interface TestClient {
  get(path: string, options?: RequestOptions): Promise<ClientResponse>
  /** A form post, with `Origin` as browsers send it (so `hono/csrf` lets it through). */
  postForm(
    path: string,
    form: Record<string, string>,
    options?: RequestOptions,
  ): Promise<ClientResponse>
  postJson(path: string, data: unknown, options?: RequestOptions): Promise<ClientResponse>
  /** The value of a cookie in the jar, or undefined. */
  cookie(name: string): string | undefined
  /** Every cookie in the jar. */
  cookies(): Record<string, string>
  /** Put a cookie in the jar by hand (to test a tampered or copied cookie). */
  setCookie(name: string, value: string): void
  deleteCookie(name: string): void
}

/**
 * The origin the client pretends to browse from.
 *
 * @example
 * new URL('/dashboard', CLIENT_ORIGIN).href // 'http://localhost/dashboard'
 */
export const CLIENT_ORIGIN = 'http://localhost'

/** Where the simulated browser is and what time it thinks it is. */
export interface ClientOptions {
  /** The origin of the page the requests come from (default `CLIENT_ORIGIN`). */
  origin?: string
  /** The clock cookie expiry is read against (default `Date.now`). */
  now?: () => number
}

/**
 * Make a client with an empty cookie jar.
 *
 * @param handler - sends the request to the app
 * @param timeline - where each request is recorded
 * @param label - which check the requests belong to
 * @param browser - which simulated browser this is within the check (1 for the first)
 * @param options - the page's origin and the clock cookie expiry is read against
 * @returns the client
 * @example
 * const client = createClient((path, init) => app.request(path, init), [], 'login works')
 * const response = await client.postForm('/login', { username: 'ada', password: 'lovelace' })
 */
export function createClient(
  handler: RequestHandler,
  timeline: TimelineEntry[],
  label: string,
  browser = 1,
  options: ClientOptions = {},
): TestClient {
  const jar = new Map<string, string>()
  const now = options.now ?? Date.now

  async function send(
    method: string,
    path: string,
    body: BodyInit | undefined,
    headers: Record<string, string>,
    options: RequestOptions,
  ) {
    let currentPath = path
    let currentMethod = method
    let currentBody = body
    for (let hop = 0; hop < 10; hop++) {
      const requestHeaders = new Headers({ ...headers, ...options.headers })
      const cookieSent = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
      if (cookieSent) requestHeaders.set('Cookie', cookieSent)
      if (!requestHeaders.has('User-Agent')) requestHeaders.set('User-Agent', 'SignedIn-Checks/1.0')
      const init: RequestInit = {
        method: currentMethod,
        headers: requestHeaders,
        redirect: 'manual',
      }
      if (currentBody !== undefined) init.body = currentBody
      const raw = await handler(currentPath, init)
      const text = await raw.text()
      const setCookie = raw.headers.getSetCookie()
      storeCookies(jar, setCookie, now)
      const response: ClientResponse = {
        status: raw.status,
        headers: raw.headers,
        body: text,
        location: raw.headers.get('Location'),
        setCookie,
      }
      timeline.push({
        check: label,
        browser,
        method: currentMethod,
        path: currentPath,
        status: raw.status,
        ...(response.location ? { location: response.location } : {}),
        setCookie,
        cookieSent,
        bodySnippet: text.slice(0, 200),
      })
      const redirect = response.status >= 300 && response.status < 400 && response.location
      if (!options.followRedirects || !redirect) return response
      const next = new URL(response.location as string, `${CLIENT_ORIGIN}${currentPath}`)
      if (next.origin !== CLIENT_ORIGIN) return response
      currentPath = `${next.pathname}${next.search}`
      if (response.status !== 307 && response.status !== 308) {
        currentMethod = 'GET'
        currentBody = undefined
        headers = {}
      }
    }
    throw new Error(
      `Too many redirects starting at ${method} ${path}: the app keeps redirecting in a loop.`,
    )
  }

  return {
    get: (path, options = {}) => send('GET', path, undefined, {}, options),
    postForm: (path, form, options = {}) =>
      send(
        'POST',
        path,
        new URLSearchParams(form).toString(),
        { 'Content-Type': 'application/x-www-form-urlencoded', Origin: CLIENT_ORIGIN },
        options,
      ),
    postJson: (path, data, options = {}) =>
      send(
        'POST',
        path,
        JSON.stringify(data),
        { 'Content-Type': 'application/json', Origin: CLIENT_ORIGIN },
        options,
      ),
    cookie: (name) => jar.get(name),
    cookies: () => Object.fromEntries(jar),
    setCookie: (name, value) => void jar.set(name, value),
    deleteCookie: (name) => void jar.delete(name),
  }
}

function storeCookies(jar: Map<string, string>, headers: string[], now: () => number) {
  for (const header of headers) {
    const [pair = '', ...attributes] = header.split(';')
    const eq = pair.indexOf('=')
    if (eq < 1) continue
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    const expired = attributes.some((attribute) => {
      const [key = '', val = ''] = attribute.split('=').map((part) => part.trim())
      if (/^max-age$/i.test(key)) return Number(val) <= 0
      if (/^expires$/i.test(key)) return new Date(val).getTime() <= now()
      return false
    })
    if (expired || value === '') jar.delete(name)
    else jar.set(name, value)
  }
}
