import { lessonStatus } from '../progress/progress-data'
import { progress } from '../stores/progress'

const labels = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
} as const

/**
 * `<lesson-status>`: shows a lesson's completion from the progress store. Reads the lesson slug and
 * what the lesson asks for from data attributes. With `data-variant="mark"` it shows an icon and
 * keeps the label for screen readers only.
 *
 * @example
 * <lesson-status data-lesson="how-a-login-works" data-examples="manual-session-login" data-exercises="" data-quizzes=""></lesson-status>
 */
export class LessonStatusElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined

  connectedCallback() {
    const lesson = this.dataset['lesson'] ?? ''
    const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : [])
    const requirements = {
      examples: list(this.dataset['examples']),
      exercises: list(this.dataset['exercises']),
      quizzes: list(this.dataset['quizzes']),
    }
    const label = this.querySelector('[data-label]')
    this.#unsubscribe = progress.$progress.subscribe((value) => {
      const status = lessonStatus(value.lessons[lesson], requirements)
      this.dataset['status'] = status
      if (label) label.textContent = labels[status]
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }
}

if (!customElements.get('lesson-status'))
  customElements.define('lesson-status', LessonStatusElement)
