import { describe, expect, it } from 'vitest'
import { codeTokens, lineDiff } from './line-diff'

describe('lineDiff', () => {
  it('marks changed, added and kept lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ])
  })
  it('keeps identical files identical', () => {
    expect(lineDiff('x\ny', 'x\ny').every((line) => line.kind === 'same')).toBe(true)
  })
  it('ignores formatting: line breaks, trailing commas, semicolons, quotes and comments', () => {
    const learner = [
      '// the dashboard',
      "app.get('/dashboard', loginRequired<User>(), (c) => c.text(`Hi ${c.var.name}!`))",
    ].join('\n')
    const solution = [
      'app.get("/dashboard", loginRequired<User>(), (c) =>',
      '  c.text(`Hi ${c.var.name}!`),',
      ');',
    ].join('\n')
    expect(lineDiff(learner, solution).map((line) => line.kind)).toEqual(['same', 'same'])
  })
  it('still marks a real difference on a line the solution formats differently', () => {
    const learner = "app.get('/dashboard', ___<User>(), (c) => c.text('hi'))"
    const solution = "app.get('/dashboard', loginRequired<User>(), (c) =>\n  c.text('hi'),\n)"
    expect(lineDiff(learner, solution)).toEqual([
      { kind: 'removed', text: learner },
      { kind: 'added', text: "app.get('/dashboard', loginRequired<User>(), (c) =>" },
    ])
  })
  it('keeps strings apart from code, and a different string is a difference', () => {
    expect(codeTokens('f(\'a b\', "c")').map((token) => token.value)).toEqual([
      'f',
      '(',
      '"a b',
      ',',
      '"c',
      ')',
    ])
    expect(lineDiff("f('on')", "f('off')").map((line) => line.kind)).toEqual(['removed', 'added'])
  })
})
