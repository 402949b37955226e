import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown'

describe('renderMarkdown', () => {
  it('renders inline code and paragraphs', async () => {
    expect(await renderMarkdown('Call `loginUser(c, user)`.')).toBe(
      '<p>Call <code>loginUser(c, user)</code>.</p>\n',
    )
  })
  it('highlights fenced code like the lessons', async () => {
    const html = await renderMarkdown('```ts\nconst a = 1\n```')
    expect(html).toContain('class="astro-code shiki')
  })
  it('escapes raw HTML', async () => {
    expect(await renderMarkdown('<img src=x onerror=alert(1)>')).not.toContain('<img')
  })
  it('renders inline without a paragraph', async () => {
    expect(await renderMarkdown('**yes**', { inline: true })).toBe('<strong>yes</strong>')
  })
})
