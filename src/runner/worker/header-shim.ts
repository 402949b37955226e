/**
 * Browsers silently drop "forbidden" headers from `Request` and `Response` objects: `Cookie`,
 * `Origin` and `Sec-Fetch-*` on requests, `Set-Cookie` on responses, even inside Workers. Server
 * code run in the page (a Hono app through `app.request`) then loses its session without an error.
 * A plain `new Headers()` keeps every header, so these subclasses keep one of their own and return
 * it from `headers`. Install before the server code runs; it only changes objects made afterwards.
 */

const INSTALLED = Symbol.for('signed-in.header-shim')

type Scope = { Request: typeof Request; Response: typeof Response; [INSTALLED]?: true }

/**
 * Replace `scope.Request` and `scope.Response` with subclasses that keep forbidden headers. Safe to
 * call twice. Covers the constructors, `headers`, `clone()`, `Response.json`, `Response.redirect`
 * and requests built from other requests.
 *
 * @param scope - the global object to patch (default `globalThis`)
 * @returns true when installed now, false when it already was
 * @example
 * installHeaderShim(self)
 * const { default: app } = await import('./app') // Hono now sees Cookie and keeps Set-Cookie
 */
export function installHeaderShim(scope: Scope = globalThis as unknown as Scope): boolean {
  if (scope[INSTALLED]) return false
  const NativeRequest = scope.Request
  const NativeResponse = scope.Response

  // Start from the browser's own headers (which add Content-Type for the body) and lay the given
  // ones over them, so forbidden names survive and nothing the browser added is lost.
  const merged = (native: Headers, given: HeadersInit | undefined) => {
    const headers = new Headers(native)
    if (given === undefined) return headers
    const extra = new Headers(given)
    for (const [name] of extra) headers.delete(name)
    for (const [name, value] of extra) headers.append(name, value)
    return headers
  }

  class Request extends NativeRequest {
    #headers: Headers

    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init)
      const source = init?.headers ?? (input instanceof NativeRequest ? input.headers : undefined)
      this.#headers = merged(super.headers, source)
    }

    override get headers(): Headers {
      return this.#headers
    }

    override clone(): Request {
      return new Request(super.clone(), { headers: this.#headers })
    }
  }

  class Response extends NativeResponse {
    #headers: Headers

    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super(body, init)
      this.#headers = merged(super.headers, init?.headers)
    }

    override get headers(): Headers {
      return this.#headers
    }

    override clone(): Response {
      const copy = super.clone()
      return new Response(copy.body, {
        status: this.status,
        statusText: this.statusText,
        headers: this.#headers,
      })
    }

    static override json(data: unknown, init: ResponseInit = {}): Response {
      const headers = new Headers(init.headers)
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
      return new Response(JSON.stringify(data), { ...init, headers })
    }

    static override redirect(url: string | URL, status = 302): Response {
      // Like the native one: resolve against the scope's own URL (a Worker's location) and accept
      // only redirect statuses.
      if (![301, 302, 303, 307, 308].includes(status))
        throw new RangeError(`Response.redirect: ${status} is not a redirect status`)
      const base = (scope as { location?: { href: string } }).location?.href
      return new Response(null, { status, headers: { Location: new URL(url, base).href } })
    }
  }

  scope.Request = Request
  scope.Response = Response
  scope[INSTALLED] = true
  return true
}
