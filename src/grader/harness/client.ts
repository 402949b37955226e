import { say } from '../sentences'
import type { CookieEvent, TimelineEntry } from '../verdict'
import { CheckFailure } from './checks'
import { CookieJar, type RequestContext } from './cookie-jar'
import { fetchSite } from './sites'

/**
 * Anything that answers a Request: `app.request` of a Hono app, or `fetch` to a live server. It
 * gets a path (`/login`) from a client on `http://localhost`, and an absolute URL
 * (`https://app.test/login`) from a client on any other origin, so `c.req.url` shows the scheme.
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
  /** The status, or 0 when the browser never sent the request (see `blocked`). */
  status: number
  headers: Headers
  body: string
  /** The `Location` header, if any. */
  location: string | null
  /** The `Set-Cookie` headers, one per cookie. */
  setCookie: string[]
  /**
   * What the cookie jar did during this request and the redirects it followed: each cookie sent or
   * withheld, each `Set-Cookie` stored, replaced, deleted or rejected, with the reason.
   */
  cookieEvents: CookieEvent[]
  /** Why the browser refused to send the request at all (a failed CORS preflight), if it did. */
  blocked?: string
  /**
   * Every request this call sent, in order, with its answer: one hop, or more when it followed
   * redirects. {@link describeHops} puts them in words.
   */
  hops: Hop[]
}

/**
 * One request a call sent, and the status it got.
 *
 * @example
 * const hop: Hop = { method: 'POST', path: '/login', status: 302 }
 */
export interface Hop {
  method: string
  /** The path and query (or the full URL, on an origin other than `http://localhost`). */
  path: string
  status: number
}

/**
 * The requests behind a response, in words: `POST /login → 302 → GET /dashboard/ → 404`.
 *
 * @param response - a response from the client, usually one that followed redirects
 * @returns the chain
 * @example
 * const response = await client.postForm('/login', ada, { followRedirects: true })
 * describeHops(response) // 'POST /login → 302 → GET /dashboard → 200'
 */
export function describeHops(response: Pick<ClientResponse, 'hops'>): string {
  return response.hops
    .map((hop) => `${hop.method} ${shorten(hop.path)} → ${hop.status}`)
    .join(' → ')
}

