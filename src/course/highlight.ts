import { codeToHtml } from 'shiki'
import { codeThemes, loadCodeColours } from './code-colours'

const codeColours = loadCodeColours()

/**
 * Highlight code at build time with the same light and dark themes, and the same colour classes,
 * as the lessons' code blocks, and mark each exercise blank (`___`) so it stands out before the
 * editor loads.
 *
 * @param code - the source
 * @param lang - a Shiki language id
 * @returns HTML for a `<pre class="astro-code">`
 * @example
 * const html = await highlightCode('const a = ___', 'ts')
 * html.includes('<mark class="blank">___</mark>') // true
 */
export async function highlightCode(code: string, lang = 'ts'): Promise<string> {
  const html = await codeToHtml(code, {
    lang,
    themes: codeThemes,
    defaultColor: 'light-dark()',
    transformers: [(await codeColours).transformer],
  })
  return html
    .replace('class="shiki', 'class="astro-code shiki')
    .replace(/(_{3,})/g, '<mark class="blank">$1</mark>')
}
