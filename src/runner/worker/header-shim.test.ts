import { describe, expect, it } from 'vitest'
import { installHeaderShim } from './header-shim'

type Scope = { Request: typeof Request; Response: typeof Response }

function freshScope(): Scope {
  return { Request: globalThis.Request, Response: globalThis.Response }
}

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