/** A path whose query is cut at 40 characters, so a growing `?next=` stays readable. */
function shorten(path: string): string {
  const query = path.indexOf('?')
  return query === -1 || path.length - query <= 41 ? path : `${path.slice(0, query + 41)}…`
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
 * Where the simulated browser is and what time it thinks it is.
 *
 * @example
 * const options: ClientOptions = { origin: 'https://app.test', now: () => clock.now() }
 */
export interface ClientOptions {
  /** The origin of the page the requests come from (default `CLIENT_ORIGIN`). */
  origin?: string
  /** The clock cookie expiry is read against (default `Date.now`). */
  now?: () => number
  /**
   * Notes of what happened since the last request (shared by a check's clients): the next request
   * recorded takes them as its `before`. Cookies put or removed by hand add theirs.
   */
  notes?: string[]
}

/**
 * A `fetch` from a page on another site.
 *
 * @example
 * const init: FetchInit = { method: 'POST', body: JSON.stringify({ to: 'mallory' }), headers: { 'Content-Type': 'application/json' }, credentials: 'include' }
 */
export interface FetchInit extends RequestOptions {
  /** Default `GET`. */
  method?: string
  body?: string
  /** As in a browser, the default `same-origin` sends no cookies to another origin. */
  credentials?: 'include' | 'same-origin' | 'omit'
}

/**
 * A page on another site, open in the same browser (so the same cookie jar), that sends requests to
 * the app. The requests carry that site's `Origin` and `Sec-Fetch-Site: cross-site` (or
 * `same-site`), and the jar applies `SameSite` as Chromium does for each kind of request.
 *
 * @example
 * const evil = client.fromSite('https://evil.test')
 * const response = await evil.submitForm('/logout', {})
 * expectCookieNotSent(response, 'session')
 */
export interface OtherSitePage {
  /** The other site's origin. */
  readonly origin: string
  /**
   * The page submits a form to the app: a top-level navigation `POST`, with `Origin` and
   * `Sec-Fetch-Mode: navigate`. `SameSite=Lax` and `Strict` cookies stay home.
   */
  submitForm(
    path: string,
    fields: Record<string, string>,
    options?: RequestOptions,
  ): Promise<ClientResponse>
  /** The learner clicks a link on the page to the app: a top-level `GET`, which carries `Lax` cookies. */
  followLink(path: string, options?: RequestOptions): Promise<ClientResponse>
  /**
   * The page's script calls `fetch` on the app (a subresource request, `Sec-Fetch-Mode: cors`):
   * only `SameSite=None` cookies go, and only with `credentials: 'include'`. A request that is not
   * "simple" (JSON, a method other than GET/HEAD/POST, extra headers) first sends a CORS preflight,
   * and is not sent at all unless the app's answer allows it.
   */
  fetch(path: string, init?: FetchInit): Promise<ClientResponse>
}

/**
 * A browser-like client with a cookie jar, which records every request for the inspector.
 *
 * @example
 * await client.postForm('/login', { username: 'ada', password: 'analytical-engine' })
 * client.cookie('session') // the signed session cookie
 */
export interface TestClient {
  /** The origin the app is served at, as this client sees it, e.g. `http://localhost`. */
  readonly origin: string
  get(path: string, options?: RequestOptions): Promise<ClientResponse>
  /** A form post from the app's own page, with `Origin` as browsers send it (so `hono/csrf` lets it through). */
  postForm(
    path: string,
    form: Record<string, string>,
    options?: RequestOptions,
  ): Promise<ClientResponse>
  /** A same-origin `fetch` posting JSON, with `Origin`. */
  postJson(path: string, data: unknown, options?: RequestOptions): Promise<ClientResponse>
  /** The value of a cookie this origin's host would get (any path), or undefined. */
  cookie(name: string): string | undefined
  /** Every cookie this origin's host would get, by name. */
  cookies(): Record<string, string>
  /** Put a cookie in the jar by hand (to test a tampered or copied cookie); its attributes stay. */
  setCookie(name: string, value: string): void
  deleteCookie(name: string): void
  /** Everything the jar did so far in this browser, oldest first. */
  cookieEvents(): CookieEvent[]
  /**
   * The same browser (same cookie jar) talking to the app served at another origin, such as
   * `https://app.test` or `http://app.test`.
   *
   * @example
   * const secure = client.at('https://app.test')
   * await secure.postForm('/login', ada)
   */
  at(origin: string): TestClient
  /**
   * A page on another site, open in this same browser, that sends requests to this client's app.
   *
   * @example
   * await client.fromSite('https://evil.test').submitForm('/transfer', { to: 'mallory' })
   */
  fromSite(origin: string): OtherSitePage
}

/**
 * The origin the client pretends to browse from.
 *
 * @example
 * new URL('/dashboard', CLIENT_ORIGIN).href // 'http://localhost/dashboard'
 */
export const CLIENT_ORIGIN = 'http://localhost'

/** Chromium follows at most 20 redirects, then fails with ERR_TOO_MANY_REDIRECTS. */
const MAX_REDIRECTS = 20

/** One browser: its jar, its log, and where its requests are recorded. */
interface Browser {
  handler: RequestHandler
  timeline: TimelineEntry[]
  label: string
  number: number
  jar: CookieJar
  history: CookieEvent[]
  notes: string[]
}

/** One request as the browser makes it. */
interface Outgoing {
  method: string
  path: string
  body: string | undefined
  headers: Record<string, string>
  context: RequestContext
  options: RequestOptions
}

/**
 * Make a client with an empty cookie jar.
 *
 * @param handler - sends the request to the app
 * @param timeline - where each request is recorded
 * @param label - which check the requests belong to
 * @param browser - which simulated browser this is within the check (1 for the first)
 * @param options - the origin the app is served at, and the clock
 * @returns the client
 * @example
 * const client = createClient((path, init) => app.request(path, init), [], 'login works')
 * const response = await client.postForm('/login', { username: 'ada', password: 'lovelace' })
 * const secure = createClient((path, init) => app.request(path, init), [], 'https', 1, { origin: 'https://app.test' })
 */
export function createClient(
  handler: RequestHandler,
  timeline: TimelineEntry[],
  label: string,
  browser = 1,
  options: ClientOptions = {},
): TestClient {
  const state: Browser = {
    handler,
    timeline,
    label,
    number: browser,
    jar: new CookieJar(options.now ?? Date.now),
    history: [],
    notes: options.notes ?? [],
  }
  return clientAt(state, originOf(options.origin ?? CLIENT_ORIGIN))
}

function originOf(text: string): string {
  const url = new URL(text)
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`A client's origin must be http:// or https://, not ${JSON.stringify(text)}.`)
  return url.origin
}

