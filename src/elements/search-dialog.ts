import { createSearchStore, type PagefindApi, type SearchStore } from '../stores/search'
import type { SearchHit } from '../search/results'

/** The index `astro build` writes (see scripts/pagefind-index.mjs); a variable, so Vite leaves it. */
const PAGEFIND = '/pagefind/pagefind.js'

let store: SearchStore | undefined
const wired = new WeakSet<Element>()

/**
 * Give an open search dialog its behaviour (once per dialog): search as the learner types,
 * including what was typed before this code loaded; Escape closes (the browser's modal dialog does
 * that); Tab stays inside; and focus goes back to `opener` on close.
 *
 * @param dialog - the open `<dialog>`
 * @param input - its search box
 * @param opener - what had focus before, to return to
 * @example
 * wireSearchDialog(dialog, dialog.querySelector('input')!, document.querySelector('site-search a'))
 */
export function wireSearchDialog(
  dialog: HTMLDialogElement,
  input: HTMLInputElement,
  opener: HTMLElement | null,
): void {
  if (!wired.has(dialog)) {
    wired.add(dialog)
    wire(dialog, input)
  }
  dialog.addEventListener('close', () => opener?.focus(), { once: true })
  if (input.value.trim() !== '') void store?.search(input.value)
}

function wire(dialog: HTMLDialogElement, input: HTMLInputElement) {
  store ??= createSearchStore(() => import(/* @vite-ignore */ PAGEFIND) as Promise<PagefindApi>)
  const search = store
  const status = dialog.querySelector('[data-status]')
  const list = dialog.querySelector('[data-results]')
  input.addEventListener('input', () => void search.search(input.value))
  dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close())
  // A click on the backdrop lands on the dialog itself.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close()
  })
  // Following a result closes the dialog, so a same-page link (#section) shows its target.
  list?.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a')) dialog.close()
  })
  dialog.addEventListener('keydown', (event) => {
    // A search box eats the first Escape to clear itself; one press should close the dialog.
    if (event.key === 'Escape') {
      event.preventDefault()
      dialog.close()
    } else trapTab(dialog, event)
  })
  search.$state.subscribe((state) => {
    if (status) status.textContent = state.status === 'loading' ? '' : state.message
    list?.replaceChildren(...state.hits.map(renderHit))
  })
}

/** Keep Tab and Shift+Tab inside the dialog. */
function trapTab(dialog: HTMLDialogElement, event: KeyboardEvent) {
  if (event.key !== 'Tab') return
  const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button, a[href]')]
  const first = focusable[0]
  const last = focusable.at(-1)
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last?.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first?.focus()
  }
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/** One result: the page (its part, title and excerpt), then its matching sections. */
function renderHit(hit: SearchHit): HTMLElement {
  const item = element('li', 'hit')
  const link = document.createElement('a')
  link.href = hit.url
  if (hit.part) link.append(element('span', 'hit-part', hit.part))
  link.append(element('span', 'hit-title', hit.title))
  const excerpt = element('span', 'hit-excerpt')
  // safeExcerpt left only text and <mark>.
  excerpt.innerHTML = hit.excerpt
  link.append(excerpt)
  item.append(link)
  if (hit.sections.length > 0) {
    const sections = element('ul', 'sections')
    sections.setAttribute('aria-label', `Sections of ${hit.title}`)
    for (const section of hit.sections) {
      const li = document.createElement('li')
      const a = document.createElement('a')
      a.href = section.url
      a.append(element('span', 'section-title', section.title))
      const text = element('span', 'hit-excerpt')
      text.innerHTML = section.excerpt
      a.append(text)
      li.append(a)
      sections.append(li)
    }
    item.append(sections)
  }
  return item
}
