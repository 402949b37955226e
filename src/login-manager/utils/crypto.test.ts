import { describe, expect, it } from 'vitest'
import { constantTimeEqual, hmac, sha512Hex } from './crypto'
import { toHex, utf8 } from './encoding'

/** Wraps bytes so the test can see which indexes a comparison reads. */
function watched(bytes: Uint8Array): { bytes: Uint8Array; read: Set<number> } {
  const read = new Set<number>()
  const proxy = new Proxy(bytes, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key))
      return Reflect.get(target, key) as unknown
    },
  })
  return { bytes: proxy, read }
}

describe('constantTimeEqual', () => {
  it('says equal only for equal bytes or text', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true)
    expect(constantTimeEqual('abc', 'abd')).toBe(false)
    expect(constantTimeEqual('abc', 'ab')).toBe(false)
    expect(constantTimeEqual('', '')).toBe(true)
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true)
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false)
    expect(constantTimeEqual('é', utf8('é'))).toBe(true)
  })

  it('reads every byte even when the first one differs (no early exit to time)', () => {
    const left = watched(new Uint8Array(64).fill(1))
    const right = watched(new Uint8Array(64).fill(2))
    expect(constantTimeEqual(left.bytes, right.bytes)).toBe(false)
    expect(left.read.size).toBe(64)
    expect(right.read.size).toBe(64)
  })

  it('reads the whole longer value when the lengths differ', () => {
    const left = watched(new Uint8Array(8))
    const right = watched(new Uint8Array(64))
    expect(constantTimeEqual(left.bytes, right.bytes)).toBe(false)
    expect(right.read.size).toBe(64)
  })
})

describe('hmac and sha512Hex (Web Crypto)', () => {
  // RFC 4231, test case 2.
  it('matches the RFC 4231 HMAC-SHA-256 and HMAC-SHA-512 vectors', async () => {
    const message = 'what do ya want for nothing?'
    expect(toHex(await hmac('Jefe', message, 'SHA-256'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
    expect(toHex(await hmac('Jefe', message, 'SHA-512'))).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    )
  })

  it('keeps cached keys apart per secret and per hash', async () => {
    const a = toHex(await hmac('secret-a', 'm', 'SHA-256'))
    const b = toHex(await hmac('secret-b', 'm', 'SHA-256'))
    const a512 = toHex(await hmac('secret-a', 'm', 'SHA-512'))
    expect(a).not.toBe(b)
    expect(a512).toHaveLength(128)
    expect(toHex(await hmac('secret-a', 'm', 'SHA-256'))).toBe(a)
  })

  it('hashes text with SHA-512 (FIPS 180 "abc" vector)', async () => {
    expect(await sha512Hex('abc')).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    )
  })
})