function clientAt(browser: Browser, origin: string): TestClient {
  const host = new URL(origin).hostname
  const ownPage = (method: string, mode: RequestContext['mode']): RequestContext => ({
    initiator: origin,
    mode,
    method,
  })
  const send = (outgoing: Omit<Outgoing, 'options'>, options: RequestOptions) =>
    sendFollowing(browser, origin, { ...outgoing, options })
  return {
    origin,
    get: (path, options = {}) =>
      send(
        { method: 'GET', path, body: undefined, headers: {}, context: ownPage('GET', 'navigate') },
        options,
      ),
    postForm: (path, form, options = {}) =>
      send(
        {
          method: 'POST',
          path,
          body: new URLSearchParams(form).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
          context: ownPage('POST', 'navigate'),
        },
        options,
      ),
    postJson: (path, data, options = {}) =>
      send(
        {
          method: 'POST',
          path,
          body: JSON.stringify(data),
          headers: { 'Content-Type': 'application/json', Origin: origin },
          context: ownPage('POST', 'cors'),
        },
        options,
      ),
    cookie: (name) => browser.jar.cookiesFor(host).find((cookie) => cookie.name === name)?.value,
    cookies: () => {
      const all: Record<string, string> = {}
      for (const cookie of browser.jar.cookiesFor(host)) all[cookie.name] ??= cookie.value
      return all
    },
    setCookie: (name, value) => {
      browser.jar.put(host, name, value)
      browser.notes.push(say.cookieSetByHand(name, browser.number))
    },
    deleteCookie: (name) => {
      browser.jar.remove(host, name)
      browser.notes.push(say.cookieRemovedByHand(name, browser.number))
    },
    cookieEvents: () => [...browser.history],
    at: (other) => clientAt(browser, originOf(other)),
    fromSite: (site) => otherSite(browser, origin, originOf(site)),
  }
}

function otherSite(browser: Browser, appOrigin: string, origin: string): OtherSitePage {
  const context = (method: string, mode: RequestContext['mode']): RequestContext => ({
    initiator: origin,
    mode,
    method,
  })
  return {
    origin,
    submitForm: (path, fields, options = {}) =>
      sendFollowing(browser, appOrigin, {
        method: 'POST',
        path,
        body: new URLSearchParams(fields).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
        context: context('POST', 'navigate'),
        options,
      }),
    followLink: (path, options = {}) =>
      sendFollowing(browser, appOrigin, {
        method: 'GET',
        path,
        body: undefined,
        headers: {},
        context: context('GET', 'navigate'),
        options,
      }),
    fetch: async (path, init = {}) => {
      const { method = 'GET', body, credentials = 'same-origin', headers = {}, ...options } = init
      const sameOrigin = fetchSite(origin, new URL(path, appOrigin)) === 'same-origin'
      const withCookies = credentials === 'include' || (credentials === 'same-origin' && sameOrigin)
      const outgoing: Outgoing = {
        method: method.toUpperCase(),
        path,
        body,
        headers: { ...headers, Origin: origin },
        context: { ...context(method.toUpperCase(), 'cors'), credentials: withCookies },
        options,
      }
      if (!sameOrigin) {
        const refusal = await preflight(browser, appOrigin, outgoing, credentials === 'include')
        if (refusal) return refusal
      }
      return sendFollowing(browser, appOrigin, outgoing)
    },
  }
}

const SAFELISTED_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']
const SAFELISTED_HEADERS = ['accept', 'accept-language', 'content-language', 'content-type']

/**
 * A CORS preflight, for a cross-origin fetch that is not "simple". It goes without cookies.
 * Returns the refused response when the app does not allow the real request, or undefined.
 */
