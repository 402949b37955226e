import { continueTarget, type LessonRequirementsInOrder } from '../progress/progress-data'
import { progress } from '../stores/progress'

/** A lesson as `data-lessons` lists it, in reading order. */
interface CourseLesson extends LessonRequirementsInOrder {
  title: string
  href: string
}

const prefixes = { continue: 'Continue', next: 'Up next', review: 'Review' } as const

/**
 * `<continue-link>`: turns its "Start the course" link into "Continue: <lesson>" once the learner
 * has opened a lesson, or "Up next: <lesson>" when that lesson is complete (the rule is
 * {@link continueTarget}). The lessons come from `data-lessons`: JSON, in reading order.
 *
 * @example
 * <continue-link data-lessons='[{"slug":"welcome","title":"Welcome","href":"/lessons/welcome/","examples":[],"exercises":[],"quizzes":[]}]'>
 *   <a href="/lessons/welcome/"><span data-text>Start the course</span></a>
 * </continue-link>
 */
export class ContinueLinkElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined

  connectedCallback() {
    const link = this.querySelector('a')
    const text = this.querySelector('[data-text]')
    const lessons = JSON.parse(this.dataset['lessons'] ?? '[]') as CourseLesson[]
    const startHref = link?.getAttribute('href') ?? '/'
    const startText = text?.textContent ?? ''
    this.#unsubscribe = progress.$progress.subscribe((value) => {
      if (!link || !text) return
      const target = continueTarget(value, lessons)
      const lesson = lessons.find((candidate) => candidate.slug === target?.slug)
      link.setAttribute('href', lesson?.href ?? startHref)
      text.textContent =
        target && lesson ? `${prefixes[target.reason]}: ${lesson.title}` : startText
      this.dataset['state'] = target && lesson ? target.reason : 'start'
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }
}

if (!customElements.get('continue-link'))
  customElements.define('continue-link', ContinueLinkElement)
