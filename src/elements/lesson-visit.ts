import { progress } from '../stores/progress'

/**
 * `<lesson-visit>`: records that the learner opened a lesson (for progress and "continue").
 *
 * @example
 * <lesson-visit data-lesson="how-a-login-works"></lesson-visit>
 */
export class LessonVisitElement extends HTMLElement {
  connectedCallback() {
    const lesson = this.dataset['lesson']
    if (lesson) progress.markVisited(lesson)
  }
}

if (!customElements.get('lesson-visit')) customElements.define('lesson-visit', LessonVisitElement)
