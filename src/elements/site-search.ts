/**
 * `<site-search>`: opens the search dialog from its link, `/`, Ctrl+K or ⌘K (not while the learner
 * types in a field or an editor). This file is all that loads with the page; the dialog's code and
 * Pagefind load on the first open.
 *
 * @example
 * <site-search><a href="/search/">Search</a><dialog>…</dialog></site-search>
 */
export class SiteSearchElement extends HTMLElement {
  #onKey = (event: KeyboardEvent) => {
    const shortcut =
      (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) ||
      (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey)
    if (!shortcut || event.defaultPrevented || isTyping(event.target)) return
    event.preventDefault()
    void this.open()
  }

  connectedCallback() {
    this.querySelector('a')?.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return
      event.preventDefault()
      void this.open()
    })
    document.addEventListener('keydown', this.#onKey)
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onKey)
  }

  /**
   * Open the dialog at once, so what the learner types next lands in the box, then load its code
   * (once), which searches for whatever is already typed.
   */
  async open() {
    const opener = document.activeElement
    const dialog = this.querySelector('dialog')
    const input = this.querySelector('input')
    if (!dialog || !input || dialog.open) return
    dialog.showModal()
    input.focus()
    input.select()
    const { wireSearchDialog } = await import('./search-dialog')
    wireSearchDialog(
      dialog,
      input,
      opener instanceof HTMLElement ? opener : this.querySelector('a'),
    )
  }
}

/** Whether a key press belongs to something the learner is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  return (
    target.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .monaco-editor, .cm-editor',
    ) !== null
  )
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearchElement)
