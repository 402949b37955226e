import type { Context } from 'hono'
import { getSession, type Session, type SessionValue } from './session'

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
 * app.post('/settings', (c) => {
 *   flash(c, 'Settings saved.', 'success')
 *   return c.redirect('/')
 * })
 */
export function flash(c: Context, message: string, category = 'message'): void {
  const session = getSession(c)
  const flashes = (session.get<SessionValue[]>('_flashes') ?? []) as FlashedMessage[]
  session.set('_flashes', [...flashes, [category, message]])
}

// The messages read during a request, per request (each request has its own session object).
const readThisRequest = new WeakMap<Session, FlashedMessage[]>()

/**
 * Take the flashed messages out of the session: each message is shown once, on the first request
 * that reads it. Within that request they stay readable, so a layout and a page may both ask (as in
 * Flask). Messages come in the order they were flashed, except that a filtered read takes its
 * categories first, and those come first in later reads of the same request.
 *
 * @param c - the request context
 * @param options - `withCategories` returns `[category, message]` pairs; `categoryFilter` keeps only those categories (and takes only those out of the session; the rest wait for a later read)
 * @returns the messages
 * @example
 * app.get('/', (c) => {
 *   const messages = getFlashedMessages(c) // ['Welcome back!']
 *   const pairs = getFlashedMessages(c, { withCategories: true }) // [['success', 'Welcome back!']]
 *   return c.json({ messages, pairs })
 * })
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
  const filter = options.categoryFilter
  const wanted = ([category]: FlashedMessage) => !filter || filter.includes(category)
  const waiting = (session.get<SessionValue[]>('_flashes') ?? []) as FlashedMessage[]
  const taken = waiting.filter(wanted)
  const read = readThisRequest.get(session) ?? []
  if (taken.length > 0) {
    const kept = waiting.filter((message) => !wanted(message))
    if (kept.length > 0) session.set('_flashes', kept)
    else session.delete('_flashes')
    read.push(...taken)
  }
  readThisRequest.set(session, read)
  const picked = read.filter(wanted)
  return options.withCategories ? picked : picked.map(([, message]) => message)
}
