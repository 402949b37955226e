import { describe, expect, it } from 'vitest'
import { findBlanks, nextBlank } from './blanks'

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
