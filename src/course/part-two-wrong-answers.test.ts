// Wrong answers a newcomer gave, or could give, to the exercises of Part 2, graded in Node: each
// must fail, and say what is wrong rather than point at another mistake.
import { describe, expect, it } from 'vitest'
import { loadExercise } from './exercise-files'
import { runInNode } from './node-runtime'

const failedChecks = (verdict: Awaited<ReturnType<typeof runInNode>>) =>
  verdict.checks.filter((check) => !check.passed)

describe('sign-out-everywhere grades the version check the learner writes', () => {
  const bundle = loadExercise('sign-out-everywhere')
  const solution = bundle.solution['app.ts'] ?? ''

  it('a loader that ignores the version fails the signing-out check', async () => {
    const ignoresVersion = solution.replace(
      /=== version \? user : null/,
      '!== undefined ? user : null',
    )
    expect(ignoresVersion).not.toBe(solution)
    const failed = failedChecks(await runInNode(bundle, { 'app.ts': ignoresVersion }))
    expect(failed.map((check) => check.name)).toEqual([
      "Changing the password on one device signs out Grace's other browsers, remember cookie and all",
    ])
  })

  it('a password change that does not raise the version fails the same check', async () => {
    const keepsVersion = solution.replace(/(user\.\w+) = \1 \+ 1/, '$1 = $1')
    expect(keepsVersion).not.toBe(solution)
    const failed = failedChecks(await runInNode(bundle, { 'app.ts': keepsVersion }))
    expect(failed.map((check) => check.name)).toEqual([
      "Changing the password on one device signs out Grace's other browsers, remember cookie and all",
    ])
  })
})

describe('admin-only-area: a member sent to log in is told about the status, not the pattern', () => {
  const bundle = loadExercise('admin-only-area')
  const solution = bundle.solution['app.ts'] ?? ''

  it('answering a member with the login redirect fails with a hint about the refusal', async () => {
    const redirectsMembers = solution.replace(
      /if \(user\.role !== role\) return c\.text\([^\n]*\n/,
      'if (user.role !== role) return loginManager.unauthorized(c)\n',
    )
    expect(redirectsMembers).not.toBe(solution)
    const failed = failedChecks(await runInNode(bundle, { 'app.ts': redirectsMembers }))
    expect(failed.length).toBeGreaterThan(1)
    for (const check of failed) {
      expect(check.message).toMatch(/got 30\d/)
      expect(check.hint).toMatch(/logged in already/)
      expect(check.hint).not.toMatch(/pattern|only from the user the loader returned/)
    }
  })

  it('a guard mounted on /admin alone still gets the hint about the pattern', async () => {
    const narrow = solution.replace("app.use('/admin/*',", "app.use('/admin',")
    expect(narrow).not.toBe(solution)
    const failed = failedChecks(await runInNode(bundle, { 'app.ts': narrow }))
    expect(failed.map((check) => check.name)).toEqual([
      'Every admin route is guarded: Grace cannot promote herself with POST /admin/role',
    ])
    expect(failed[0]?.hint).toMatch(/pattern/)
  })
})
