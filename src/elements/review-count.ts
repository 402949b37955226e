import { review } from '../stores/review'

/**
 * `<review-count>`: fills its `[data-count]` with how many review questions are due and shows
 * itself only when there are some (a new learner sees nothing).
 *
 * @example
 * <review-count hidden><a href="/review/"><span data-count></span> to review</a></review-count>
 */
export class ReviewCountElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined

  connectedCallback() {
    const count = this.querySelector('[data-count]')
    this.#unsubscribe = review.$due.subscribe((due) => {
      this.hidden = due.length === 0
      if (count) count.textContent = `${due.length} ${due.length === 1 ? 'question' : 'questions'}`
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }
}

if (!customElements.get('review-count')) customElements.define('review-count', ReviewCountElement)
