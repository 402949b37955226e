import { describe, expect, it } from 'vitest'
import { applyMutant } from './patch'

const mutant = (find: string, replace = '', file?: string) => ({
  patches: [{ find, replace, ...(file ? { file } : {}) }],
})

describe('applyMutant', () => {
  it('replaces the text once, in the entry unless a file is named, and leaves the input alone', () => {
    const files = { 'app.ts': 'a(); b()', 'b.ts': 'x' }
    expect(applyMutant(files, mutant(' b()'), 'app.ts')).toEqual({ 'app.ts': 'a();', 'b.ts': 'x' })
    expect(applyMutant(files, mutant('x', 'y', 'b.ts'), 'app.ts')['b.ts']).toBe('y')
    expect(files['app.ts']).toBe('a(); b()')
  })

  it('refuses text that is missing or found twice, and a file that does not exist', () => {
    expect(() => applyMutant({ 'app.ts': 'a' }, mutant('z'), 'app.ts')).toThrow(/is not in app\.ts/)
    expect(() => applyMutant({ 'app.ts': 'aa' }, mutant('a'), 'app.ts')).toThrow(/more than once/)
    expect(() => applyMutant({ 'app.ts': 'a' }, mutant('a', '', 'c.ts'), 'app.ts')).toThrow(
      /"c\.ts" is not a file/,
    )
  })
})
