import { describe, expect, it } from 'vitest'
import { highlightCode } from './highlight'

describe('highlightCode', () => {
  it('highlights with both themes and marks blanks', async () => {
    const html = await highlightCode('const user = ___\nawait ___(c)')
    expect(html).toContain('astro-code')
    expect(html).not.toContain('--shiki-dark')
    expect(html).toMatch(/<span class="l\d+ d\d+">/)
    expect(html.match(/<mark class="blank">___<\/mark>/g)).toHaveLength(2)
  })
})
