import { describe, expect, it } from 'vitest'
import { installHeaderShim } from './header-shim'

type Scope = { Request: typeof Request; Response: typeof Response }

// Node's Request and Response keep every header, so on their own these tests could not fail.
// The scope below behaves like a browser's: its Headers silently drop the forbidden names, at
// construction and on every later set/append, as the Fetch standard's header guards do.
const FORBIDDEN_REQUEST = ['cookie', 'cookie2', 'origin', 'sec-fetch-site', 'sec-fetch-mode']
const FORBIDDEN_RESPONSE = ['set-cookie', 'set-cookie2']

function guardedHeaders(source: Headers, forbidden: string[]): Headers {
  class GuardedHeaders extends Headers {
    override append(name: string, value: string) {
      if (!forbidden.includes(name.toLowerCase())) super.append(name, value)
    }
    override set(name: string, value: string) {
      if (!forbidden.includes(name.toLowerCase())) super.set(name, value)
    }
  }
  const headers = new GuardedHeaders()
  for (const [name, value] of source) headers.append(name, value)
  for (const value of source.getSetCookie()) headers.append('Set-Cookie', value)
  return headers
}

class BrowserRequest extends globalThis.Request {
  #headers = guardedHeaders(super.headers, FORBIDDEN_REQUEST)
  override get headers(): Headers {
    return this.#headers
  }
}

class BrowserResponse extends globalThis.Response {
  #headers = guardedHeaders(super.headers, FORBIDDEN_RESPONSE)
  override get headers(): Headers {
    return this.#headers
  }
}

function freshScope(): Scope {
  return { Request: BrowserRequest, Response: BrowserResponse }
}

describe('the browser-like scope these tests run in', () => {
  it('drops Cookie, Origin and Set-Cookie without the shim, as Chromium does', () => {
    const scope = freshScope()
    const request = new scope.Request('http://x/', {
      headers: { Cookie: 'a=1', Origin: 'http://x', Accept: 'text/plain' },
    })
    expect(request.headers.get('Cookie')).toBeNull()
    expect(request.headers.get('Origin')).toBeNull()
    expect(request.headers.get('Accept')).toBe('text/plain')
    const response = new scope.Response('hi', { headers: { 'Set-Cookie': 'a=1' } })
    response.headers.append('Set-Cookie', 'b=2')
    expect(response.headers.getSetCookie()).toEqual([])
  })
})

describe('installHeaderShim', () => {
  it('installs once and keeps instanceof working', () => {
    const scope = freshScope()
    expect(installHeaderShim(scope)).toBe(true)
    expect(installHeaderShim(scope)).toBe(false)
    const request = new scope.Request('http://x/', { headers: { Cookie: 'a=1' } })
    expect(request).toBeInstanceOf(globalThis.Request)
  })

  it('keeps Cookie and Origin on requests, also through clone() and new Request(request)', () => {
    const scope = freshScope()
    installHeaderShim(scope)
    const request = new scope.Request('http://x/', {
      method: 'POST',
      body: 'a=1',
      headers: { Cookie: 'session=abc', Origin: 'http://x' },
    })
    expect(request.headers.get('Cookie')).toBe('session=abc')
    expect(request.clone().headers.get('Origin')).toBe('http://x')
    const copy = new scope.Request(request)
    expect(copy.headers.get('Cookie')).toBe('session=abc')
    expect(copy.method).toBe('POST')
  })

  it('keeps Set-Cookie on responses, also for clone(), json() and redirect(), and allows appending', async () => {
    const scope = freshScope()
    installHeaderShim(scope)
    const response = new scope.Response('hi', { headers: { 'Set-Cookie': 'a=1' } })
    response.headers.append('Set-Cookie', 'b=2')
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(response.clone().headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(await response.clone().text()).toBe('hi')
    const json = scope.Response.json({ ok: true }, { headers: { 'Set-Cookie': 'c=3' } })
    expect(json.headers.get('Content-Type')).toBe('application/json')
    expect(json.headers.getSetCookie()).toEqual(['c=3'])
    const redirect = scope.Response.redirect('http://x/login', 303)
    expect(redirect.status).toBe(303)
    expect(redirect.headers.get('Location')).toBe('http://x/login')
  })
})

describe('installHeaderShim keeps what the browser adds', () => {
  it('keeps the Content-Type a form body gets', async () => {
    const scope = freshScope()
    installHeaderShim(scope)
    const request = new scope.Request('http://x/', {
      method: 'POST',
      body: new URLSearchParams({ a: '1' }),
      headers: { Cookie: 'k=v' },
    })
    expect(request.headers.get('Content-Type')).toContain('application/x-www-form-urlencoded')
    expect(request.headers.get('Cookie')).toBe('k=v')
    expect(new scope.Response('text').headers.get('Content-Type')).toContain('text/plain')
  })
})

describe('installHeaderShim redirects like the native Response.redirect', () => {
  it('resolves a relative URL against the scope location and refuses non-redirect statuses', () => {
    const scope = { ...freshScope(), location: { href: 'http://worker.local/app/' } }
    installHeaderShim(scope)
    expect(scope.Response.redirect('login', 307).headers.get('Location')).toBe(
      'http://worker.local/app/login',
    )
    expect(scope.Response.redirect(new URL('http://x/a')).status).toBe(302)
    expect(() => scope.Response.redirect('http://x/', 200)).toThrow(RangeError)
    expect(() => globalThis.Response.redirect('http://x/', 200)).toThrow(RangeError)
  })

  it('keeps a Set-Cookie added to a redirect, as Hono does', () => {
    const scope = freshScope()
    installHeaderShim(scope)
    const redirect = scope.Response.redirect('http://x/', 302)
    redirect.headers.append('Set-Cookie', 'session=abc; Path=/')
    expect(redirect.headers.getSetCookie()).toEqual(['session=abc; Path=/'])
  })

  it("keeps Set-Cookie when a response is rebuilt from another, as Hono's c.res setter does", () => {
    const scope = freshScope()
    installHeaderShim(scope)
    const original = new scope.Response('x', { status: 201, headers: { 'Set-Cookie': 'a=1' } })
    const rebuilt = new scope.Response(original.body, original)
    expect(rebuilt.status).toBe(201)
    expect(rebuilt.headers.getSetCookie()).toEqual(['a=1'])
  })
})
