import type { ExerciseStore } from '../stores/exercise'
import type { TypeErrorAt } from '../editor/monaco-editor'
import { formatCodeLocation, type Verdict } from '../grader/verdict'
import type { CodeEditorElement } from './code-editor'
import { exerciseOf } from './exercise-context'
import { checkList, fillTerminal, goToButton, setChildren, typeErrorList } from './verdict-view'

/**
 * `<exercise-results>`: what the last run said. For an example, its terminal, a line at a time
 * as the runtime prints them; for an exercise, each check, the error that stopped the code, the
 * type errors the editor's TypeScript worker found (when it is loaded), and after a pass the next
 * step. A live region reads the result out; focus stays where the learner was.
 *
 * @example
 * <exercise-results><p aria-live="polite" data-announce></p>
 *   <div class="results" data-results hidden></div></exercise-results>
 */
export class ExerciseResultsElement extends HTMLElement {
  #stop: (() => void) | undefined
  /** Counts verdicts, so type errors that arrive after a newer verdict are dropped. */
  #shown = 0

  connectedCallback() {
    void exerciseOf(this)?.then(({ bundle, store, panel }) => {
      if (!this.isConnected) return
      const isExample = bundle.meta.kind === 'example'
      const stops = [
        store.$verdict.subscribe((verdict) => this.#render(panel, isExample, verdict, store)),
        store.$output.subscribe((lines) => {
          if (isExample && lines && store.$runState.get() === 'running') this.#outputSoFar(lines)
        }),
      ]
      this.#stop = () => stops.forEach((stop) => stop())
    })
  }

  disconnectedCallback() {
    this.#stop?.()
  }

  get #results() {
    return this.querySelector<HTMLElement>('[data-results]')
  }

  /** An example's terminal while it runs: lines are added as the runtime reports them. */
  #outputSoFar(lines: readonly string[]) {
    const results = this.#results
    if (!results) return
    let terminal = results.querySelector<HTMLOListElement>('ol.terminal')
    if (!terminal) {
      const heading = document.createElement('h3')
      heading.className = 'results-heading running'
      heading.tabIndex = -1
      heading.textContent = 'Output'
      terminal = newTerminal()
      results.replaceChildren(heading, terminal)
      results.hidden = false
    }
    terminal.setAttribute('aria-busy', 'true')
    fillTerminal(terminal, lines)
  }

  #render(panel: HTMLElement, isExample: boolean, verdict: Verdict | null, store: ExerciseStore) {
    const results = this.#results
    if (!results) return
    const shown = ++this.#shown
    results.hidden = verdict === null
    if (!verdict) {
      results.replaceChildren()
      return
    }
    // An example's heading and terminal are already on screen from the lines streamed in: keep them.
    const heading =
      (isExample ? results.querySelector<HTMLHeadingElement>('.results-heading') : null) ??
      document.createElement('h3')
    heading.className = `results-heading ${verdict.status}`
    heading.tabIndex = -1
    const children: HTMLElement[] = [heading]
    if (isExample) {
      heading.textContent =
        verdict.status === 'error' ? 'The example stopped with an error' : 'Output'
      const terminal = results.querySelector<HTMLOListElement>('ol.terminal') ?? newTerminal()
      terminal.removeAttribute('aria-busy')
      fillTerminal(terminal, verdict.output ?? [])
      children.push(terminal)
    } else if (verdict.status === 'blanks') {
      heading.textContent = 'Some blanks are still empty'
    } else if (verdict.status === 'error') {
      heading.textContent = 'Your code stopped with an error'
    } else {
      const passedCount = verdict.checks.filter((c) => c.passed).length
      // A multi-step exercise's Check grades the steps so far: passing them opens the next step.
      const stepsLeft = verdict.status === 'passed' && !store.$passed.get()
      heading.textContent = stepsLeft
        ? `All ${verdict.checks.length} checks so far pass`
        : verdict.status === 'passed'
          ? `All ${verdict.checks.length} checks pass. Well done!`
          : `${passedCount} of ${verdict.checks.length} checks pass`
      children.push(checkList(verdict))
      const next = verdict.status === 'passed' && store.$passed.get() ? nextStep(panel) : null
      if (next) children.push(next)
    }
    // The runtime's own sentence (it says what usually causes a time-out, for one), then where.
    const where = formatCodeLocation(verdict.error)
    const said = verdict.message ?? verdict.error?.message
    const detail = said && `${said}${where ? ` (${where})` : ''}`
    const stopped = detail && verdict.status !== 'passed' && verdict.status !== 'failed'
    if (stopped) {
      const message = document.createElement('p')
      message.className = 'run-message'
      message.textContent = detail
      children.push(message)
      const goTo = goToButton(verdict.error)
      if (goTo) children.push(goTo)
    }
    setChildren(results, children)
    const firstFailed = verdict.checks.find((c) => !c.passed)
    const announce = this.querySelector<HTMLElement>('[data-announce]')
    const spoken = isExample
      ? `${sentence(heading.textContent)} ${(verdict.output ?? []).join('. ')}`
      : `${sentence(heading.textContent)}${firstFailed ? ` First failure: ${firstFailed.name}. ${firstFailed.message ?? ''}` : ''}${stopped ? ` ${detail}` : ''}${store.$stepNews.get() ? ` ${store.$stepNews.get() ?? ''}` : ''}`
    if (announce) announce.textContent = spoken
    if (isExample) return
    // Says how the look for type errors went: checking, unavailable (no TypeScript worker), or a count.
    results.dataset['typeErrors'] = 'checking'
    void this.#typeErrors(panel).then((errors) => {
      if (shown !== this.#shown) return
      results.dataset['typeErrors'] = errors
        ? String(Object.values(errors).flat().length)
        : 'unavailable'
      const section = errors && typeErrorList(errors)
      if (!section) return
      results.append(section)
      if (announce) announce.textContent = `${spoken} ${section.firstChild?.textContent ?? ''}.`
    })
  }

  /** Type errors in the editable files, or null when no editor has a TypeScript worker. */
  async #typeErrors(panel: HTMLElement): Promise<Record<string, TypeErrorAt[]> | null> {
    const editors = [
      ...panel.querySelectorAll<CodeEditorElement>('code-editor[data-editable="true"]'),
    ]
    const found = await Promise.all(
      editors.map(async (editor) => [editor.path, await editor.typeErrors()] as const),
    )
    const known = found.filter((entry): entry is [string, TypeErrorAt[]] => entry[1] !== null)
    return known.length ? Object.fromEntries(known) : null
  }
}

function newTerminal(): HTMLOListElement {
  const terminal = document.createElement('ol')
  terminal.className = 'terminal'
  terminal.setAttribute('aria-label', 'Output, one line per request')
  return terminal
}

/**
 * After a pass, where to go next: the next unfinished exercise on the page, else the quiz after
 * this panel, else the lesson pager's "up next" (the next lesson, or the progress page).
 */
function nextStep(panel: HTMLElement): HTMLElement | null {
  const after = (element: Element) =>
    panel.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
  const exercise = [
    ...document.querySelectorAll<HTMLElement>('exercise-panel:not([data-kind="example"])'),
  ].find((other) => after(other) && other.dataset['passed'] !== 'true')
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

if (!customElements.get('exercise-results'))
  customElements.define('exercise-results', ExerciseResultsElement)

/** A heading read out as a sentence: a full stop, unless it already ends in one ("Well done!"). */
function sentence(text: string | null): string {
  const said = text ?? ''
  return /[.!?]$/.test(said) ? said : `${said}.`
}
