import type { ExerciseStore } from '../stores/exercise'
import { exerciseOf } from './exercise-context'

/**
 * `<exercise-hints>`: the hints shown so far, one more for each press of the panel's Hint button.
 * Each hint is server-rendered in a `<template data-hint>`; focus moves to the hint just shown,
 * so it is read out and focus never stays on the button once the last hint has disabled it.
 *
 * @example
 * <exercise-hints><section class="hints" hidden><ol data-hints></ol>
 *   <template data-hint="0">…</template></section></exercise-hints>
 */
export class ExerciseHintsElement extends HTMLElement {
  #stop: (() => void) | undefined

  connectedCallback() {
    void exerciseOf(this)?.then(({ panel, store }) => {
      if (!this.isConnected) return
      const button = panel.querySelector<HTMLButtonElement>('[data-action="hint"]')
      const listeners = new AbortController()
      button?.addEventListener(
        'click',
        () => {
          store.showNextHint()
          this.querySelector<HTMLElement>('[data-hints] li:last-child')?.focus()
        },
        { signal: listeners.signal },
      )
      const render = () => this.#render(store, button)
      const unsubscribers = [
        store.$hintsShown.subscribe(render),
        // A newly opened step brings its own hints (and the count starts again).
        store.$hints.listen(render),
      ]
      const unsubscribe = () => unsubscribers.forEach((stop) => stop())
      this.#stop = () => {
        listeners.abort()
        unsubscribe()
      }
    })
  }

  disconnectedCallback() {
    this.#stop?.()
  }

  #render(store: ExerciseStore, button: HTMLButtonElement | null) {
    const count = store.$hintsShown.get()
    const list = this.querySelector('[data-hints]')
    // A multi-step exercise's hint templates are keyed by step (`<step>:<n>`, ExercisePanel.astro).
    const views = store.$steps.get()
    const step = views ? (views.find((view) => view.state === 'current') ?? views.at(-1))?.id : ''
    const templates = [...this.querySelectorAll<HTMLTemplateElement>('template[data-hint]')].filter(
      (template) => (step ? template.dataset['hint']?.startsWith(`${step}:`) : true),
    )
    if (!list) return
    list.replaceChildren(
      ...templates.slice(0, count).map((template) => {
        const item = document.createElement('li')
        item.innerHTML = template.innerHTML
        item.tabIndex = -1
        return item
      }),
    )
    ;(list.parentElement as HTMLElement | null)?.toggleAttribute('hidden', count === 0)
    if (!button) return
    const total = templates.length
    button.disabled = count >= total
    const label = button.querySelector('[data-label]')
    if (label)
      label.textContent = count >= total ? 'No more hints' : `Hint ${count + 1} of ${total}`
  }
}

if (!customElements.get('exercise-hints'))
  customElements.define('exercise-hints', ExerciseHintsElement)
