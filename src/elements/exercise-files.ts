import type { CodeEditorElement } from './code-editor'

/**
 * `<exercise-files>`: an exercise's files, one `<code-editor>` each, with tabs between them when
 * there are several (arrow keys move along the tabs). A click on any `[data-go-to="file:line:col"]`
 * button in the panel (an error's location, a type error) shows that file with the cursor there.
 *
 * @example
 * <exercise-files>
 *   <div role="tablist"><button role="tab" aria-controls="f0">app.ts</button>…</div>
 *   <div id="f0"><code-editor data-path="app.ts" data-editable="true">…</code-editor></div>
 * </exercise-files>
 */
export class ExerciseFilesElement extends HTMLElement {
  #listeners: AbortController | undefined

  connectedCallback() {
    this.#listeners = new AbortController()
    const { signal } = this.#listeners
    const tabs = this.#tabs()
    tabs.forEach((tab, index) => {
      tab.addEventListener('click', () => this.#select(index, false), { signal })
      tab.addEventListener(
        'keydown',
        (event) => {
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
          if (step) this.#select((index + step + tabs.length) % tabs.length, true)
        },
        { signal },
      )
    })
    this.closest('exercise-panel')?.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element | null)?.closest<HTMLElement>('[data-go-to]')
        if (!button) return
        const [path = '', line = '1', column = '1'] = (button.dataset['goTo'] ?? '').split(':')
        this.goTo(path, Number(line), Number(column))
      },
      { signal },
    )
  }

  disconnectedCallback() {
    this.#listeners?.abort()
  }

  /**
   * Show a file in its editor with the cursor at a line and column (1-based).
   *
   * @example
   * files.goTo('app.ts', 33, 3)
   */
  goTo(path: string, line: number, column: number): void {
    const editors = [...this.querySelectorAll<CodeEditorElement>('code-editor')]
    const index = editors.findIndex((editor) => editor.path === path)
    const editor = editors[index]
    if (!editor) return
    if (this.#tabs().length > 1) this.#select(index, false)
    void editor.goTo(line, column)
  }

  #tabs() {
    return [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')]
  }

  #select(index: number, focus: boolean) {
    const tabs = this.#tabs()
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index))
      tab.tabIndex = i === index ? 0 : -1
      const panel = this.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls') ?? ''}`)
      if (panel) panel.hidden = i !== index
    })
    if (focus) tabs[index]?.focus()
  }
}

if (!customElements.get('exercise-files'))
  customElements.define('exercise-files', ExerciseFilesElement)
