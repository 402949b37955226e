import type { Context } from 'hono'
import { getSession, type SessionValue } from './session'

/**
 * One flashed message and its category, as `getFlashedMessages(c, { withCategories: true })` returns it.
 *
 * @example
 * const [category, message]: FlashedMessage = ['success', 'Saved']
 */
export type FlashedMessage = [category: string, message: string]

/**
 * Keep a message for the next page the user sees (after a redirect, say). Stored in the session
 * under `_flashes`.
 *
 * @param c - the request context
 * @param message - the text to show
 * @param category - a category such as `message`, `error` or `success` (default `message`)
 * @example
 * flash(c, 'Welcome back!', 'success')
 * return c.redirect('/')
 */
export function flash(c: Context, message: string, category = 'message'): void {
  const session = getSession(c)
  const flashes = (session.get<SessionValue[]>('_flashes') ?? []) as FlashedMessage[]
  session.set('_flashes', [...flashes, [category, message]])
}

/**
 * Take the flashed messages out of the session: each message is shown once.
 *
 * @param c - the request context
 * @param options - `withCategories` returns `[category, message]` pairs; `categoryFilter` keeps only those categories (and consumes only those)
 * @returns the messages
 * @example
 * const messages = getFlashedMessages(c) // ['Welcome back!']
 * const pairs = getFlashedMessages(c, { withCategories: true }) // [['success', 'Welcome back!']]
 */
export function getFlashedMessages(
  c: Context,
  options: { withCategories: true; categoryFilter?: string[] },
): FlashedMessage[]
export function getFlashedMessages(
  c: Context,
  options?: { withCategories?: false; categoryFilter?: string[] },
): string[]
export function getFlashedMessages(
  c: Context,
  options: { withCategories?: boolean; categoryFilter?: string[] } = {},
): string[] | FlashedMessage[] {
  const session = getSession(c)
  const flashes = (session.get<SessionValue[]>('_flashes') ?? []) as FlashedMessage[]
  const filter = options.categoryFilter
  const picked = filter ? flashes.filter(([category]) => filter.includes(category)) : flashes
  const kept = filter ? flashes.filter(([category]) => !filter.includes(category)) : []
  if (flashes.length > 0) {
    if (kept.length > 0) session.set('_flashes', kept)
    else session.delete('_flashes')
  }
  return options.withCategories ? picked : picked.map(([, message]) => message)
}
