import { describe, expect as vitestExpect, it } from 'vitest'
import { expect } from './expect'

const fails = (assertion: () => void) => {
  try {
    assertion()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('the assertion passed')
}

describe('expect for learner tests', () => {
  it('passes what is true and words what is not as vitest does', () => {
    expect(302).toBe(302)
    expect({ a: [1, 2] }).toEqual({ a: [1, 2] })
    expect('Welcome back, Ada').toContain('Ada')
    expect([1, 2]).toContain(2)
    expect('/login?next=%2F').toMatch(/^\/login/)
    expect(undefined).toBeUndefined()
    expect(null).toBeNull()
    expect({ a: { b: 1 } }).toHaveProperty('a.b', 1)
    expect('abc').toHaveLength(3)
    expect(2).toBeGreaterThan(1)
    vitestExpect(fails(() => expect(200).toBe(401))).toBe('expected 200 to be 401')
    vitestExpect(fails(() => expect('x').not.toBeDefined())).toBe('expected "x" not to be defined')
    vitestExpect(fails(() => expect({ a: 1 }).toEqual({ a: 2 }))).toBe(
      'expected {"a":1} to equal {"a":2}',
    )
    vitestExpect(fails(() => expect(undefined).toMatch('a'))).toMatch(/toMatch expects a string/)
  })

  it('cuts long values short', () => {
    vitestExpect(fails(() => expect('x'.repeat(500)).toBe('y')).length).toBeLessThan(160)
  })
})
