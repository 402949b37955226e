import { describe, expect, it } from 'vitest'
import { fromBase64Url, fromUtf8, toBase64Url, toHex, utf8 } from './encoding'

describe('encoding', () => {
  it('round-trips base64url without padding', () => {
    const bytes = new Uint8Array([0, 251, 255, 10, 200])
    expect(toBase64Url(bytes)).toBe('APv_Csg')
    expect(fromBase64Url('APv_Csg')).toEqual(bytes)
  })
  it('rejects non-canonical spellings whose unused bits differ', () => {
    expect(fromBase64Url('APv_Csg')).not.toBeNull()
    expect(fromBase64Url('APv_Csh')).toBeNull()
  })
  it('rejects characters outside base64url and impossible lengths', () => {
    expect(fromBase64Url('a+b/')).toBeNull()
    expect(fromBase64Url('abcde')).toBeNull()
  })
  it('hex and utf-8', () => {
    expect(toHex(new Uint8Array([1, 171]))).toBe('01ab')
    expect(fromUtf8(utf8('ünïcode'))).toBe('ünïcode')
    expect(fromUtf8(new Uint8Array([0xff]))).toBeNull()
  })
})
