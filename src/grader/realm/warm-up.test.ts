import { describe, expect, it } from 'vitest'
import { readWorkCounters } from '../../login-manager/work-counters'
import { courseModules } from '../builtin-modules'
import { warmUpRealm } from './warm-up'

describe('warmUpRealm', () => {
  it('signs the sample in and reaches its dashboard, with the course modules', async () => {
    expect(await warmUpRealm(courseModules)).toBe(true)
  })

  it('hashes no password, so the work counters the checks read stay as they were', async () => {
    const before = readWorkCounters()
    await warmUpRealm(courseModules)
    expect(readWorkCounters()).toEqual(before)
  })

  it('stops between steps once told to, before the visit is over', async () => {
    let steps = 0
    expect(await warmUpRealm(courseModules, () => ++steps > 3)).toBe(false)
    expect(steps).toBe(4)
  })

  it('does nothing at all when a run has already arrived', async () => {
    let asked = 0
    expect(await warmUpRealm(courseModules, () => ++asked > 0)).toBe(false)
    expect(asked).toBe(1)
  })

  it('says so, and throws nothing, when the modules it needs are missing', async () => {
    expect(await warmUpRealm({})).toBe(false)
  })
})
