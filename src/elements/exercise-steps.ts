import type { StepState, StepView } from '../progress/exercise-steps'
import { exerciseOf } from './exercise-context'

/** What each state reads as, after the step's title. */
const stateWords: Record<StepState, string> = {
  passed: 'passed',
  failing: 'passed before, failing now',
  current: 'current step',
  locked: 'locked',
}

/** The mark shown before a step's title (decorative; the words say the same). */
const marks: Record<StepState, string> = { passed: '✓', failing: '✗', current: '→', locked: '○' }

/**
 * `<exercise-steps>`: the step list of a multi-step exercise, showing where the learner stands.
 * The page renders every step (title, description, a note for when it is locked) as `<details>`,
 * so without JavaScript all of them can be read; this element marks each step passed, failing,
 * current or locked from the exercise store's `$steps`, hides a locked step's description, and
 * opens the step that has just become current. Keyboard use is the native `<summary>`; changes
 * are announced through the exercise panel's live region (the store's `$stepNews`).
 *
 * @example
 * <exercise-panel …><exercise-steps>…one <details> per step…</exercise-steps></exercise-panel>
 */
export class ExerciseStepsElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined
  #current: string | undefined

  connectedCallback() {
    // The one way a panel's parts get their data: ask the panel for its exercise.
    void exerciseOf(this)?.then(({ store }) => {
      if (!this.isConnected) return
      this.#unsubscribe?.()
      this.#unsubscribe = store.$steps.subscribe((views) => {
        if (views) this.#render(views)
      })
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
  }

  #render(views: readonly StepView[]) {
    const current = views.find((view) => view.state === 'current')?.id
    const passed = views.filter((view) => view.state === 'passed').length
    const summary = this.querySelector('[data-steps-summary]')
    if (summary)
      summary.textContent = current
        ? `Step ${views.findIndex((view) => view.id === current) + 1} of ${views.length}, ${passed} passed`
        : `All ${views.length} steps passed`
    for (const view of views) {
      const item = this.querySelector<HTMLElement>(`[data-step="${CSS.escape(view.id)}"]`)
      if (!item) continue
      item.dataset['state'] = view.state
      if (view.state === 'current') item.setAttribute('aria-current', 'step')
      else item.removeAttribute('aria-current')
      const mark = item.querySelector('[data-step-mark]')
      if (mark) mark.textContent = marks[view.state]
      const words = item.querySelector('[data-step-state]')
      if (words) words.textContent = `(${stateWords[view.state]})`
      const body = item.querySelector<HTMLElement>('[data-step-body]')
      if (body) body.hidden = view.state === 'locked'
      const locked = item.querySelector<HTMLElement>('[data-step-locked]')
      if (locked) locked.hidden = view.state !== 'locked'
    }
    // Open the step that has just become current, once; the learner's own toggling is kept.
    if (current !== this.#current) {
      this.#current = current
      const details = current
        ? this.querySelector<HTMLDetailsElement>(`[data-step="${CSS.escape(current)}"] details`)
        : null
      if (details) details.open = true
    }
  }
}

if (!customElements.get('exercise-steps'))
  customElements.define('exercise-steps', ExerciseStepsElement)
