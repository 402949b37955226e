import { describe, expect, it } from 'vitest'
import { buildOutline, outlineProblems, placeDraft, type OutlineLessonInput } from './outline'

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
    expect(b).toMatchObject({ number: 2, href: '/lessons/b/', partTitle: 'First', partNumber: 1 })
    expect(outline[1]?.lessons[0]).toMatchObject({ number: 3, partNumber: 2 })
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

  it('numbers parts by their order, not by their position, even with gaps', () => {
    const gappy = [
      { id: 'late', title: 'Late', order: 5, description: 'A later part.' },
      { id: 'early', title: 'Early', order: 2, description: 'An earlier part.' },
    ]
    const outline = buildOutline(gappy, [lesson('a', 'late', 1)])
    expect(outline.map((p) => p.order)).toEqual([2, 5])
    expect(outline[1]?.lessons[0]?.partNumber).toBe(5)
  })
})

describe('outlineProblems', () => {
  it('is empty for a course that holds together', () => {
    expect(outlineProblems(parts, [lesson('a', 'one', 1), lesson('b', 'two', 1)])).toEqual([])
  })

  it('reports every problem at once, naming the file and the field', () => {
    const twoFirsts = [...parts, { id: 'three', title: 'Third', order: 1, description: 'Again.' }]
    expect(
      outlineProblems(twoFirsts, [
        lesson('a', 'one', 1),
        lesson('b', 'one', 1),
        lesson('c', 'missing', 1),
      ]),
    ).toEqual([
      'lessons/parts.yaml: order: 1 is used by both part "one" and part "three". Give each part its own order.',
      'lessons/c.mdx: part: "missing" is not a part in lessons/parts.yaml (two, one, three).',
      'lessons/b.mdx: order: 1 is already used by lessons/a.mdx in part "one". Give each lesson of a part its own order.',
    ])
  })

  it('reports a part id listed twice', () => {
    expect(outlineProblems([...parts, { ...parts[0]!, order: 7 }], [])).toEqual([
      'lessons/parts.yaml: id: "two" is used by both part "two" and part "two". Give each part its own id.',
    ])
  })

  it('lets a draft share an order, but not name a missing part', () => {
    expect(outlineProblems(parts, [lesson('a', 'one', 1), lesson('d', 'one', 1, true)])).toEqual([])
    expect(outlineProblems(parts, [lesson('d', 'gone', 1, true)])).toEqual([
      'lessons/d.mdx: part: "gone" is not a part in lessons/parts.yaml (two, one).',
    ])
  })
})

describe('placeDraft', () => {
  it('keeps the part but gives no number and no neighbours', () => {
    expect(placeDraft(lesson('d', 'two', 3, true), parts)).toMatchObject({
      slug: 'd',
      number: null,
      partNumber: 2,
      partTitle: 'Second',
      href: '/lessons/d/',
      previous: null,
      next: null,
    })
  })
})
