import { describe, expect, it } from 'vitest'
import { safeExcerpt, shapeResult } from './results'

describe('safeExcerpt', () => {
  it('keeps mark elements and escapes every other tag', () => {
    expect(safeExcerpt('a <mark>cookie</mark> <script>alert(1)</script>')).toBe(
      'a <mark>cookie</mark> &lt;script&gt;alert(1)&lt;/script&gt;',
    )
  })
  it('escapes attributes smuggled into a mark-like tag', () => {
    expect(safeExcerpt('<mark onclick="x">a</mark>')).toBe(
      '&lt;mark onclick=&quot;x&quot;&gt;a</mark>',
    )
  })
  it('leaves entities Pagefind already escaped alone', () => {
    expect(safeExcerpt('a &lt;b&gt; &amp; c & d')).toBe('a &lt;b&gt; &amp; c &amp; d')
  })
})

describe('shapeResult', () => {
  const data = {
    url: '/lessons/signed-cookies/',
    excerpt: 'a <mark>signed</mark> cookie',
    meta: { title: 'Signed cookies', part: 'Part 1 · By hand' },
    sub_results: [
      { title: 'Signed cookies', url: '/lessons/signed-cookies/', excerpt: 'top' },
      {
        title: 'Why sign',
        url: '/lessons/signed-cookies/#why-sign',
        excerpt: '<mark>signed</mark>',
      },
      { title: 'Verify', url: '/lessons/signed-cookies/#verify', excerpt: 'v' },
      { title: 'Rotate', url: '/lessons/signed-cookies/#rotate', excerpt: 'r' },
      { title: 'More', url: '/lessons/signed-cookies/#more', excerpt: 'm' },
    ],
  }
  it('names the lesson, its part and its best-matching sections, without repeating the page', () => {
    const hit = shapeResult(data)
    expect(hit.title).toBe('Signed cookies')
    expect(hit.part).toBe('Part 1 · By hand')
    expect(hit.sections.map((s) => s.title)).toEqual(['Why sign', 'Verify', 'Rotate'])
    expect(hit.sections[0]?.excerpt).toBe('<mark>signed</mark>')
  })
  it('falls back to the URL when a page has no title, and to no part', () => {
    const hit = shapeResult({ url: '/x/', excerpt: '', meta: {} })
    expect(hit).toEqual({ title: '/x/', part: '', url: '/x/', excerpt: '', sections: [] })
  })
})
