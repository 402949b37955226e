import { progress } from '../stores/progress'

/**
 * `<continue-link>`: turns its "Start the course" link into "Continue: <lesson>" once the learner
 * has opened a lesson. Lesson titles and links come from `data-lessons` (JSON: slug → [title, href]).
 *
 * @example
 * <continue-link data-lessons='{"welcome":["Welcome","/lessons/welcome/"]}'>
 *   <a href="/lessons/welcome/"><span data-text>Start the course</span></a>
 * </continue-link>
 */
export class ContinueLinkElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined

  connectedCallback() {
    const link = this.querySelector('a')
    const text = this.querySelector('[data-text]')
    const lessons = JSON.parse(this.dataset['lessons'] ?? '{}') as Record<string, [string, string]>
    const startHref = link?.getAttribute('href') ?? '/'
    const startText = text?.textContent ?? ''
    this.#unsubscribe = progress.$progress.subscribe((value) => {
      const last = value.lastLesson ? lessons[value.lastLesson] : undefined
      if (!link || !text) return
      link.setAttribute('href', last ? last[1] : startHref)
      text.textContent = last ? `Continue: ${last[0]}` : startText
      this.dataset['state'] = last ? 'continue' : 'start'
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }
}

if (!customElements.get('continue-link'))
  customElements.define('continue-link', ContinueLinkElement)
