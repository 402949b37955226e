import { describe, expect, it } from 'vitest'
import { checksBuiltins } from './checks-builtins'
import { warmUpGrader } from './grader-warm-up'

describe('warmUpGrader', () => {
  it('compiles the sample, loads sample checks with the checks modules, and passes them', async () => {
    expect(await warmUpGrader(checksBuiltins)).toBe(true)
  })

  it('stops between steps once told to, and gives way to the event loop between them', async () => {
    let asked = 0
    let timers = 0
    const ticking = setInterval(() => timers++, 0)
    try {
      expect(await warmUpGrader(checksBuiltins, () => ++asked > 2)).toBe(false)
    } finally {
      clearInterval(ticking)
    }
    expect(asked).toBe(3)
    expect(timers).toBeGreaterThan(0)
  })

  it('says so, and throws nothing, when the checks modules are missing', async () => {
    expect(await warmUpGrader({})).toBe(false)
  })
})
