import { describe, expect, it } from 'vitest'
import { wantsMoreRealms } from './worker-runtime'

const checks = `import { defineChecks } from 'signed-in/checks'\nexport default defineChecks([])`

describe('wantsMoreRealms', () => {
  it('is false for checks that drive one app start', () => {
    expect(wantsMoreRealms({ checks })).toBe(false)
  })

  it('is true when the checks, or a shared check file they import, restart the app', () => {
    expect(
      wantsMoreRealms({
        checks: checks.replace('[]', '[{ name: "a", async run({ restart }) { await restart() } }]'),
      }),
    ).toBe(true)
    expect(
      wantsMoreRealms({
        checks,
        checkModules: { '_shared/again.ts': 'await restart({ SESSION_SECRET: "x" })' },
      }),
    ).toBe(true)
  })

  it('is true for learner tests graded by mutants, which open a realm per app', () => {
    expect(wantsMoreRealms({ checks: '', mutants: { testFile: 'app.test.ts', mutants: [] } })).toBe(
      true,
    )
  })
})
