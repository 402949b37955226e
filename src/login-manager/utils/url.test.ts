import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { safeNext } from '../index'
import { isSafeRelativePath, loginUrl, makeNextParam } from './url'

describe('loginUrl', () => {
  it('form-encodes next and keeps an existing query', () => {
    expect(loginUrl('/login', '/secret')).toBe('/login?next=%2Fsecret')
    expect(loginUrl('/login?lang=en', '/a?b=1')).toBe('/login?lang=en&next=%2Fa%3Fb%3D1')
    expect(loginUrl('/login', '/x', 'return_to')).toBe('/login?return_to=%2Fx')
    expect(loginUrl('https://auth.example/login', 'https://shop.example/cart')).toBe(
      'https://auth.example/login?next=https%3A%2F%2Fshop.example%2Fcart',
    )
    expect(loginUrl('/login')).toBe('/login')
  })
})

describe('makeNextParam', () => {
  it('returns only path and query for the same scheme and host, else the full URL', () => {
    expect(makeNextParam('/login', 'https://shop.example/cart?item=3')).toBe('/cart?item=3')
    expect(makeNextParam('https://shop.example/login', 'https://shop.example/cart')).toBe('/cart')
    expect(makeNextParam('https://auth.example/login', 'https://shop.example/cart')).toBe(
      'https://shop.example/cart',
    )
    expect(makeNextParam('http://shop.example/login', 'https://shop.example/cart')).toBe(
      'https://shop.example/cart',
    )
  })
})

describe('safeNext', () => {
  it.each(['/', '/dashboard', '/a/b?c=d&e=f', '/search?q=%2F%2Fhost', '/path#frag', '/caf%C3%A9'])(
    'accepts the relative path %j',
    (target) => {
      expect(safeNext(target)).toBe(target)
    },
  )
  it.each([
    'https://evil.example',
    'http://evil.example/path',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/ /evil.example',
    '/\u0000x',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,hi',
    'evil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5Cevil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0A/evil.example',
    '/%0d/evil.example',
    '/%0D%0A/evil.example',
    '',
    'x'.repeat(3000),
  ])('rejects %j and returns the fallback', (target) => {
    expect(safeNext(target, '/home')).toBe('/home')
  })
  it('falls back for missing values and non-strings', () => {
    expect(safeNext(undefined)).toBe('/')
    expect(safeNext(null)).toBe('/')
    expect(isSafeRelativePath(42)).toBe(false)
  })
  it('works as a redirect guard in a route', async () => {
    const app = new Hono()
    app.get('/done', (c) => c.redirect(safeNext(c.req.query('next'), '/dashboard')))
    const bad = await app.request('/done?next=//evil.example')
    expect(bad.headers.get('Location')).toBe('/dashboard')
    const good = await app.request('/done?next=%2Fsettings')
    expect(good.headers.get('Location')).toBe('/settings')
  })
})
