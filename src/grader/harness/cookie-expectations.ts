/**
 * Expectations on what the simulated browser's cookie jar did. A failure quotes the jar's own
 * reason, so the learner reads why the browser behaved as it did.
 */
import type { CookieEvent } from '../verdict'
import { CheckFailure } from './checks'
import type { ClientResponse, TestClient } from './client'

/**
 * What the jar's record is read from: one response (that request and the redirects it followed), or
 * a client (everything its browser did so far in this check).
 *
 * @example
 * const subject: CookieSubject = await client.postForm('/login', ada)
 */
export type CookieSubject = TestClient | ClientResponse

const eventsOf = (subject: CookieSubject): CookieEvent[] =>
  typeof subject.cookieEvents === 'function' ? subject.cookieEvents() : subject.cookieEvents

const where = (subject: CookieSubject) =>
  typeof subject.cookieEvents === 'function' ? 'in this browser' : 'on this request'

/** The jar's last word on a cookie among some actions, quoted; or what to say when it had none. */
function lastReason(
  events: CookieEvent[],
  name: string,
  actions: CookieEvent['action'][],
  otherwise: string,
): string {
  const event = events.findLast((e) => e.cookie === name && actions.includes(e.action))
  return event ? `the browser says: "${event.reason}"` : otherwise
}

/**
 * Expect the browser to have refused a `Set-Cookie` for this cookie.
 *
 * @param subject - a response, or a client for all its browser did
 * @param name - the cookie's name
 * @param hint - a nudge toward the fix
 * @example
 * expectCookieRejected(await client.postForm('/login', ada), 'session', 'Over plain http, a Secure cookie is refused.')
 */
export function expectCookieRejected(subject: CookieSubject, name: string, hint?: string): void {
  const events = eventsOf(subject)
  if (events.some((e) => e.cookie === name && e.action === 'rejected')) return
  throw new CheckFailure(
    `Expected the browser to refuse the "${name}" cookie ${where(subject)}, but ${lastReason(events, name, ['stored', 'replaced', 'deleted'], 'the app never set it')}.`,
    hint,
  )
}

/**
 * Expect the browser to have stored (or replaced) this cookie from a `Set-Cookie`.
 *
 * @param subject - a response, or a client for all its browser did
 * @param name - the cookie's name
 * @param hint - a nudge toward the fix
 * @example
 * expectCookieStored(await client.at('https://app.test').postForm('/login', ada), '__Host-session')
 */
export function expectCookieStored(subject: CookieSubject, name: string, hint?: string): void {
  const events = eventsOf(subject)
  if (events.some((e) => e.cookie === name && (e.action === 'stored' || e.action === 'replaced')))
    return
  throw new CheckFailure(
    `Expected the browser to store the "${name}" cookie ${where(subject)}, but ${lastReason(events, name, ['rejected', 'deleted'], 'the app never set it')}.`,
    hint,
  )
}

/**
 * Expect a `Set-Cookie` to have made the browser forget this cookie (`Max-Age=0` or a past
 * `Expires`).
 *
 * @param subject - a response, or a client for all its browser did
 * @param name - the cookie's name
 * @param hint - a nudge toward the fix
 * @example
 * expectCookieDeleted(await client.postForm('/logout', {}), 'remember_token', 'Log out must forget the remember cookie too.')
 */
export function expectCookieDeleted(subject: CookieSubject, name: string, hint?: string): void {
  const events = eventsOf(subject)
  if (events.some((e) => e.cookie === name && e.action === 'deleted')) return
  throw new CheckFailure(
    `Expected the app to delete the "${name}" cookie ${where(subject)}, but ${lastReason(events, name, ['stored', 'replaced', 'rejected'], 'it sent no Set-Cookie for it')}.`,
    hint,
  )
}

/**
 * Expect the browser to have sent this cookie.
 *
 * @param subject - a response, or a client for all its browser did
 * @param name - the cookie's name
 * @param hint - a nudge toward the fix
 * @example
 * expectCookieSent(await client.fromSite('https://news.test').followLink('/dashboard'), 'session')
 */
export function expectCookieSent(subject: CookieSubject, name: string, hint?: string): void {
  const events = eventsOf(subject)
  if (events.some((e) => e.cookie === name && e.action === 'sent')) return
  throw new CheckFailure(
    `Expected the browser to send the "${name}" cookie ${where(subject)}, but ${lastReason(events, name, ['withheld', 'expired'], 'it holds no such cookie for this address')}.`,
    hint,
  )
}

/**
 * Expect the browser not to have sent this cookie (withheld, expired, or never held).
 *
 * @param subject - a response, or a client for all its browser did
 * @param name - the cookie's name
 * @param hint - a nudge toward the fix
 * @example
 * expectCookieNotSent(await client.fromSite('https://evil.test').submitForm('/logout', {}), 'session', 'Set SameSite=Lax on the session cookie.')
 */
export function expectCookieNotSent(subject: CookieSubject, name: string, hint?: string): void {
  const events = eventsOf(subject)
  const sent = events.findLast((e) => e.cookie === name && e.action === 'sent')
  if (!sent) return
  throw new CheckFailure(
    `Expected the browser to keep the "${name}" cookie back ${where(subject)}, but the browser says: "${sent.reason}".`,
    hint,
  )
}
