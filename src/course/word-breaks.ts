/** Where a long code name may wrap: inside camelCase, and after `.`, `_`, `/`, `(` or `,`. */
const BREAK_AFTER = /[a-z0-9](?=[A-Z])|[._/(,](?=[\w$])/g

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * A code name as HTML with `<wbr>` where it may wrap, so a narrow column breaks
 * `LoginManagerErrorCode` as `LoginManagerError`/`Code`, never mid-word. Use it with
 * `overflow-wrap: normal` (or `break-word`), not `anywhere`, which would still break anywhere.
 *
 * @param name - an identifier or a short code phrase
 * @returns escaped HTML with `<wbr>` at the break points
 * @example
 * nameWithBreaks('LoginManagerErrorCode') // 'Login<wbr>Manager<wbr>Error<wbr>Code'
 * nameWithBreaks('c.var.currentUser') // 'c.<wbr>var.<wbr>current<wbr>User'
 */
export function nameWithBreaks(name: string): string {
  return escapeHtml(name).replace(BREAK_AFTER, '$&<wbr>')
}

/**
 * Rendered Markdown with `<wbr>` break points added inside its inline `<code>` spans (code blocks,
 * whose `<code>` carries attributes, are left alone).
 *
 * @param html - HTML from the Markdown renderer, already escaped
 * @returns the same HTML with break points in inline code
 * @example
 * inlineCodeWithBreaks('<p>Use <code>loginRequired()</code>.</p>') // '<p>Use <code>login<wbr>Required()</code>.</p>'
 */
export function inlineCodeWithBreaks(html: string): string {
  return html.replace(
    /<code>([^<]*)<\/code>/g,
    (_, inner: string) => `<code>${inner.replace(BREAK_AFTER, '$&<wbr>')}</code>`,
  )
}
