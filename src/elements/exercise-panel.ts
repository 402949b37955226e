import type { ExerciseBundle } from '../schemas/exercise'
import { lineDiff } from '../editor/line-diff'
import { readTamperingProbe, tamperingProbe } from '../inspector/cookie-decoder'
import {
  formatCodeLocation,
  type CodeError,
  type TimelineEntry,
  type Verdict as RunVerdict,
} from '../grader/verdict'
import { createExerciseStore, type ExerciseStore } from '../stores/exercise'
import type { ExerciseStepsElement } from './exercise-steps'
import { progress } from '../stores/progress'
import {
  $runtimeChoice,
  $runtimeStatus,
  chooseRuntime,
  runInChosenRuntime,
  startPreview,
  bootWebContainerInBackground,
  warmRuntime,
  type RuntimeChoice,
} from '../stores/runtime'
import { usesPlainEditor, type CodeEditorElement } from './code-editor'
import type { CookieDecoderElement } from './cookie-decoder'
import { renderCookieReasons } from '../inspector/cookie-reasons'

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * `<exercise-panel>`: a graded exercise or a runnable example. Reads its exercise bundle
 * from a JSON script inside it, drives a {@link createExerciseStore} store, and renders what the
 * store says: results per check, an example's lines as they are printed, hints, the request
 * inspector and the diff.
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
  /** The files of the last run, which the request inspector's timeline came from. */
  #runFiles: Record<string, string> = {}

  connectedCallback() {
    const bundle = JSON.parse(
      this.querySelector('script[data-exercise]')?.textContent ?? 'null',
    ) as ExerciseBundle | null
    if (!bundle) return
    const store = createExerciseStore(
      bundle,
      (files, progress, only) => runInChosenRuntime(bundle, files, progress, only),
      progress,
    )
    this.#store = store
    const steps = this.querySelector<ExerciseStepsElement>('exercise-steps')
    if (steps) steps.steps = store.$steps
    this.dataset['ready'] = 'true'
    // Start the Worker on first interaction, so the first Check is fast but idle pages pay nothing.
    // Where there is code to edit it starts once the editor is ready (or the learner heads for the
    // buttons), not while the editor loads. A WebContainer boots after the first run, or once the
    // editor is ready and the page is idle: booting competes for the page, so never while the
    // learner waits on something else.
    const editors = [...this.querySelectorAll<CodeEditorElement>('code-editor')]
    const editsCode = editors.some((editor) => editor.editable)
    const warmOn = editsCode ? this.querySelector('.actions') : this
    for (const type of ['pointerenter', 'focusin'] as const)
      warmOn?.addEventListener(type, () => warmRuntime(), { once: true })
    const whenIdle = (work: () => void) =>
      'requestIdleCallback' in window
        ? requestIdleCallback(work, { timeout: 2000 })
        : setTimeout(work, 500)
    if (editsCode)
      this.addEventListener(
        'editor-ready',
        () =>
          whenIdle(() => {
            warmRuntime()
            bootWebContainerInBackground()
          }),
        { once: true },
      )
    const q = <T extends Element>(selector: string) => this.querySelector<T>(selector)
    const checkButton = q<HTMLButtonElement>('[data-action="check"]')
    const hintButton = q<HTMLButtonElement>('[data-action="hint"]')
    const resetButton = q<HTMLButtonElement>('[data-action="reset"]')
    const solutionButton = q<HTMLButtonElement>('[data-action="solution"]')
    const diffButton = q<HTMLButtonElement>('[data-action="diff"]')
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]'))
      button.disabled = false
    this.querySelectorAll<HTMLElement>('[data-needs-js]').forEach((el) => (el.hidden = false))
    for (const shortcut of this.querySelectorAll('[data-shortcut]'))
      shortcut.replaceChildren(isMac() ? '⌘ Enter' : 'Ctrl Enter')
    for (const key of this.querySelectorAll('[data-tab-key]'))
      key.replaceChildren(isMac() ? 'Ctrl+Shift+M' : 'Ctrl+M')
    // The help explains the editor the learner will get: Monaco, or the textarea on touch screens.
    const help = q<HTMLElement>('.editor-help')
    if (help) help.dataset['mode'] = usesPlainEditor(this) ? 'plain' : 'monaco'

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
      editor.adoptRendered(bundle.starter[editor.path] ?? '')
      editor.siblings = bundle.starter
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

    const check = async () => {
      if (store.$runState.get() !== 'running') this.#runFiles = store.$files.get()
      await store.check()
    }
    checkButton?.addEventListener('click', () => void check())
    this.addEventListener('check-request', () => void check())
    this.addEventListener('keydown', (event) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key === 'Enter' &&
        !(event.target instanceof HTMLTextAreaElement)
      ) {
        event.preventDefault()
        void check()
      }
    })
    hintButton?.addEventListener('click', () => {
      store.showNextHint()
      // Take focus to the hint just shown: it is read out, and focus never stays on the button
      // once the last hint has disabled it.
      this.querySelector<HTMLElement>('[data-hints] li:last-child')?.focus()
    })
    this.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-go-to]')
      if (!button) return
      const [path = '', line = '1', column = '1'] = (button.dataset['goTo'] ?? '').split(':')
      this.#goTo(editors, tabs, selectTab, path, Number(line), Number(column))
    })
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
    diffButton?.addEventListener('click', () => this.#showDiff(bundle, store.$files.get()))
    q<HTMLSelectElement>('[data-runtime-choice]')?.addEventListener('change', (event) =>
      chooseRuntime((event.target as HTMLSelectElement).value as RuntimeChoice),
    )
    q('[data-action="preview"]')?.addEventListener('click', () => {
      void startPreview(bundle, store.$files.get(), (url) => this.#showPreview(url))
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
                ? bundle.meta.kind === 'example'
                  ? 'Running…'
                  : 'Checking…'
                : bundle.meta.kind === 'example'
                  ? 'Run'
                  : 'Check'
        }
      }),
      store.$attempted.subscribe((attempted) => {
        if (solutionButton) solutionButton.disabled = !attempted
        if (diffButton) diffButton.disabled = !attempted
        // Say why they are disabled while they are.
        const note = q<HTMLElement>('[data-solution-note]')
        if (note) note.hidden = attempted
      }),
      store.$hintsShown.subscribe((count) => this.#renderHints(store, count, hintButton)),
      // A newly opened step brings its own hints (and the count starts again).
      store.$hints.listen(() => this.#renderHints(store, store.$hintsShown.get(), hintButton)),
      store.$verdict.subscribe((verdict) => this.#renderVerdict(bundle, verdict, store)),
      store.$output.subscribe((lines) => {
        if (bundle.meta.kind === 'example' && lines && store.$runState.get() === 'running')
          this.#renderOutputSoFar(lines)
      }),
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

    // The inspector's tamper button sends the forged cookie to the learner's own app, through the
    // same runtime, and shows what came back.
    const decoder = q<CookieDecoderElement>('cookie-decoder')
    if (decoder)
      decoder.tryForged = async (name, value, forged) => {
        const probe = tamperingProbe(store.$verdict.get()?.timeline ?? [], name, value, forged)
        if (!probe) return { kind: 'never-sent' }
        const verdict = await runInChosenRuntime(
          { ...bundle, checks: probe.checks },
          this.#runFiles,
        )
        const [real, tampered] = readTamperingProbe(verdict)
        if (!real || !tampered)
          return {
            kind: 'failed',
            message: verdict.message ?? 'The app did not answer both requests.',
          }
        return { kind: 'answered', request: `GET ${probe.path}`, real, tampered }
      }
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribers) unsubscribe()
    this.#unsubscribers = []
  }

  /** The store, for tests and the bench. */
  get store(): ExerciseStore | undefined {
    return this.#store
  }

  /**
   * The preview frame is made only when a preview is shown, already pointing at the preview's own
   * origin: an empty frame would share the page's origin, where scripts plus same-origin could
   * escape the sandbox. Same-origin is kept because the learner's login app needs its cookies.
   */
  #showPreview(url: string) {
    const section = this.querySelector<HTMLElement>('[data-preview]')
    let frame = this.querySelector<HTMLIFrameElement>('iframe[data-preview-frame]')
    if (!frame) {
      frame = document.createElement('iframe')
      frame.dataset['previewFrame'] = ''
      frame.title = section?.dataset['frameTitle'] ?? 'Live preview'
      frame.setAttribute('sandbox', 'allow-scripts allow-forms allow-same-origin')
      frame.src = url
      section?.append(frame)
    } else frame.src = url
  }

  #renderHints(store: ExerciseStore, count: number, button: HTMLButtonElement | null) {
    const list = this.querySelector('[data-hints]')
    if (!list) return
    const hints = store.$hints.get()
    // A multi-step exercise's hint templates are keyed by step (ExercisePanel.astro).
    const views = store.$steps.get()
    const step = views ? (views.find((view) => view.state === 'current') ?? views.at(-1))?.id : ''
    const prefix = step ? `${step}:` : ''
    list.replaceChildren(
      ...hints.slice(0, count).map((hint, index) => {
        const item = document.createElement('li')
        item.innerHTML =
          this.querySelector(`template[data-hint="${CSS.escape(prefix + index)}"]`)?.innerHTML ?? ''
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
    for (const item of list.children) item.setAttribute('tabindex', '-1')
  }

  /** Show a file in its editor with the cursor at a line and column (from an error's location). */
  #goTo(
    editors: CodeEditorElement[],
    tabs: HTMLButtonElement[],
    selectTab: (index: number, focus: boolean) => void,
    path: string,
    line: number,
    column: number,
  ) {
    const index = editors.findIndex((editor) => editor.path === path)
    const editor = editors[index]
    if (!editor) return
    if (tabs.length > 1) selectTab(index, false)
    void editor.goTo(line, column)
  }

  /** An example's terminal while it runs: lines are added as the runtime reports them. */
  #renderOutputSoFar(lines: readonly string[]) {
    const results = this.querySelector<HTMLElement>('[data-results]')
    if (!results) return
    let terminal = results.querySelector<HTMLOListElement>('ol.terminal')
    if (!terminal) {
      const heading = document.createElement('h3')
      heading.className = 'results-heading running'
      heading.tabIndex = -1
      heading.textContent = 'Output'
      terminal = this.#terminal()
      results.replaceChildren(heading, terminal)
      results.hidden = false
    }
    terminal.setAttribute('aria-busy', 'true')
    fillTerminal(terminal, lines)
  }

  #terminal(): HTMLOListElement {
    const terminal = document.createElement('ol')
    terminal.className = 'terminal'
    terminal.setAttribute('aria-label', 'Output, one line per request')
    return terminal
  }

  #renderVerdict(bundle: ExerciseBundle, verdict: RunVerdict | null, store: ExerciseStore) {
    const results = this.querySelector<HTMLElement>('[data-results]')
    const announce = this.querySelector<HTMLElement>('[data-announce]')
    if (!results) return
    results.hidden = verdict === null
    if (!verdict) {
      results.replaceChildren()
      return
    }
    // An example's heading and terminal are already on screen from the lines streamed in: keep them.
    const heading =
      (bundle.meta.kind === 'example'
        ? results.querySelector<HTMLHeadingElement>('.results-heading')
        : null) ?? document.createElement('h3')
    heading.className = `results-heading ${verdict.status}`
    heading.tabIndex = -1
    const passedCount = verdict.checks.filter((c) => c.passed).length
    const children: HTMLElement[] = [heading]
    if (bundle.meta.kind === 'example') {
      heading.textContent =
        verdict.status === 'error' ? 'The example stopped with an error' : 'Output'
      // Keep the terminal the lines streamed into, so lines already shown stay put.
      const terminal = results.querySelector<HTMLOListElement>('ol.terminal') ?? this.#terminal()
      terminal.removeAttribute('aria-busy')
      fillTerminal(terminal, verdict.output ?? [])
      children.push(terminal)
    } else if (verdict.status === 'blanks') {
      heading.textContent = 'Some blanks are still empty'
    } else if (verdict.status === 'error') {
      heading.textContent = 'Your code stopped with an error'
    } else {
      // A multi-step exercise's Check grades the steps so far: passing them opens the next step.
      const stepsLeft = verdict.status === 'passed' && !store.$passed.get()
      heading.textContent = stepsLeft
        ? `All ${verdict.checks.length} checks so far pass`
        : verdict.status === 'passed'
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
          const goTo = goToButton(check.error)
          if (goTo) details.append(goTo)
          item.append(details)
        }
        list.append(item)
      }
      children.push(list)
      if (verdict.status === 'passed' && store.$passed.get()) {
        const next = this.#nextStep()
        if (next) children.push(next)
      }
    }
    // The runtime's own sentence (it says what usually causes a time-out, for one), then where.
    const where = formatCodeLocation(verdict.error)
    const said = verdict.message ?? verdict.error?.message
    const detail = said && `${said}${where ? ` (${where})` : ''}`
    if (detail && verdict.status !== 'passed' && verdict.status !== 'failed') {
      const message = document.createElement('p')
      message.className = 'run-message'
      message.textContent = detail
      children.push(message)
      const goTo = goToButton(verdict.error)
      if (goTo) children.push(goTo)
    }
    setChildren(results, children)
    this.#renderTimeline(verdict.timeline)

    const firstFailed = verdict.checks.find((c) => !c.passed)
    if (announce) {
      announce.textContent =
        bundle.meta.kind === 'example'
          ? `${heading.textContent}. ${(verdict.output ?? []).join('. ')}`
          : `${heading.textContent}.${firstFailed ? ` First failure: ${firstFailed.name}. ${firstFailed.message ?? ''}` : ''}${detail && verdict.status !== 'failed' && verdict.status !== 'passed' ? ` ${detail}` : ''}${store.$stepNews.get() ? ` ${store.$stepNews.get() ?? ''}` : ''}`
    }
    // Focus stays where the learner was (the button, the editor); the live region reads the result.
  }

  /**
   * After a pass, where to go next: the next unfinished exercise on the page, else the quiz after
   * this panel, else the lesson pager's "up next" (the next lesson, or the progress page).
   */
  #nextStep(): HTMLElement | null {
    const after = (element: Element) =>
      this.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
    const exercise = [
      ...document.querySelectorAll<HTMLElement>('exercise-panel:not([data-kind="example"])'),
    ].find((panel) => after(panel) && panel.dataset['passed'] !== 'true')
    const quiz = [...document.querySelectorAll('quiz-form')].find(after)
    const target = exercise
      ? { element: exercise.querySelector('.exercise-title'), kind: 'the exercise' }
      : quiz
        ? { element: quiz.querySelector('.quiz-title'), kind: 'the quiz' }
        : null
    const link = document.createElement('a')
    if (target?.element?.id) {
      link.href = `#${target.element.id}`
      link.textContent = `${target.kind} “${target.element.textContent?.trim() ?? ''}”`
    } else {
      const upNext = document.querySelector<HTMLAnchorElement>('.pager a.up-next')
      if (!upNext) return null
      link.href = upNext.href
      link.textContent = upNext.querySelector('.title')?.textContent?.trim() ?? 'the next lesson'
    }
    const paragraph = document.createElement('p')
    paragraph.className = 'next-step'
    paragraph.append('Next: ', link)
    return paragraph
  }

  #renderTimeline(timeline: TimelineEntry[]) {
    const table = this.querySelector<HTMLTableElement>('table[data-timeline]')
    const inspector = this.querySelector<HTMLElement>('[data-inspector]')
    if (!table || !inspector) return
    inspector.hidden = timeline.length === 0
    for (const old of table.querySelectorAll(':scope > tbody')) old.remove()
    // One row group per check, headed by the check's name: every check starts with fresh
    // browsers and empty cookie jars, so numbering restarts too.
    const groups: TimelineEntry[][] = []
    for (const entry of timeline) {
      const last = groups.at(-1)
      if (last && last[0]?.check === entry.check) last.push(entry)
      else groups.push([entry])
    }
    const checkNames = [...new Set(timeline.map((entry) => entry.check))]
    table.append(
      ...groups.map((entries) => {
        const body = document.createElement('tbody')
        const name = entries[0]?.check ?? ''
        const headerRow = document.createElement('tr')
        headerRow.className = 'timeline-check'
        const header = document.createElement('th')
        header.scope = 'rowgroup'
        header.colSpan = 5
        header.textContent =
          name === 'scenario'
            ? 'The example, one browser throughout'
            : `Check ${checkNames.indexOf(name) + 1}: ${name}`
        headerRow.append(header)
        body.append(headerRow)
        entries.forEach((entry, index) => {
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
          for (const text of cells) {
            const cell = document.createElement('td')
            cell.textContent = text
            row.append(cell)
          }
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

  #showDiff(bundle: ExerciseBundle, files: Record<string, string>) {
    const dialog = this.querySelector<HTMLDialogElement>('dialog[data-diff]')
    const body = dialog?.querySelector('[data-diff-body]')
    if (!dialog || !body) return
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

/** Give `parent` exactly these children, in order, leaving in place the ones already there. */
function setChildren(parent: HTMLElement, children: readonly HTMLElement[]) {
  for (const old of [...parent.children]) if (!children.includes(old as HTMLElement)) old.remove()
  children.forEach((child, index) => {
    if (parent.children[index] !== child) parent.insertBefore(child, parent.children[index] ?? null)
  })
}

/** Make the terminal show exactly `lines`, adding only what is new. */
function fillTerminal(terminal: HTMLOListElement, lines: readonly string[]) {
  lines.forEach((line, index) => {
    const existing = terminal.children[index]
    if (existing?.textContent === line) return
    const item = document.createElement('li')
    item.textContent = line
    if (existing) existing.replaceWith(item)
    else terminal.append(item)
  })
  while (terminal.children.length > lines.length) terminal.lastElementChild?.remove()
}

/** A button that shows where learner code threw, in the editor. */
function goToButton(error: CodeError | undefined): HTMLButtonElement | null {
  if (!error?.file || !error.line) return null
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'button subtle go-to'
  button.dataset['goTo'] = `${error.file}:${error.line}:${error.column ?? 1}`
  button.textContent = `Show ${formatCodeLocation(error)} in the editor`
  return button
}

if (!customElements.get('exercise-panel'))
  customElements.define('exercise-panel', ExercisePanelElement)