async function preflight(
  browser: Browser,
  appOrigin: string,
  outgoing: Outgoing,
  withCredentials: boolean,
): Promise<ClientResponse | undefined> {
  const headerNames = Object.keys(outgoing.headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name !== 'origin')
  const type = Object.entries(outgoing.headers).find(([name]) => /^content-type$/i.test(name))?.[1]
  const unsafeHeaders = headerNames.filter(
    (name) =>
      !SAFELISTED_HEADERS.includes(name) ||
      (name === 'content-type' &&
        !SAFELISTED_TYPES.includes((type ?? '').split(';')[0]?.trim().toLowerCase() ?? '')),
  )
  if (['GET', 'HEAD', 'POST'].includes(outgoing.method) && unsafeHeaders.length === 0) return
  const answer = await sendOnce(browser, appOrigin, {
    method: 'OPTIONS',
    path: outgoing.path,
    body: undefined,
    headers: {
      Origin: outgoing.context.initiator,
      'Access-Control-Request-Method': outgoing.method,
      ...(unsafeHeaders.length
        ? { 'Access-Control-Request-Headers': unsafeHeaders.sort().join(',') }
        : {}),
    },
    context: { ...outgoing.context, method: 'OPTIONS', credentials: false },
    options: {},
  })
  const allowOrigin = answer.headers.get('Access-Control-Allow-Origin')
  const list = (name: string) =>
    (answer.headers.get(name) ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean)
  const methods = list('Access-Control-Allow-Methods')
  const allowedHeaders = list('Access-Control-Allow-Headers')
  const wildcard = !withCredentials
  let problem: string | undefined
  if (answer.status < 200 || answer.status > 299)
    problem = `the preflight OPTIONS got status ${answer.status}`
  else if (allowOrigin !== outgoing.context.initiator && !(wildcard && allowOrigin === '*'))
    problem = `the preflight's Access-Control-Allow-Origin is ${allowOrigin === null ? 'missing' : JSON.stringify(allowOrigin)}`
  else if (withCredentials && answer.headers.get('Access-Control-Allow-Credentials') !== 'true')
    problem =
      "the preflight lacks Access-Control-Allow-Credentials: true, and the fetch said credentials: 'include'"
  else if (
    !['GET', 'HEAD', 'POST'].includes(outgoing.method) &&
    !methods.includes(outgoing.method.toLowerCase()) &&
    !(wildcard && methods.includes('*'))
  )
    problem = `the preflight's Access-Control-Allow-Methods does not list ${outgoing.method}`
  else {
    const missing = unsafeHeaders.filter(
      (name) => !allowedHeaders.includes(name) && !(wildcard && allowedHeaders.includes('*')),
    )
    if (missing.length)
      problem = `the preflight's Access-Control-Allow-Headers does not list ${missing.join(', ')}`
  }
  if (!problem) return
  return {
    status: 0,
    headers: new Headers(),
    body: '',
    location: null,
    setCookie: [],
    cookieEvents: [],
    blocked: `The browser did not send the ${outgoing.method}: ${problem}.`,
    hops: [],
  }
}

/** Send a request, and follow redirects on the app's own origin when asked. */
async function sendFollowing(
  browser: Browser,
  appOrigin: string,
  first: Outgoing,
): Promise<ClientResponse> {
  const visited = [`${first.method} ${first.path}`]
  const events: CookieEvent[] = []
  const hops: Hop[] = []
  let outgoing = first
  for (;;) {
    const response = await sendOnce(browser, appOrigin, outgoing)
    events.push(...response.cookieEvents)
    hops.push(...response.hops)
    const result = { ...response, cookieEvents: [...events], hops: [...hops] }
    if (!outgoing.options.followRedirects || !isRedirect(response)) return result
    const next = new URL(response.location as string, new URL(outgoing.path, appOrigin))
    if (next.origin !== appOrigin) return result
    const path = `${next.pathname}${next.search}`
    const keepMethod = response.status === 307 || response.status === 308
    const method = keepMethod ? outgoing.method : 'GET'
    outgoing = {
      ...outgoing,
      method,
      path,
      ...(keepMethod ? {} : { body: undefined, headers: {} }),
      context: { ...outgoing.context, method },
    }
    visited.push(`${method} ${path}`)
    if (visited.length > MAX_REDIRECTS + 1)
      throw new CheckFailure(
        say.redirectLoop(MAX_REDIRECTS, describeLoop(visited)),
        loopHint(visited),
      )
  }
}

