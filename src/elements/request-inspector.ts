import type { TimelineEntry } from '../grader/verdict'
import { renderCookieReasons } from '../inspector/cookie-reasons'
import { shortCookies } from '../inspector/short-cookies'
import { exerciseOf } from './exercise-context'

/**
 * `<request-inspector>`: every request the last run made, grouped by check (each check starts
 * with fresh browsers and empty cookie jars, so numbering restarts too), with the cookie jar's
 * reasons under each request, and the cookies received offered to its `<cookie-decoder>`.
 *
 * @example
 * <request-inspector><details data-inspector hidden><table data-timeline>…</table>
 *   <cookie-decoder>…<select data-cookie-select></select>…</cookie-decoder></details></request-inspector>
 */
export class RequestInspectorElement extends HTMLElement {
  #stop: (() => void) | undefined

  connectedCallback() {
    void exerciseOf(this)?.then(({ store }) => {
      if (!this.isConnected) return
      this.#stop = store.$verdict.subscribe((verdict) => this.#render(verdict?.timeline ?? []))
    })
  }

  disconnectedCallback() {
    this.#stop?.()
  }

  #render(timeline: TimelineEntry[]) {
    const table = this.querySelector<HTMLTableElement>('table[data-timeline]')
    const inspector = this.querySelector<HTMLElement>('[data-inspector]')
    if (!table || !inspector) return
    inspector.hidden = timeline.length === 0
    for (const old of table.querySelectorAll(':scope > tbody')) old.remove()
    const groups: TimelineEntry[][] = []
    for (const entry of timeline) {
      const last = groups.at(-1)
      if (last && last[0]?.check === entry.check) last.push(entry)
      else groups.push([entry])
    }
    const checkNames = [...new Set(timeline.map((entry) => entry.check))]
    table.append(
      ...groups.map((entries) => {
        const name = entries[0]?.check ?? ''
        return group(
          name === 'scenario'
            ? 'The example, one browser throughout'
            : `Check ${checkNames.indexOf(name) + 1}: ${name}`,
          entries,
        )
      }),
    )
    const cookieSelect = this.querySelector<HTMLSelectElement>('[data-cookie-select]')
    if (!cookieSelect) return
    const values = [...new Set(timeline.flatMap((entry) => entry.setCookie))]
      .map((header) => header.split(';')[0] ?? '')
      .filter((pair) => pair.includes('=') && pair.split('=')[1] !== '')
    cookieSelect.replaceChildren(
      ...values.map((pair) => {
        const option = document.createElement('option')
        option.value = pair
        option.textContent = pair.length > 60 ? `${pair.slice(0, 57)}…` : pair
        return option
      }),
    )
    cookieSelect.dispatchEvent(new Event('change'))
  }
}

/** One check's requests: a row group headed by the check's name. */
function group(title: string, entries: TimelineEntry[]): HTMLTableSectionElement {
  const body = document.createElement('tbody')
  const headerRow = document.createElement('tr')
  headerRow.className = 'timeline-check'
  const header = document.createElement('th')
  header.scope = 'rowgroup'
  header.colSpan = 5
  header.textContent = title
  headerRow.append(header)
  body.append(headerRow)
  entries.forEach((entry, index) => {
    // What the check did between requests that no request shows: a restart, the clock, a cookie
    // by hand. Said where it happened, so the requests after it make sense.
    for (const note of entry.before ?? []) {
      const noteRow = document.createElement('tr')
      noteRow.className = 'timeline-note'
      const cell = document.createElement('td')
      cell.colSpan = 4
      cell.textContent = note
      noteRow.append(document.createElement('td'), cell)
      body.append(noteRow)
    }
    const row = document.createElement('tr')
    const number = document.createElement('th')
    number.scope = 'row'
    number.textContent = String(index + 1)
    row.append(number)
    const cells = [
      `${entry.method} ${entry.path}${entry.browser > 1 ? ` (browser ${entry.browser})` : ''}`,
      `${entry.status}${entry.location ? ` → ${entry.location}` : ''}`,
      entry.cookieSent || '(none)',
      entry.setCookie.length ? entry.setCookie.join('\n') : '(none)',
    ]
    // Long cookie values are cut so the jar's reasons stay near their request; the full text is
    // the cell's title, and the decoder below the table takes any value received.
    const shown = [
      ...cells.slice(0, 2),
      entry.cookieSent ? shortCookies(entry.cookieSent, 'sent') : '(none)',
      entry.setCookie.length
        ? entry.setCookie.map((header) => shortCookies(header, 'set')).join('\n')
        : '(none)',
    ]
    shown.forEach((text, index) => {
      const cell = document.createElement('td')
      cell.textContent = text
      if (text !== cells[index]) cell.title = cells[index] ?? ''
      row.append(cell)
    })
    body.append(row)
    if (entry.cookieEvents?.length) {
      const reasons = document.createElement('tr')
      reasons.className = 'timeline-cookie-reasons'
      const cell = document.createElement('td')
      cell.colSpan = 4
      cell.append(renderCookieReasons(entry.cookieEvents))
      reasons.append(document.createElement('td'), cell)
      body.append(reasons)
    }
  })
  return body
}

if (!customElements.get('request-inspector'))
  customElements.define('request-inspector', RequestInspectorElement)
