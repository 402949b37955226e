import type { EditorHandle, TypeErrorAt } from '../editor/monaco-editor'
import { findBlanks, nextBlank } from '../grader/blanks'
import type { ExerciseStore } from '../stores/exercise'
import { usesPlainEditor } from './editor-choice'
import { exerciseOf } from './exercise-context'

/** Which editor a `<code-editor>` shows: the highlighted code until first use, then one of three. */
export type EditorMode = 'static' | 'monaco' | 'codemirror' | 'textarea'

/**
 * `<code-editor>`: one exercise file. It starts as server-rendered, highlighted code (no layout
 * shift, works without JavaScript). On first focus or click it becomes editable, loading only the
 * editor it needs: Monaco on desktop, CodeMirror on coarse pointers or when `data-plain` is set (or
 * when Monaco fails to load), and a plain textarea as the last resort when neither loads. Inside an
 * `<exercise-panel>` it shows its file from the exercise's store and writes edits back to it.
 * Dispatches `check-request` (Ctrl/Cmd+Enter) and `editor-ready` events.
 *
 * @example
 * <code-editor data-path="app.ts" data-editable="true" data-label="app.ts (editable)">
 *   <div class="static-code" tabindex="0">…highlighted code…</div>
 * </code-editor>
 */
export class CodeEditorElement extends HTMLElement {
  #value = ''
  /** The exercise's other files, for type information in the editor. */
  #siblings: Record<string, string> = {}
  #store: ExerciseStore | undefined
  #unsubscribe: (() => void) | undefined
  #handle: EditorHandle | undefined
  #upgrading: Promise<void> | undefined
  /** A Monaco editor made ahead of the first click ({@link prepare}), hidden until then. */
  #parked: Promise<[EditorHandle, HTMLElement]> | undefined
  #mode: EditorMode = 'static'
  /** Settles once the press that opens the editor has done its own work (see connectedCallback). */
  #revealAfter: Promise<void> | undefined

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
    // Whoever sets the value (a test, a future tool) changes the learner's file, as typing does.
    this.#store?.edit(this.path, text)
  }

  /** Which editor is live: the highlighted code, Monaco, CodeMirror, or the textarea. */
  get mode(): EditorMode {
    return this.#mode
  }

  connectedCallback() {
    void exerciseOf(this)?.then(({ bundle, store }) => {
      if (!this.isConnected || this.#store) return
      this.#store = store
      // The server rendered the starter: setting the same text keeps its highlighting.
      this.#value = bundle.starter[this.path] ?? ''
      this.#siblings = bundle.starter
      this.#unsubscribe = store.$files.subscribe((files) => {
        const text = files[this.path]
        if (text !== undefined && this.value !== text) this.value = text
      })
    })
    const staticCode = this.querySelector<HTMLElement>('.static-code')
    if (!staticCode || !this.editable) return
    // The panel loads this element on the first focus or tap: that one already happened.
    if (staticCode.contains(document.activeElement)) {
      void this.upgrade(true)
      return
    }
    const upgrade = () => void this.upgrade(true)
    staticCode.addEventListener('focus', upgrade, { once: true })
    staticCode.addEventListener(
      'pointerdown',
      () => {
        // The press goes on to a mousedown that focuses the highlighted code. An editor made
        // ahead of time is ready at once: reveal it only after that (a task later), or the
        // mousedown would take the focus straight back from it.
        this.#revealAfter = new Promise((resolve) => setTimeout(resolve))
        upgrade()
      },
      { once: true },
    )
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    this.#store = undefined
    this.#handle?.dispose()
    this.#handle = undefined
    // An editor made ahead of need that was never revealed goes with the element.
    const parked = this.#parked
    this.#parked = undefined
    if (!this.#upgrading)
      void parked?.then(
        ([handle, box]) => (handle.dispose(), box.remove()),
        () => {},
      )
  }

  /**
   * The file's type errors, from the editor's TypeScript worker; null when no such worker is
   * loaded (the code was never opened in Monaco, or the editor is CodeMirror or a textarea).
   *
   * @example
   * const errors = await editor.typeErrors() // [{ line: 12, column: 5, message: '…' }]
   */
  async typeErrors(): Promise<TypeErrorAt[] | null> {
    if (this.#mode !== 'monaco' || !this.#handle) return null
    try {
      return await this.#handle.typeErrors()
    } catch {
      return null
    }
  }

  /**
   * Make this file's Monaco editor now, hidden behind the highlighted code, so that a later first
   * click or focus only has to reveal it (called once Monaco's code has loaded and the learner's
   * pointer or focus reaches the panel). Nothing changes for the learner until then: the file
   * stays `static`, and no `editor-ready` is sent.
   * Does nothing where the touch editor is used, or once the file is editable.
   *
   * @returns when the hidden editor is made (or failed to be: the first click then tries again)
   * @example
   * await editor.prepare()
   */
  prepare(): Promise<void> {
    if (this.#upgrading || !this.editable || usesPlainEditor(this)) return Promise.resolve()
    this.#parked ??= this.#createMonaco()
    return this.#parked.then(
      () => undefined,
      () => {
        this.#parked = undefined
      },
    )
  }

  /** Make the file editable now (Monaco or textarea), and optionally focus its first blank. */
  upgrade(focus = false): Promise<void> {
    this.#upgrading ??= (async () => {
      const staticCode = this.querySelector<HTMLElement>('.static-code')
      this.dataset['state'] = 'loading'
      const [mode, handle, box] = await this.#createEditor()
      await this.#revealAfter
      // The text may have changed since a hidden editor was made (a draft restored, a reset).
      handle.setValue(this.#value)
      this.#handle = handle
      this.#mode = mode
      const height = staticCode?.getBoundingClientRect().height ?? 0
      box.removeAttribute('style')
      box.style.height = `${Math.max(height, 120)}px`
      staticCode?.replaceWith(box)
      this.dataset['state'] = 'ready'
      this.dataset['mode'] = mode
      this.dispatchEvent(new CustomEvent('editor-ready', { bubbles: true }))
    })()
    return this.#upgrading.then(() => {
      if (!focus || !this.#handle) return
      this.#handle.focus()
      this.#handle.selectFirstBlank()
    })
  }

  /**
   * Each editor is its own chunk, fetched only here: a desktop page never downloads CodeMirror and
   * a phone never downloads Monaco. When a chunk cannot load (offline, a failed deploy) the next
   * kind takes over, so the learner can always type.
   */
  async #createEditor(): Promise<[EditorMode, EditorHandle, HTMLElement]> {
    // Start from the store's text and with the other files, for types (none outside a panel).
    await exerciseOf(this)
    if (!usesPlainEditor(this)) {
      try {
        return ['monaco', ...(await (this.#parked ?? this.#createMonaco()))]
      } catch (error) {
        console.warn('Monaco did not load; using the touch editor instead.', error)
      }
    }
    const box = this.#newBox()
    try {
      const { createCodeMirrorEditor } = await import('../editor/codemirror-editor')
      const handle = createCodeMirrorEditor(box, {
        value: this.#value,
        path: this.path,
        readOnly: !this.editable,
        ariaLabel: `${this.dataset['label'] ?? this.path}. Code editor. Tab moves to the next blank; press Escape, then Tab, to leave the editor.`,
        onChange: (value) => this.#changed(value),
        onCheck: () => this.dispatchEvent(new CustomEvent('check-request', { bubbles: true })),
      })
      this.#keepFirstBlankAfterTap(box, handle)
      return ['codemirror', handle, box]
    } catch (error) {
      console.warn('The touch editor did not load; using a plain text box instead.', error)
      return ['textarea', this.#createTextarea(box), box]
    }
  }

  /** The box an editor fills, as tall as the highlighted code it replaces. */
  #newBox(): HTMLElement {
    const height = this.querySelector('.static-code')?.getBoundingClientRect().height ?? 0
    const box = document.createElement('div')
    box.className = 'editor-box'
    box.style.height = `${Math.max(height, 120)}px`
    return box
  }

  /**
   * A tap that opened the editor ends with a click on the new editor, which would move the caret
   * to the tap point; put the first blank back under the selection once.
   */
  #keepFirstBlankAfterTap(box: HTMLElement, handle: Pick<EditorHandle, 'selectFirstBlank'>) {
    const created = Date.now()
    box.addEventListener(
      'click',
      () => {
        const selection = getSelection()
        if (Date.now() - created < 1000 && (selection?.isCollapsed ?? true))
          handle.selectFirstBlank()
      },
      { once: true },
    )
  }

  /** A Monaco editor in a box of its own, made hidden: {@link upgrade} reveals it. */
  async #createMonaco(): Promise<[EditorHandle, HTMLElement]> {
    await exerciseOf(this)
    const { createMonacoEditor } = await import('../editor/monaco-editor')
    // Monaco measures its container, so it must be in the document while it starts: it waits
    // over the highlighted code (this element is positioned), hidden, taking no room.
    const box = this.#newBox()
    Object.assign(box.style, { position: 'absolute', top: '0', left: '0', right: '0' })
    box.style.visibility = 'hidden'
    this.append(box)
    try {
      const handle = await createMonacoEditor(box, {
        value: this.#value,
        path: this.path,
        readOnly: !this.editable,
        ariaLabel: `${this.dataset['label'] ?? this.path}. Code editor. Tab moves to the next blank; press Ctrl+M to make Tab move focus instead.`,
        siblings: this.#siblings,
        folder: this.closest<HTMLElement>('[data-slug]')?.dataset['slug'],
        onChange: (value) => this.#changed(value),
        onCheck: () => this.dispatchEvent(new CustomEvent('check-request', { bubbles: true })),
      })
      return [handle, box]
    } catch (error) {
      box.remove()
      throw error
    }
  }

  /**
   * Make the file editable if it is not yet, and put the cursor at a line and column (1-based).
   *
   * @example
   * await editor.goTo(33, 3)
   */
  async goTo(line: number, column: number): Promise<void> {
    await this.upgrade(false)
    this.#handle?.goTo(line, column)
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
    // As in Monaco: the first Tab from the blank offered on focus stays on it.
    let offered: [number, number] | null = null
    const select = (from: number, direction: 1 | -1 = 1) => {
      const [start, end] = offered ?? [-1, -1]
      offered = null
      if (direction === 1 && textarea.selectionStart === start && textarea.selectionEnd === end)
        return true
      const blank = nextBlank(findBlanks(textarea.value), from, direction)
      if (!blank) return false
      const length = /^_+/.exec(textarea.value.slice(blank.offset))?.[0].length ?? 3
      textarea.setSelectionRange(blank.offset, blank.offset + length)
      return true
    }
    const offerFirst = () => {
      const found = select(-1)
      offered = found ? [textarea.selectionStart, textarea.selectionEnd] : null
      return found
    }
    // Tab and Shift+Tab move between blanks, as in Monaco. Escape first lets the next Tab leave the
    // textarea; so does Tab once no blank is left. Either way, keyboard users are never trapped.
    let tabLeaves = false
    textarea.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault()
        this.dispatchEvent(new CustomEvent('check-request', { bubbles: true }))
        return
      }
      if (event.key === 'Escape') {
        tabLeaves = true
        return
      }
      const leave = tabLeaves
      tabLeaves = false
      if (event.key !== 'Tab' || leave || event.ctrlKey || event.altKey || event.metaKey) return
      const direction = event.shiftKey ? -1 : 1
      const from = direction === 1 ? textarea.selectionEnd : textarea.selectionStart
      if (select(from, direction)) event.preventDefault()
    })
    box.append(textarea)
    // A tap that opened the editor ends with a click on the new textarea, which would move the
    // caret to the tap point; put the first blank back under the selection once.
    const created = Date.now()
    textarea.addEventListener(
      'click',
      () => {
        if (Date.now() - created < 1000 && textarea.selectionStart === textarea.selectionEnd)
          offerFirst()
      },
      { once: true },
    )
    return {
      getValue: () => textarea.value,
      setValue: (value) => {
        textarea.value = value
      },
      focus: () => textarea.focus(),
      selectFirstBlank: offerFirst,
      goTo: (line, column) => {
        const lines = textarea.value.split('\n')
        const before = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0)
        const offset = Math.min(before + column - 1, textarea.value.length)
        textarea.focus()
        textarea.setSelectionRange(offset, offset)
      },
      typeErrors: () => Promise.resolve(null),
      dispose: () => textarea.remove(),
    }
  }

  #changed(value: string) {
    this.#value = value
    this.#store?.edit(this.path, value)
  }

  #renderStatic(text: string) {
    const code = this.querySelector('.static-code code')
    if (!code) return
    // Until the editor loads, a restored draft shows as plain text in the same box.
    code.textContent = text
  }
}

if (!customElements.get('code-editor')) customElements.define('code-editor', CodeEditorElement)
