import { describe, expect, it } from 'vitest'
import { shortCookies } from './short-cookies'

const long = 'eyJfdXNlcl9pZCI6IjEiLCJfdmVyc2lvbiI6MCwiX2ZyZXNoIjp0cnVlfQ.1796310325.sig'

describe('shortCookies', () => {
  it('cuts a received cookie value and keeps every attribute whole', () => {
    expect(
      shortCookies(`__Host-session=${long}; Path=/; HttpOnly; Secure; SameSite=Lax`, 'set'),
    ).toBe(`__Host-session=${long.slice(0, 24)}…; Path=/; HttpOnly; Secure; SameSite=Lax`)
    // An attribute never counts as a value to cut, however long.
    const expires = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT'
    expect(shortCookies(`session=; Max-Age=0; Path=/; ${expires}`, 'set')).toBe(
      `session=; Max-Age=0; Path=/; ${expires}`,
    )
  })

  it('cuts each cookie a request sent, and leaves short ones alone', () => {
    expect(shortCookies(`session=${long}; prefs=dark`, 'sent')).toBe(
      `session=${long.slice(0, 24)}…; prefs=dark`,
    )
    expect(shortCookies('a=1234567890123456789012345', 'sent')).toBe('a=1234567890123456789012345')
    expect(shortCookies('nameless-value-that-is-quite-long-indeed', 'sent', 8)).toBe(
      'nameless-value-that-is-quite-long-indeed'.slice(0, 8) + '…',
    )
  })
})
