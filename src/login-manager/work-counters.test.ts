import { beforeEach, describe, expect, it } from 'vitest'
import { checkPasswordHash, generatePasswordHash } from './utils/password'
import { readWorkCounters, resetWorkCounters } from './work-counters'

describe('work counters', () => {
  beforeEach(() => resetWorkCounters())

  it('count one hash per generate and per check of a well-formed hash', async () => {
    const hash = await generatePasswordHash('hunter2', { method: 'pbkdf2:sha256:1000' })
    expect(readWorkCounters().passwordHashes).toBe(1)
    await checkPasswordHash(hash, 'wrong')
    await checkPasswordHash(hash, 'hunter2')
    expect(readWorkCounters().passwordHashes).toBe(3)
  })

  it('count nothing for a malformed hash, which is refused before any work', async () => {
    expect(await checkPasswordHash('not-a-hash', 'hunter2')).toBe(false)
    expect(readWorkCounters()).toEqual({ passwordHashes: 0 })
  })

  it('hand out snapshots that later work does not change, and reset to zero', async () => {
    const snapshot = readWorkCounters()
    await generatePasswordHash('x', { method: 'pbkdf2:sha256:1000' })
    expect(snapshot.passwordHashes).toBe(0)
    resetWorkCounters()
    expect(readWorkCounters().passwordHashes).toBe(0)
  })
})
