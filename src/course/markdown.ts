import { Marked, type Tokens } from 'marked'
import { highlightCode } from './highlight'

/**
 * Render author Markdown (hints, quiz prompts and explanations) to HTML at build time. Fenced code
 * is highlighted like the lessons' code blocks. Raw HTML in the source is escaped, not passed on.
 *
 * @param markdown - the author's text
 * @param options - `inline: true` renders without a wrapping paragraph
 * @returns HTML
 * @example
 * await renderMarkdown('Use `loginUser(c, user)`.') // '<p>Use <code>loginUser(c, user)</code>.</p>\n'
 */
export async function renderMarkdown(
  markdown: string,
  options: { inline?: boolean } = {},
): Promise<string> {
  const marked = new Marked({
    async: true,
    gfm: true,
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    },
  })
  const codeBlocks: string[] = []
  marked.use({
    walkTokens: async (token) => {
      if (token.type === 'code') {
        const code = token as Tokens.Code
        codeBlocks.push(await highlightCode(code.text, code.lang || 'ts'))
        code.text = `\u0000code${codeBlocks.length - 1}\u0000`
      }
    },
    renderer: {
      code: ({ text }: Tokens.Code) => {
        const index = /\u0000code(\d+)\u0000/.exec(text)?.[1]
        return index === undefined
          ? `<pre><code>${escapeHtml(text)}</code></pre>`
          : (codeBlocks[Number(index)] ?? '')
      },
    },
  })
  return options.inline ? marked.parseInline(markdown) : marked.parse(markdown)
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
