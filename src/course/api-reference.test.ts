import { describe, expect, it } from 'vitest'
import { readApiReference } from './api-reference'

describe('readApiReference', () => {
  const api = readApiReference('src/login-manager/index.ts')
  it('lists the public API with signatures', () => {
    const names = api.map((entry) => entry.name)
    for (const name of [
      'LoginManager',
      'loginUser',
      'logoutUser',
      'currentUser',
      'session',
      'safeNext',
      'describeAuth',
    ]) {
      expect(names).toContain(name)
    }
    expect(api.find((e) => e.name === 'loginUser')?.signature).toMatch(
      /^loginUser<User extends UserMixin>\(c: Context/,
    )
  })

  it('every exported function and class has a summary and an @example', () => {
    const missing = api
      .filter((entry) => entry.kind === 'function' || entry.kind === 'class')
      .filter((entry) => !entry.summary || entry.examples.length === 0)
      .map((entry) => entry.name)
    expect(missing).toEqual([])
  })
})