const isRedirect = (response: ClientResponse) =>
  response.status >= 300 && response.status < 400 && response.location !== null

/**
 * What to look at for a loop: a path that redirects to itself (a guard in front of the page it
 * sends strangers to) needs another question than two routes that point at each other.
 */
function loopHint(visited: string[]): string {
  const paths = visited.map((hop) => hop.replace(/^\S+ /, '').replace(/\?.*$/, ''))
  const last = paths.at(-1) as string
  return paths.at(-2) === last ? say.selfRedirectHint(last) : say.redirectLoopHint()
}

/**
 * The repeating part of a redirect chain: "GET /a → GET /b → GET /a → …". A login view behind
 * its own guard loops with a `?next=` that wraps the last one, so no URL repeats exactly: then the
 * chain is shown up to the path that keeps coming back.
 */
function describeLoop(visited: string[]): string {
  const last = visited.at(-1) as string
  const start = visited.lastIndexOf(last, -2)
  if (start !== -1) return `${visited.slice(start).join(' → ')} → …`
  const paths = visited.map((hop) => hop.replace(/\?.*$/, ''))
  const again = paths.lastIndexOf(paths.at(-1) as string, -2)
  const shown = (count: number) =>
    visited
      .slice(0, count)
      .map((hop) => shorten(hop))
      .join(' → ')
  if (again === -1) return `${shown(4)} → … (${visited.length} requests)`
  const looping = paths[again] as string
  return `${shown(paths.indexOf(looping) + 2)} → … (${looping} again and again, its query longer each time)`
}

/** Send one request through the jar, and record it on the timeline. */
async function sendOnce(
  browser: Browser,
  appOrigin: string,
  outgoing: Outgoing,
): Promise<ClientResponse> {
  const url = new URL(outgoing.path, appOrigin)
  const { header: cookieSent, events } =
    outgoing.context.method === 'OPTIONS'
      ? { header: '', events: [] }
      : browser.jar.attach(url, outgoing.context)
  const headers = new Headers({
    ...outgoing.headers,
    'Sec-Fetch-Site': fetchSite(outgoing.context.initiator, url),
    'Sec-Fetch-Mode': outgoing.context.mode,
    'Sec-Fetch-Dest': outgoing.context.mode === 'navigate' ? 'document' : 'empty',
    ...outgoing.options.headers,
  })
  if (cookieSent) headers.set('Cookie', cookieSent)
  if (!headers.has('User-Agent')) headers.set('User-Agent', 'SignedIn-Checks/1.0')
  const init: RequestInit = { method: outgoing.method, headers, redirect: 'manual' }
  if (outgoing.body !== undefined) init.body = outgoing.body
  const target = appOrigin === CLIENT_ORIGIN ? `${url.pathname}${url.search}` : url.href
  const raw = await browser.handler(target, init)
  const body = await raw.text()
  const setCookie = raw.headers.getSetCookie()
  // A cross-origin fetch without credentials ignores the cookies its response sets, too.
  const ignoresCookies = outgoing.context.credentials === false
  for (const value of setCookie)
    events.push(
      ignoresCookies
        ? {
            cookie: value.split('=')[0]?.trim() ?? '',
            action: 'rejected',
            reason:
              "Rejected: a fetch from another origin stores cookies only with credentials: 'include'",
          }
        : browser.jar.receive(value, url, outgoing.context),
    )
  browser.history.push(...events)
  const location = raw.headers.get('Location')
  browser.timeline.push({
    check: browser.label,
    browser: browser.number,
    method: outgoing.method,
    path: target,
    status: raw.status,
    ...(location ? { location } : {}),
    setCookie,
    cookieSent,
    bodySnippet: body.slice(0, 200),
    ...(events.length ? { cookieEvents: events } : {}),
    ...(browser.notes.length ? { before: browser.notes.splice(0) } : {}),
  })
  return {
    status: raw.status,
    headers: raw.headers,
    body,
    location,
    setCookie,
    cookieEvents: events,
    hops: [{ method: outgoing.method, path: target, status: raw.status }],
  }
}
