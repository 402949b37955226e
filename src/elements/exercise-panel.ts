import { lineDiff } from '../editor/line-diff'
import {
  createExerciseStore,
  type ExerciseDescription,
  type ExerciseStore,
} from '../stores/exercise'
import { progress } from '../stores/progress'
import type { RunnableBundle } from '../runner/index'
import type { TimelineEntry, Verdict as RunVerdict } from '../runner/verdict'
import {
  $runtimeChoice,
  $runtimeStatus,
  chooseRuntime,
  runInChosenRuntime,
  startPreview,
  warmRuntime,
  type RuntimeChoice,
} from '../stores/runtime'
import type { CodeEditorElement } from './code-editor'
import './code-editor'

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * `<exercise-panel>`: a graded exercise or a runnable example. Reads its description and runner
 * bundle from a JSON script inside it, drives a {@link createExerciseStore} store, and renders what
 * the store says: results per check, hints, the request inspector and the diff.
 *
 * @example
 * <exercise-panel data-slug="complete-the-login-flow">
 *   <script type="application/json" data-exercise>{…}</script>
 *   …server-rendered editors and buttons…
 * </exercise-panel>
 */
export class ExercisePanelElement extends HTMLElement {
  #store: ExerciseStore | undefined
  #unsubscribers: Array<() => void> = []
  #checkedByButton = false

  connectedCallback() {
    const data = JSON.parse(this.querySelector('script[data-exercise]')?.textContent ?? 'null') as {
      description: ExerciseDescription
      bundle: RunnableBundle
    } | null
    if (!data) return
    const { description, bundle } = data
    const store = createExerciseStore(
      description,
      (files) => runInChosenRuntime(bundle, files),
      progress,
    )
    this.#store = store
    this.dataset['ready'] = 'true'
    // Start the runner on first interaction, so the first Check is fast but idle pages pay nothing.
    for (const type of ['pointerenter', 'focusin'] as const)
      this.addEventListener(type, () => warmRuntime(), { once: true })
    const editors = [...this.querySelectorAll<CodeEditorElement>('code-editor')]
    const q = <T extends Element>(selector: string) => this.querySelector<T>(selector)
    const checkButton = q<HTMLButtonElement>('[data-action="check"]')
    const hintButton = q<HTMLButtonElement>('[data-action="hint"]')
    const resetButton = q<HTMLButtonElement>('[data-action="reset"]')
    const solutionButton = q<HTMLButtonElement>('[data-action="solution"]')
    const diffButton = q<HTMLButtonElement>('[data-action="diff"]')
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]'))
      button.disabled = false
    this.querySelectorAll<HTMLElement>('[data-needs-js]').forEach((el) => (el.hidden = false))
    q('[data-shortcut]')?.replaceChildren(isMac() ? '⌘ Enter' : 'Ctrl Enter')
    q('[data-tab-key]')?.replaceChildren(isMac() ? 'Ctrl+Shift+M' : 'Ctrl+M')

