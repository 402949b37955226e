// Both signature checks must let constantTimeEqual decide. Each test wraps the real function in a
// spy and then overrides its answer once: with a plain `===` (or a spy result that is ignored) the
// verdict would not follow the override, and the test fails.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeRememberCookie, encodeRememberCookie } from './index'
import { decodeSessionCookie, encodeSessionCookie } from './session'
import { SECRET } from './test-app'
import { constantTimeEqual } from './utils/crypto'

vi.mock('./utils/crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('./utils/crypto')>()
  return { ...original, constantTimeEqual: vi.fn(original.constantTimeEqual) }
})

const spy = vi.mocked(constantTimeEqual)

afterEach(() => {
  spy.mockClear()
})

describe('signature checks use constantTimeEqual', () => {
  it('decodeRememberCookie compares the digest with constantTimeEqual, and its answer decides', async () => {
    const genuine = await encodeRememberCookie('1', SECRET)
    const digest = genuine.slice(2)
    expect(await decodeRememberCookie(genuine, SECRET)).toEqual({ id: '1', version: 0 })
    expect(spy).toHaveBeenCalledWith(digest, digest)

    spy.mockReturnValueOnce(false)
    expect(await decodeRememberCookie(genuine, SECRET)).toBeNull()

    spy.mockReturnValueOnce(true)
    expect(await decodeRememberCookie(`1|${'0'.repeat(128)}`, SECRET)).toEqual({
      id: '1',
      version: 0,
    })
  })

  it('the session cookie signature is compared with constantTimeEqual, and its answer decides', async () => {
    // Each value is new, so the verified-cookie cache cannot answer in the spy's place.
    const fresh = (n: number) => encodeSessionCookie({ _user_id: '1', n }, SECRET)
    const genuine = await fresh(1)
    expect(await decodeSessionCookie(genuine, SECRET)).toEqual({ _user_id: '1', n: 1 })
    expect(spy).toHaveBeenCalledTimes(1)
    const [given, expected] = spy.mock.calls[0] ?? []
    expect(given).toBeInstanceOf(Uint8Array)
    expect(given).toEqual(expected)

    spy.mockReturnValueOnce(false)
    expect(await decodeSessionCookie(await fresh(2), SECRET)).toBeNull()

    // Data and signed times kept, signature replaced.
    const forged = `${(await fresh(3)).split('.').slice(0, 3).join('.')}.${'A'.repeat(43)}`
    spy.mockReturnValueOnce(true)
    expect(await decodeSessionCookie(forged, SECRET)).toEqual({ _user_id: '1', n: 3 })
  })
})
