import { describe, expect, it } from 'vitest'
import { encodeRememberCookie } from '../login-manager/login-manager'
import { decodeSessionCookie, encodeSessionCookie } from '../login-manager/session'
import { decodeCookie, tamperWith } from './cookie-decoder'

const secret = 'inspector-test-secret-inspector-test'

describe('cookie decoder', () => {
  it('reads a session cookie, and its tampered copy is rejected by the real decoder', async () => {
    const value = await encodeSessionCookie({ _user_id: '1', _fresh: true }, secret)
    const decoded = decodeCookie(value)
    expect(decoded).toMatchObject({ kind: 'session', payload: '{"_user_id":"1","_fresh":true}' })
    const { forged, explanation } = tamperWith(decoded)
    expect(decodeCookie(forged)).toMatchObject({
      kind: 'session',
      payload: '{"_user_id":"2","_fresh":true}',
    })
    expect(await decodeSessionCookie(forged, secret)).toBeNull()
    expect(explanation).toContain('nobody is logged in')
  })
  it('reads a remember cookie, URL-encoded or not', async () => {
    const value = await encodeRememberCookie('1', secret)
    expect(decodeCookie(encodeURIComponent(value))).toMatchObject({ kind: 'remember', id: '1' })
    expect(tamperWith(decodeCookie(value)).forged.startsWith('2|')).toBe(true)
  })
  it('says when it cannot read a cookie', () => {
    expect(decodeCookie('plain')).toEqual({ kind: 'other', value: 'plain' })
  })
})
