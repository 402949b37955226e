import { lineDiff } from '../editor/line-diff'
import { exerciseOf } from './exercise-context'

/**
 * `<solution-diff>`: the learner's code beside the solution, line by line, in a dialog opened by
 * the panel's "Compare with solution" button. Formatting is ignored (see `lineDiff`); screen
 * readers hear which side each differing line is from.
 *
 * @example
 * <solution-diff><dialog data-diff><div data-diff-body></div></dialog></solution-diff>
 */
export class SolutionDiffElement extends HTMLElement {
  #listeners: AbortController | undefined

  connectedCallback() {
    this.#listeners = new AbortController()
    const { signal } = this.#listeners
    void exerciseOf(this)?.then(({ panel }) => {
      if (signal.aborted) return
      panel
        .querySelector('[data-action="diff"]')
        ?.addEventListener('click', () => void this.open(), { signal })
    })
  }

  disconnectedCallback() {
    this.#listeners?.abort()
  }

  /**
   * Compare the learner's current files with the solution, and open the dialog.
   *
   * @example
   * await diff.open()
   */
  async open(): Promise<void> {
    const context = await exerciseOf(this)
    const dialog = this.querySelector<HTMLDialogElement>('dialog[data-diff]')
    const body = dialog?.querySelector('[data-diff-body]')
    if (!context || !dialog || !body) return
    const { bundle, store } = context
    const files = store.$files.get()
    body.replaceChildren(
      ...bundle.meta.files
        .filter((file) => file.editable)
        .map((file) => {
          const section = document.createElement('section')
          const title = document.createElement('h3')
          title.textContent = file.path
          const pre = document.createElement('pre')
          pre.className = 'diff'
          for (const line of lineDiff(files[file.path] ?? '', bundle.solution[file.path] ?? '')) {
            const span = document.createElement('span')
            span.className = `diff-${line.kind}`
            const sign = line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '
            span.textContent = `${sign}${line.text}\n`
            if (line.kind !== 'same') {
              const label = document.createElement('span')
              label.className = 'visually-hidden'
              label.textContent =
                line.kind === 'added' ? 'Only in the solution: ' : 'Only in your code: '
              span.prepend(label)
            }
            pre.append(span)
          }
          section.append(title, pre)
          return section
        }),
    )
    dialog.showModal()
  }
}

if (!customElements.get('solution-diff'))
  customElements.define('solution-diff', SolutionDiffElement)
