import type { CookieEvent } from '../grader/verdict'

/**
 * The cookie jar's reasons for one request of the inspector's timeline, as a list: each cookie
 * sent or withheld, each `Set-Cookie` stored, replaced, deleted, rejected or expired, with the
 * reason in the jar's words. The action is in the words too; the colour only repeats it.
 *
 * @param events - the timeline entry's `cookieEvents`
 * @returns a fragment holding the list, empty when there are no events
 * @example
 * cell.append(renderCookieReasons(entry.cookieEvents ?? []))
 */
export function renderCookieReasons(events: readonly CookieEvent[]): DocumentFragment {
  const fragment = document.createDocumentFragment()
  if (events.length === 0) return fragment
  const list = document.createElement('ul')
  list.className = 'cookie-reasons'
  list.setAttribute('aria-label', 'What the browser did with cookies')
  for (const event of events) {
    const item = document.createElement('li')
    item.dataset['action'] = event.action
    const name = document.createElement('code')
    name.textContent = event.cookie || '(no name)'
    item.append(name, ` ${event.reason}`)
    list.append(item)
  }
  fragment.append(list)
  return fragment
}
