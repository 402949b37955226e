import { describe, expect, it } from 'vitest'
import { blanksAsErrors, findBlanks, nextBlank } from './blanks'

describe('findBlanks', () => {
  it('finds each blank with its line and column', () => {
    const text = 'const a = ___\nif (___) {\n  x(_____)\n}'
    expect(findBlanks(text)).toEqual([
      { line: 1, column: 11, offset: 10 },
      { line: 2, column: 5, offset: 18 },
      { line: 3, column: 5, offset: 29 },
    ])
  })
  it('ignores two underscores and finds nothing in finished code', () => {
    expect(findBlanks('const __dirname = 1')).toEqual([])
  })
})

describe('nextBlank', () => {
  const blanks = findBlanks('___ a ___ b ___')
  it('moves forward and wraps', () => {
    expect(nextBlank(blanks, 0, 1)?.offset).toBe(6)
    expect(nextBlank(blanks, 12, 1)?.offset).toBe(0)
  })
  it('moves back and wraps', () => {
    expect(nextBlank(blanks, 6, -1)?.offset).toBe(0)
    expect(nextBlank(blanks, 0, -1)?.offset).toBe(12)
  })
  it('gives null with no blanks', () => {
    expect(nextBlank([], 0, 1)).toBeNull()
  })
})

describe('blanksAsErrors', () => {
  const run = (code: string) => new Function(code.replace('export default', 'return'))() as unknown
  it('keeps lines, and throws naming the blank only where a blank is reached', () => {
    const { 'app.ts': code = '' } = blanksAsErrors(['app.ts'], {
      'app.ts': 'const f = (x) => x ?? ___\nexport default f',
    })
    expect(code.split('\n')).toHaveLength(2)
    const f = run(code) as (x: unknown) => unknown
    expect(f(1)).toBe(1)
    expect(() => f(null)).toThrow('blank left at app.ts line 1')
  })
  it('lets a called blank with no arguments give a function that throws when called', () => {
    const { 'app.ts': code = '' } = blanksAsErrors(['app.ts'], {
      'app.ts': 'const guard = ___()\nconst use = () => ___(1)\nexport default { guard, use }',
    })
    const { guard, use } = run(code) as { guard: () => void; use: () => void }
    expect(guard).toThrow('blank left at app.ts line 1')
    expect(use).toThrow('blank left at app.ts line 2')
  })
  it('reads a blank in a member position as a lookup that throws, keeping optional chaining', () => {
    const { 'app.ts': code = '' } = blanksAsErrors(['app.ts'], {
      'app.ts':
        'const read = (m) => m.___("k")\nconst maybe = (m) => m?.___\nconst spread = (a) => [...a]\nexport default { read, maybe, spread }',
    })
    const { read, maybe, spread } = run(code) as Record<string, (x: unknown) => unknown>
    expect(() => read?.(new Map())).toThrow('blank left at app.ts line 1')
    expect(maybe?.(undefined)).toBeUndefined()
    expect(() => maybe?.({})).toThrow('blank left at app.ts line 2')
    expect(spread?.([1])).toEqual([1])
  })
  it('turns a blank that is a whole string into the throwing expression', () => {
    const { 'app.ts': code = '' } = blanksAsErrors(['app.ts'], {
      'app.ts':
        "const path = () => '___'\nconst key = (f) => f['___']\nexport default { path, key }",
    })
    const { path, key } = run(code) as Record<string, (x?: unknown) => unknown>
    expect(() => path?.()).toThrow('blank left at app.ts line 1')
    expect(() => key?.({})).toThrow('blank left at app.ts line 2')
  })
  it('leaves read-only files and files without blanks alone', () => {
    const files = { 'app.ts': 'ok', 'users.ts': '___' }
    expect(blanksAsErrors(['app.ts'], files)).toBe(files)
  })
})
