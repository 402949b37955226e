// Linked when this code loads, not hoisted into every lesson page's stylesheets.
import resultsStylesheet from '../styles/exercise-results.css?url'
import type { ExerciseBundle } from '../schemas/exercise'
import { createExerciseStore } from '../stores/exercise'
import { progress } from '../stores/progress'
import {
  $runtimeChoice,
  $runtimeStatus,
  bootWebContainerInBackground,
  chooseRuntime,
  runInChosenRuntime,
  warmRuntime,
  type RuntimeChoice,
} from '../stores/runtime'
// The panel's parts: each defines its element, which finds this exercise through exerciseOf.
import './code-editor'
import './cookie-decoder'
import './exercise-files'
import './exercise-hints'
import './exercise-results'
import './live-preview'
import './request-inspector'
import './solution-diff'
import { provideExercise } from './exercise-context'

/**
 * Attach an `<exercise-panel>`'s behaviour: read the exercise bundle from its JSON script, make
 * its store and share it with the panel's parts, and wire what belongs to no single part: the
 * Check, Reset and Show solution buttons, Ctrl/Cmd+Enter, the runtime choice and the badges.
 *
 * @param panel - the `<exercise-panel>`
 * @returns what the panel's warm-up policy and held clicks need, and `detach`
 * @example
 * const controller = attachExercise(panel)
 * await controller.check()
 */
export function attachExercise(panel: HTMLElement) {
  linkStylesheet(resultsStylesheet)
  const bundle = JSON.parse(
    panel.querySelector('script[data-exercise]')?.textContent ?? 'null',
  ) as ExerciseBundle
  const store = createExerciseStore(
    bundle,
    (files, runProgress, only) => runInChosenRuntime(bundle, files, runProgress, only),
    progress,
  )
  provideExercise({ panel, bundle, store })
  const isExample = bundle.meta.kind === 'example'
  const q = <T extends Element>(selector: string) => panel.querySelector<T>(selector)
  const checkButton = q<HTMLButtonElement>('[data-action="check"]')
  const solutionButton = q<HTMLButtonElement>('[data-action="solution"]')
  const diffButton = q<HTMLButtonElement>('[data-action="diff"]')
  const select = q<HTMLSelectElement>('[data-runtime-choice]')
  const listeners = new AbortController()
  const on = (target: EventTarget | null, type: string, listener: (event: Event) => void) =>
    target?.addEventListener(type, listener, { signal: listeners.signal })

  const check = () => store.check()
  on(checkButton, 'click', () => void check())
  on(panel, 'check-request', () => void check())
  on(panel, 'keydown', (event) => {
    const key = event as KeyboardEvent
    if (
      (key.ctrlKey || key.metaKey) &&
      key.key === 'Enter' &&
      !(key.target instanceof HTMLTextAreaElement)
    ) {
      key.preventDefault()
      void check()
    }
  })
  on(q('[data-action="reset"]'), 'click', () => {
    if (confirm('Reset this exercise to its starting code? Your changes to it will be lost.'))
      store.reset()
  })
  on(solutionButton, 'click', () => {
    if (confirm('Replace your code with the solution? Try the hints first if you have not yet.'))
      store.showSolution()
  })
  on(select, 'change', () => chooseRuntime(select?.value as RuntimeChoice))

  const unsubscribers = [
    store.$runState.subscribe((state) => {
      panel.dataset['state'] = state
      if (!checkButton) return
      checkButton.setAttribute('aria-busy', String(state === 'running'))
      const label = checkButton.querySelector('[data-label]')
      if (label)
        label.textContent = isExample
          ? state === 'running'
            ? 'Running…'
            : 'Run'
          : state === 'running'
            ? 'Checking…'
            : 'Check'
    }),
    store.$attempted.subscribe((attempted) => {
      if (solutionButton) solutionButton.disabled = !attempted
      if (diffButton) diffButton.disabled = !attempted
      // Say why they are disabled while they are.
      const note = q<HTMLElement>('[data-solution-note]')
      if (note) note.hidden = attempted
    }),
    store.$passed.subscribe((passed) => {
      panel.dataset['passed'] = String(passed)
      const badge = q<HTMLElement>('[data-passed-badge]')
      if (badge) badge.hidden = !passed
    }),
    $runtimeStatus.subscribe((status) => {
      const note = q<HTMLElement>('[data-runtime-note]')
      if (note) note.textContent = status.note
    }),
    $runtimeChoice.subscribe((choice) => {
      if (select) select.value = choice
    }),
  ]
  panel.dataset['ready'] = 'true'
  return {
    store,
    check,
    warmRuntime,
    bootInBackground: bootWebContainerInBackground,
    detach() {
      listeners.abort()
      for (const unsubscribe of unsubscribers) unsubscribe()
    },
  }
}

/** Add a stylesheet to the page once. */
function linkStylesheet(href: string) {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return
  const link = document.createElement('link')
  link.rel = 'stylesheet'
  link.href = href
  document.head.append(link)
}
