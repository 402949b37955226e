/**
 * Search results shaped for the page: pure functions over what Pagefind returns, no DOM, so they
 * run in Node tests. The search store (`src/stores/search.ts`) calls them.
 *
 * @example
 * import { shapeResult } from '../search/results'
 */

/** The part of a Pagefind result's data the course uses. @example const data: PagefindResultData = { url: '/lessons/a/', excerpt: '', meta: { title: 'A' }, sub_results: [] } */
export interface PagefindResultData {
  url: string
  excerpt: string
  meta: Record<string, string | undefined>
  sub_results?: Array<{ title: string; url: string; excerpt: string; locations?: number[] }>
}

/** One section (heading) of a page that matched. @example const section: SearchSection = { title: 'Signing', url: '/lessons/a/#signing', excerpt: 'a <mark>cookie</mark>' } */
export interface SearchSection {
  title: string
  url: string
  /** HTML holding only text and `<mark>` elements. */
  excerpt: string
}

/** One page that matched: the lesson (or quiz, or reference) and its matching sections. @example const hit: SearchHit = { title: 'A', part: 'Part 1 · By hand', url: '/lessons/a/', excerpt: '', sections: [] } */
export interface SearchHit {
  title: string
  /** The course part, for lessons ("Part 1 · By hand"); empty otherwise. */
  part: string
  url: string
  excerpt: string
  sections: SearchSection[]
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Make an excerpt safe to insert as HTML: every tag other than `<mark>`/`</mark>` is escaped, so
 * text that looks like markup (a lesson quoting `<script>`) shows as text.
 *
 * @param excerpt - Pagefind's excerpt
 * @returns HTML with at most `<mark>` elements
 * @example
 * safeExcerpt('a <mark>b</mark> <img src=x onerror=alert(1)>') // 'a <mark>b</mark> &lt;img src=x onerror=alert(1)&gt;'
 */
export function safeExcerpt(excerpt: string): string {
  return excerpt
    .split(/(<\/?mark>)/)
    .map((piece) =>
      piece === '<mark>' || piece === '</mark>'
        ? piece
        : piece.replace(/&(?![a-z]+;|#\d+;)|[<>"']/g, (c) => ENTITIES[c] ?? c),
    )
    .join('')
}

/**
 * Shape one Pagefind result: the page's title and part, its excerpt, and the `maxSections`
 * sections with the most matches, best first (the page's own top, which repeats the page, is left
 * out).
 *
 * @param data - a result's `data()`
 * @param maxSections - how many sections to keep (default 3)
 * @returns the hit
 * @example
 * shapeResult({ url: '/lessons/a/', excerpt: 'x', meta: { title: 'A' }, sub_results: [{ title: 'B', url: '/lessons/a/#b', excerpt: 'y' }] }).sections[0].title // 'B'
 */
export function shapeResult(data: PagefindResultData, maxSections = 3): SearchHit {
  const sections = (data.sub_results ?? [])
    .filter((section) => section.url !== data.url && section.url.includes('#'))
    .map((section, order) => ({ section, order, hits: section.locations?.length ?? 0 }))
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .slice(0, maxSections)
    .map(({ section }) => section)
    .map((section) => ({
      title: section.title,
      url: section.url,
      excerpt: safeExcerpt(section.excerpt),
    }))
  return {
    title: data.meta['title'] ?? data.url,
    part: data.meta['part'] ?? '',
    url: data.url,
    excerpt: safeExcerpt(data.excerpt),
    sections,
  }
}