    // Tabs between files.
    const tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')]
    const selectTab = (index: number, focus: boolean) => {
      tabs.forEach((tab, i) => {
        tab.setAttribute('aria-selected', String(i === index))
        tab.tabIndex = i === index ? 0 : -1
        const panel = this.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls') ?? ''}`)
        if (panel) panel.hidden = i !== index
      })
      if (focus) tabs[index]?.focus()
    }
    tabs.forEach((tab, index) => {
      tab.addEventListener('click', () => selectTab(index, false))
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
        if (step) selectTab((index + step + tabs.length) % tabs.length, true)
      })
    })

    // Editors show the store's files; edits go to the store.
    for (const editor of editors) {
      editor.adoptRendered(description.starter[editor.path] ?? '')
      editor.siblings = description.starter
    }
    this.#unsubscribers.push(
      store.$files.subscribe((files) => {
        for (const editor of editors) {
          const text = files[editor.path]
          if (text !== undefined && editor.value !== text) editor.value = text
        }
      }),
    )
    this.addEventListener('code-change', (event) => {
      const { path, value } = (event as CustomEvent<{ path: string; value: string }>).detail
      store.edit(path, value)
    })

    const check = async (byButton: boolean) => {
      this.#checkedByButton = byButton
      await store.check()
    }
    checkButton?.addEventListener('click', () => void check(true))
    this.addEventListener('check-request', () => void check(false))
    this.addEventListener('keydown', (event) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key === 'Enter' &&
        !(event.target instanceof HTMLTextAreaElement)
      ) {
        event.preventDefault()
        void check(false)
      }
    })
    hintButton?.addEventListener('click', () => store.showNextHint())
    resetButton?.addEventListener('click', () => {
      if (confirm('Reset this exercise to its starting code? Your changes to it will be lost.'))
        store.reset()
    })
    solutionButton?.addEventListener('click', () => {
      if (
        confirm('Replace your code with the solution? Try the hints first if you have not yet.')
      ) {
        store.showSolution()
      }
    })
    diffButton?.addEventListener('click', () => this.#showDiff(description, store.$files.get()))
    q<HTMLSelectElement>('[data-runtime-choice]')?.addEventListener('change', (event) =>
      chooseRuntime((event.target as HTMLSelectElement).value as RuntimeChoice),
    )
    q('[data-action="preview"]')?.addEventListener('click', () => {
      const frame = q<HTMLIFrameElement>('[data-preview-frame]')
      void startPreview(bundle, store.$files.get(), (url) => {
        if (!frame) return
        frame.src = url
        frame.hidden = false
      })
    })

    this.#unsubscribers.push(
      store.$runState.subscribe((state) => {
        this.dataset['state'] = state
        if (checkButton) {
          checkButton.setAttribute('aria-busy', String(state === 'running'))
          const label = checkButton.querySelector('[data-label]')
          if (label)
            label.textContent =
              state === 'running'
                ? description.kind === 'example'
                  ? 'Running…'
                  : 'Checking…'
                : description.kind === 'example'
                  ? 'Run'
                  : 'Check'
        }
      }),
      store.$attempted.subscribe((attempted) => {
        if (solutionButton) solutionButton.disabled = !attempted
        if (diffButton) diffButton.disabled = !attempted
      }),
      store.$hintsShown.subscribe((count) =>
        this.#renderHints(description.hints, count, hintButton),
      ),
      store.$verdict.subscribe((verdict) => this.#renderVerdict(description, verdict)),
      store.$passed.subscribe((passed) => {
        this.dataset['passed'] = String(passed)
        const badge = q<HTMLElement>('[data-passed-badge]')
        if (badge) badge.hidden = !passed
      }),
      $runtimeStatus.subscribe((status) => {
        const note = q<HTMLElement>('[data-runtime-note]')
        if (note) note.textContent = status.note
        const preview = q<HTMLElement>('[data-preview]')
        if (preview) preview.hidden = !status.previewAvailable
      }),
      $runtimeChoice.subscribe((choice) => {
        const select = q<HTMLSelectElement>('[data-runtime-choice]')
        if (select) select.value = choice
      }),
    )
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribers) unsubscribe()
    this.#unsubscribers = []
  }

  /** The store, for tests and the bench. */
  get store(): ExerciseStore | undefined {
    return this.#store
  }

  #renderHints(hints: string[], count: number, button: HTMLButtonElement | null) {
    const list = this.querySelector('[data-hints]')
    if (!list) return
    list.replaceChildren(
      ...hints.slice(0, count).map((hint, index) => {
        const item = document.createElement('li')
        item.innerHTML = this.querySelector(`template[data-hint="${index}"]`)?.innerHTML ?? ''
        if (!item.innerHTML) item.textContent = hint
        return item
      }),
    )
    ;(list.parentElement as HTMLElement | null)?.toggleAttribute('hidden', count === 0)
    if (button) {
      button.disabled = count >= hints.length
      const label = button.querySelector('[data-label]')
      if (label)
        label.textContent =
          count >= hints.length ? 'No more hints' : `Hint ${count + 1} of ${hints.length}`
    }
    if (count > 0) (list.lastElementChild as HTMLElement | null)?.setAttribute('tabindex', '-1')
  }

  #renderVerdict(description: ExerciseDescription, verdict: RunVerdict | null) {
    const results = this.querySelector<HTMLElement>('[data-results]')
    const announce = this.querySelector<HTMLElement>('[data-announce]')
    if (!results) return
    results.hidden = verdict === null
    if (!verdict) {
      results.replaceChildren()
      return
    }
    const heading = document.createElement('h3')
    heading.className = `results-heading ${verdict.status}`
    heading.tabIndex = -1
    const passedCount = verdict.checks.filter((c) => c.passed).length
    const children: HTMLElement[] = [heading]
    if (description.kind === 'example') {
      heading.textContent =
        verdict.status === 'error' ? 'The example stopped with an error' : 'Output'
      const terminal = document.createElement('ol')
      terminal.className = 'terminal'
      terminal.setAttribute('aria-label', 'Output, one line per request')
      ;(verdict.output ?? []).forEach((line, index) => {
        const item = document.createElement('li')
        item.textContent = line
        item.style.animationDelay = `${index * 120}ms`
        terminal.append(item)
      })
      children.push(terminal)
    } else if (verdict.status === 'blanks') {
      heading.textContent = 'Some blanks are still empty'
    } else if (verdict.status === 'error') {
      heading.textContent = 'Your code stopped with an error'
    } else {
      heading.textContent =
        verdict.status === 'passed'
          ? `All ${verdict.checks.length} checks pass. Well done!`
          : `${passedCount} of ${verdict.checks.length} checks pass`
      const list = document.createElement('ol')
      list.className = 'checks'
      let firstFailure = true
      for (const check of verdict.checks) {
        const item = document.createElement('li')
        item.dataset['passed'] = String(check.passed)
        const mark = `<span class="mark" aria-hidden="true">${check.passed ? '✓' : '✗'}</span>`
        const label = `<span class="visually-hidden">${check.passed ? 'Passed:' : 'Failed:'}</span>`
        if (check.passed) {
          item.innerHTML = `${mark}${label}<span class="check-name"></span>`
          item.querySelector('.check-name')!.textContent = check.name
        } else {
          const details = document.createElement('details')
          details.open = firstFailure
          firstFailure = false
          details.innerHTML = `<summary>${mark}${label}<span class="check-name"></span></summary><p class="check-message"></p>`
          details.querySelector('.check-name')!.textContent = check.name
          details.querySelector('.check-message')!.textContent = check.message ?? ''
          if (check.hint) {
            const hint = document.createElement('p')
            hint.className = 'check-hint'
            hint.textContent = `Hint: ${check.hint}`
            details.append(hint)
          }
          item.append(details)
        }
        list.append(item)
      }
      children.push(list)
    }
    const detail = verdict.error
      ? `${verdict.error.message}${verdict.error.file ? ` (${verdict.error.file}${verdict.error.line ? `, line ${verdict.error.line}${verdict.error.column ? `, column ${verdict.error.column}` : ''}` : ''})` : ''}`
      : verdict.message
    if (detail && verdict.status !== 'passed' && verdict.status !== 'failed') {
      const message = document.createElement('p')
      message.className = 'run-message'
      message.textContent = detail
      children.push(message)
    }
    results.replaceChildren(...children)
    this.#renderTimeline(verdict.timeline)

    const firstFailed = verdict.checks.find((c) => !c.passed)
    if (announce) {
      announce.textContent =
        description.kind === 'example'
          ? `${heading.textContent}. ${(verdict.output ?? []).join('. ')}`
          : `${heading.textContent}.${firstFailed ? ` First failure: ${firstFailed.name}. ${firstFailed.message ?? ''}` : ''}${detail && verdict.status !== 'failed' && verdict.status !== 'passed' ? ` ${detail}` : ''}`
    }
    if (this.#checkedByButton) heading.focus()
  }

  #renderTimeline(timeline: TimelineEntry[]) {
    const body = this.querySelector('[data-timeline]')
    const inspector = this.querySelector<HTMLElement>('[data-inspector]')
    if (!body || !inspector) return
    inspector.hidden = timeline.length === 0
    body.replaceChildren(
      ...timeline.map((entry, index) => {
        const row = document.createElement('tr')
        const cells = [
          String(index + 1),
          `${entry.method} ${entry.path}`,
          `${entry.status}${entry.location ? ` → ${entry.location}` : ''}`,
          entry.cookieSent || '(none)',
          entry.setCookie.length ? entry.setCookie.join('\n') : '(none)',
        ]
        for (const text of cells) {
          const cell = document.createElement('td')
          cell.textContent = text
          row.append(cell)
        }
        return row
      }),
    )
    const cookieSelect = this.querySelector<HTMLSelectElement>('[data-cookie-select]')
    if (cookieSelect) {
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

  #showDiff(description: ExerciseDescription, files: Record<string, string>) {
    const dialog = this.querySelector<HTMLDialogElement>('dialog[data-diff]')
    const body = dialog?.querySelector('[data-diff-body]')
    if (!dialog || !body) return
    body.replaceChildren(
      ...description.files
        .filter((file) => file.editable)
        .map((file) => {
          const section = document.createElement('section')
          const title = document.createElement('h3')
          title.textContent = file.path
          const pre = document.createElement('pre')
          pre.className = 'diff'
          for (const line of lineDiff(
            files[file.path] ?? '',
            description.solution[file.path] ?? '',
          )) {
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

if (!customElements.get('exercise-panel'))
  customElements.define('exercise-panel', ExercisePanelElement)
