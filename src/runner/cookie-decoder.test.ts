import { describe, expect, it } from 'vitest'
import { encodeRememberCookie } from '../login-manager/login-manager'
import { decodeSessionCookie, encodeSessionCookie } from '../login-manager/session'
import { decodeCookie, decodeSignedCookie, tamperWith } from './cookie-decoder'

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
  it('explains a real session cookie in one call, and the forged copy does not verify', async () => {
    const value = await encodeSessionCookie({ _user_id: '7' }, secret)
    const explained = decodeSignedCookie(encodeURIComponent(value))
    expect(explained).toMatchObject({
      kind: 'session',
      readable: '{"_user_id":"7"}',
      signature: value.slice(value.lastIndexOf('.') + 1),
    })
    expect(await decodeSessionCookie(value, secret)).toEqual({ _user_id: '7' })
    expect(await decodeSessionCookie(explained.tampered.forged, secret)).toBeNull()
  })
  it('explains a remember cookie and a cookie it cannot read', async () => {
    const value = await encodeRememberCookie('42', secret)
    expect(decodeSignedCookie(value)).toMatchObject({
      kind: 'remember',
      readable: '42',
      signature: value.split('|')[1],
    })
    expect(decodeSignedCookie('theme=dark')).toMatchObject({ kind: 'other', signature: '' })
  })
})
