import { describe, expect, it } from 'vitest'
import { blanksAsErrors, findBlanks, nextBlank } from './blanks'
import { compileModule } from './module-loader'

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
  describe('a blank at the start of a line, after a line with no semicolon', () => {
    // Before the fix, each of these became a call on the previous line's value ("1 is not a
    // function", "'x' is not a function") instead of the blank's own message.
    const cases = [
      ['a called blank', 'const name = "ada"\n  ___(name)', 'app.ts line 2'],
      ['a called blank with a type argument', 'const n = 1\n___<string>(n)', 'app.ts line 2'],
      ['a value blank', 'const a = 1\n___\nconst b = 2', 'app.ts line 2'],
      ['a blank that is a whole string', 'const a = [1]\n"___".trim()', 'app.ts line 2'],
      ['a blank after a line ending in a comment', 'const a = 1 // one\n___', 'app.ts line 2'],
    ] as const
    // Through the module loader's compiler, as learner code runs (the type argument needs it).
    const runTypeScript = (code: string) =>
      new Function('exports', compileModule('app.ts', code))({}) as unknown
    for (const [what, source, where] of cases)
      it(`${what} throws the blank's own error`, () => {
        const { 'app.ts': code = '' } = blanksAsErrors(['app.ts'], {
          'app.ts': `const f = () => 1\n${source}\nexport default 0`,
        })
        expect(code.split('\n')).toHaveLength(source.split('\n').length + 2)
        const line = Number(where.split(' ').at(-1)) + 1
        expect(() => runTypeScript(code)).toThrow(`blank left at app.ts line ${line}`)
      })

    it('still continues the expression it belongs to, and keeps the value a called blank gives', () => {
      const { 'app.ts': code = '' } = blanksAsErrors(['app.ts'], {
        'app.ts': [
          'const guard =',
          '  ___()',
          'const pick = (x) =>',
          '  x ??',
          '  ___',
          'const list = (x) => [',
          '  x,',
          '  ___,',
          ']',
          'const fallback = (x) => x ||',
          '  ___ || 2',
          'const only = (x) => { if (x)',
          '  ___(x)',
          '  return 0 }',
          'const chain = (m) => m',
          '  .___("k")',
          'export default { guard, pick, list, fallback, only, chain }',
        ].join('\n'),
      })
      const { guard, pick, list, fallback, only, chain } = run(code) as Record<
        string,
        (x?: unknown) => unknown
      >
      expect(guard).toThrow('blank left at app.ts line 2')
      expect(pick?.(1)).toBe(1)
      expect(() => pick?.(null)).toThrow('blank left at app.ts line 5')
      expect(() => list?.(1)).toThrow('blank left at app.ts line 8')
      expect(fallback?.(3)).toBe(3)
      expect(() => fallback?.(0)).toThrow('blank left at app.ts line 11')
      // The blank is the body of the `if`: it is reached only when the condition holds.
      expect(only?.(0)).toBe(0)
      expect(() => only?.(1)).toThrow('blank left at app.ts line 13')
      expect(() => chain?.(new Map())).toThrow('blank left at app.ts line 16')
    })

    it('once filled in, runs as written', () => {
      const filled = {
        'app.ts': 'const calls = []\nconst name = "ada"\ncalls.push(name)\nexport default calls',
      }
      expect(blanksAsErrors(['app.ts'], filled)).toBe(filled)
      expect(run(filled['app.ts'])).toEqual(['ada'])
    })
  })

  it('leaves read-only files and files without blanks alone', () => {
    const files = { 'app.ts': 'ok', 'users.ts': '___' }
    expect(blanksAsErrors(['app.ts'], files)).toBe(files)
  })
})
