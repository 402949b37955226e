import { describe, expect, it } from 'vitest'
import { readApiReference } from '../course/api-reference'

// Lessons and the reference page show these comments, so every public export must carry them.
describe('public API documentation', () => {
  const api = readApiReference('src/login-manager/index.ts')

  it('finds the exports', () => {
    expect(api.length).toBeGreaterThan(30)
  })

  it('gives every export a summary and an @example', () => {
    const missing = api
      .filter((entry) => !entry.summary || entry.examples.length === 0)
      .map((entry) => `${entry.kind} ${entry.name}`)
    expect(missing).toEqual([])
  })

  it('documents each function parameter and what it returns', () => {
    const missing = api
      .filter((entry) => entry.kind === 'function')
      .flatMap((entry) => {
        const problems: string[] = []
        // The parameter list, with object-literal types removed so their members don't count.
        let declared = /\(([^)]*)\)/.exec(entry.signature)?.[1] ?? ''
        while (/\{[^{}]*\}/.test(declared)) declared = declared.replace(/\{[^{}]*\}/g, '')
        for (const name of declared.match(/\b\w+(?=\??:)/g) ?? []) {
          if (!entry.params.some((param) => param.name === name))
            problems.push(`${entry.name}: @param ${name}`)
        }
        if (!/\):\s*(void|Promise<void>)$/.test(entry.signature) && !entry.returns)
          problems.push(`${entry.name}: @returns`)
        return problems
      })
    expect(missing).toEqual([])
  })
})
