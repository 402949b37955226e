import type { EditorHandle } from '../editor/monaco-editor'
import { findBlanks, nextBlank } from '../runner/blanks'

/** Phones and tablets get a plain textarea: Monaco does not support mobile browsers. */
const coarsePointer = () => matchMedia('(pointer: coarse)').matches

/**
 * `<code-editor>`: one exercise file. It starts as server-rendered, highlighted code (no layout
 * shift, works without JavaScript). On first focus or click it becomes editable: Monaco on desktop
 * (loaded only then), a plain textarea on coarse pointers or when `data-plain` is set. Dispatches
 * `code-change` (detail: `{ path, value }`) and `check-request` (Ctrl/Cmd+Enter) events.
 *
 * @example
 * <code-editor data-path="app.ts" data-editable="true" data-label="app.ts (editable)">
 *   <div class="static-code" tabindex="0">…highlighted code…</div>
 * </code-editor>
 */
export class CodeEditorElement extends HTMLElement {
  #value = ''
  /** The exercise's other files, for type information in the editor. */
  siblings: Record<string, string> = {}
  #handle: EditorHandle | undefined
  #upgrading: Promise<void> | undefined

  get path(): string {
    return this.dataset['path'] ?? 'app.ts'
  }

  get editable(): boolean {
    return this.dataset['editable'] === 'true'
  }

  /** The current text. */
  get value(): string {
    return this.#handle?.getValue() ?? this.#value
  }

  set value(text: string) {
    if (text === this.#value) return
    this.#value = text
    this.#handle?.setValue(text)
    const textarea = this.querySelector('textarea')
    if (textarea && textarea.value !== text) textarea.value = text
    if (!this.#handle && !textarea) this.#renderStatic(text)
  }

  /** Which editor is live: the highlighted code, Monaco, or the textarea. */
  get mode(): 'static' | 'monaco' | 'textarea' {
    if (this.#handle) return this.querySelector('textarea') ? 'textarea' : 'monaco'
    return 'static'
  }

  /** Say which text the server-rendered code shows, so setting the same value keeps its highlighting. */
  adoptRendered(text: string): void {
    this.#value = text
  }

  connectedCallback() {
    const staticCode = this.querySelector<HTMLElement>('.static-code')
    if (!staticCode || !this.editable) return
    const upgrade = () => void this.upgrade(true)
    staticCode.addEventListener('focus', upgrade, { once: true })
    staticCode.addEventListener('pointerdown', upgrade, { once: true })
  }

  disconnectedCallback() {
    this.#handle?.dispose()
    this.#handle = undefined
  }

  /** Make the file editable now (Monaco or textarea), and optionally focus its first blank. */
  upgrade(focus = false): Promise<void> {
    this.#upgrading ??= (async () => {
      const staticCode = this.querySelector<HTMLElement>('.static-code')
      const height = staticCode?.getBoundingClientRect().height ?? 0
      this.dataset['state'] = 'loading'
      const box = document.createElement('div')
      box.className = 'editor-box'
      box.style.height = `${Math.max(height, 120)}px`
      const usePlain = coarsePointer() || this.dataset['plain'] === 'true'
      this.#handle = usePlain ? this.#createTextarea(box) : await this.#createMonaco(box)
      staticCode?.replaceWith(box)
      this.dataset['state'] = 'ready'
      this.dataset['mode'] = usePlain ? 'textarea' : 'monaco'
      this.dispatchEvent(new CustomEvent('editor-ready', { bubbles: true }))
    })()
    return this.#upgrading.then(() => {
      if (!focus || !this.#handle) return
      this.#handle.focus()
      this.#handle.selectFirstBlank()
    })
  }

  async #createMonaco(box: HTMLElement): Promise<EditorHandle> {
    const { createMonacoEditor } = await import('../editor/monaco-editor')
    // Monaco measures its container, so it must be in the document while it starts.
    box.style.position = 'absolute'
    box.style.visibility = 'hidden'
    box.style.width = `${this.getBoundingClientRect().width}px`
    this.append(box)
    const handle = await createMonacoEditor(box, {
      value: this.#value,
      path: this.path,
      readOnly: !this.editable,
      ariaLabel: `${this.dataset['label'] ?? this.path}. Code editor. Tab moves to the next blank; press Ctrl+M to make Tab move focus instead.`,
      siblings: this.siblings,
      onChange: (value) => this.#changed(value),
      onCheck: () => this.dispatchEvent(new CustomEvent('check-request', { bubbles: true })),
    })
    box.style.position = ''
    box.style.visibility = ''
    box.style.width = ''
    return handle
  }

  #createTextarea(box: HTMLElement): EditorHandle {
    const textarea = document.createElement('textarea')
    textarea.value = this.#value
    textarea.spellcheck = false
    textarea.autocapitalize = 'off'
    textarea.setAttribute('autocorrect', 'off')
    textarea.setAttribute('aria-label', `${this.dataset['label'] ?? this.path}. Code editor.`)
    textarea.className = 'plain-editor'
    textarea.addEventListener('input', () => this.#changed(textarea.value))
    textarea.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault()
        this.dispatchEvent(new CustomEvent('check-request', { bubbles: true }))
      }
    })
    box.append(textarea)
    const select = (from: number) => {
      const blank = nextBlank(findBlanks(textarea.value), from, 1)
      if (!blank) return false
      const length = /^_+/.exec(textarea.value.slice(blank.offset))?.[0].length ?? 3
      textarea.setSelectionRange(blank.offset, blank.offset + length)
      return true
    }
    // A tap that opened the editor ends with a click on the new textarea, which would move the
    // caret to the tap point; put the first blank back under the selection once.
    const created = Date.now()
    textarea.addEventListener(
      'click',
      () => {
        if (Date.now() - created < 1000 && textarea.selectionStart === textarea.selectionEnd)
          select(-1)
      },
      { once: true },
    )
    return {
      getValue: () => textarea.value,
      setValue: (value) => {
        textarea.value = value
      },
      focus: () => textarea.focus(),
      selectFirstBlank: () => select(-1),
      dispose: () => textarea.remove(),
    }
  }

  #changed(value: string) {
    this.#value = value
    this.dispatchEvent(
      new CustomEvent('code-change', { bubbles: true, detail: { path: this.path, value } }),
    )
  }

  #renderStatic(text: string) {
    const code = this.querySelector('.static-code code')
    if (!code) return
    // Until the editor loads, a restored draft shows as plain text in the same box.
    code.textContent = text
  }
}

if (!customElements.get('code-editor')) customElements.define('code-editor', CodeEditorElement)
