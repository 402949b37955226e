/**
 * A `Cookie` or `Set-Cookie` header as the inspector's table shows it: each cookie's value cut to
 * its first `keep` characters and an ellipsis, its name and attributes kept whole. A signed session
 * value runs to hundreds of characters; uncut, it pushes the jar's reasons, the part the lessons ask
 * you to read, far down the table. The full value stays in the cell's title and in the cookie
 * decoder below the table.
 *
 * @param header - one header: `a=1; b=2` (sent) or `name=value; Path=/; HttpOnly` (received)
 * @param kind - `sent` shortens every pair; `set` only the first, the rest are attributes
 * @param keep - how many characters of each value to show
 * @returns the header with long values cut
 * @example
 * shortCookies(`session=${'x'.repeat(300)}; Path=/; HttpOnly`, 'set')
 * // 'session=xxxxxxxxxxxxxxxxxxxxxxxx…; Path=/; HttpOnly'
 */
export function shortCookies(header: string, kind: 'sent' | 'set', keep = 24): string {
  return header
    .split('; ')
    .map((pair, index) => {
      if (kind === 'set' && index > 0) return pair
      const equals = pair.indexOf('=')
      const value = equals === -1 ? pair : pair.slice(equals + 1)
      if (value.length <= keep + 1) return pair
      return `${pair.slice(0, equals + 1)}${value.slice(0, keep)}…`
    })
    .join('; ')
}
