import { describe, expect, it } from 'vitest'
import { buildOutline, type OutlineLessonInput } from './outline'

const parts = [
  { id: 'two', title: 'Second', order: 2, description: 'The second part.' },
  { id: 'one', title: 'First', order: 1, description: 'The first part.' },
]
const lesson = (slug: string, part: string, order: number, draft = false): OutlineLessonInput => ({
  slug,
  file: `lessons/${slug}.mdx`,
  title: slug.toUpperCase(),
  part,
  order,
  minutes: 10,
  summary: 'A lesson.',
  draft,
})

describe('buildOutline', () => {
  it('orders parts and lessons, numbers lessons and links neighbours across parts', () => {
    const outline = buildOutline(parts, [
      lesson('c', 'two', 1),
      lesson('b', 'one', 2),
      lesson('a', 'one', 1),
    ])
    expect(outline.map((p) => p.id)).toEqual(['one', 'two'])
    expect(outline[0]?.lessons.map((l) => l.slug)).toEqual(['a', 'b'])
    expect(outline[0]?.minutes).toBe(20)
    const b = outline[0]?.lessons[1]
    expect(b).toMatchObject({ number: 2, href: '/lessons/b/', partTitle: 'First' })
    expect(b?.previous?.slug).toBe('a')
    expect(b?.next?.slug).toBe('c')
    expect(outline[1]?.lessons[0]?.next).toBeNull()
    expect(outline[0]?.lessons[0]?.previous).toBeNull()
  })

  it('leaves drafts out', () => {
    const outline = buildOutline(parts, [lesson('a', 'one', 1), lesson('draft', 'one', 2, true)])
    expect(outline[0]?.lessons.map((l) => l.slug)).toEqual(['a'])
  })

  it('names both files when two lessons of a part share an order', () => {
    expect(() => buildOutline(parts, [lesson('a', 'one', 1), lesson('b', 'one', 1)])).toThrow(
      'lessons/b.mdx: order: 1 is already used by lessons/a.mdx in part "one"',
    )
  })

  it('names the file and field when a lesson names an unknown part', () => {
    expect(() => buildOutline(parts, [lesson('a', 'nope', 1)])).toThrow(
      'lessons/a.mdx: part: "nope" is not a part',
    )
  })
})
