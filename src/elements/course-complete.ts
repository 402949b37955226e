import { courseSummary } from '../progress/course-summary'
import type { LessonRequirementsInOrder } from '../progress/progress-data'
import { progress } from '../stores/progress'

const percent = (score: number) => `${Math.round(score * 100)}%`

/** Read the course's lessons, in order with their requirements, from the page's JSON. */
function readLessons(root: HTMLElement): LessonRequirementsInOrder[] {
  const text = root.querySelector('script[data-lessons]')?.textContent ?? '[]'
  return JSON.parse(text) as LessonRequirementsInOrder[]
}

/**
 * `<course-complete>`: the course-complete page. From local progress it shows either the summary
 * (`[data-done]`: totals, one row per quiz, one per lesson) once every lesson is complete, or
 * `[data-not-yet]` listing the lessons still to finish. The lessons come from a
 * `<script type="application/json" data-lessons>` inside it; the rows are in the HTML, each marked
 * with `data-quiz` or `data-lesson`, and only their figures are filled in.
 *
 * @example
 * <course-complete><script type="application/json" data-lessons>[…]</script>…</course-complete>
 */
export class CourseCompleteElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined

  connectedCallback() {
    const lessons = readLessons(this)
    const notYet = this.querySelector<HTMLElement>('[data-not-yet]')
    const done = this.querySelector<HTMLElement>('[data-done]')
    const fill = (selector: string, text: string) => {
      const target = this.querySelector(selector)
      if (target) target.textContent = text
    }
    this.querySelector('[data-print]')?.addEventListener('click', () => window.print())
    this.#unsubscribe = progress.$progress.subscribe((value) => {
      const summary = courseSummary(value, lessons)
      if (notYet) notYet.hidden = summary.complete
      if (done) done.hidden = !summary.complete
      fill(
        '[data-not-yet-count]',
        `${summary.lessons.complete} of ${summary.lessons.total} lessons complete`,
      )
      for (const item of this.querySelectorAll<HTMLElement>('[data-not-yet] [data-lesson]')) {
        item.hidden = !summary.unfinished.includes(item.dataset['lesson'] ?? '')
      }
      fill('[data-total="lessons"]', `${summary.lessons.complete} of ${summary.lessons.total}`)
      const { passed, total, afterSolution } = summary.exercises
      fill('[data-total="exercises"]', `${passed} of ${total}`)
      fill(
        '[data-after-solution]',
        afterSolution ? `${afterSolution} after viewing the solution` : '',
      )
      fill('[data-total="examples"]', `${summary.examples.run} of ${summary.examples.total}`)
      fill(
        '[data-total="quizzes"]',
        summary.meanQuizScore === null ? 'No quizzes' : percent(summary.meanQuizScore),
      )
      const finished = this.querySelector<HTMLTimeElement>('[data-finished-at]')
      if (finished) {
        finished.hidden = summary.finishedAt === null
        if (summary.finishedAt) {
          finished.dateTime = summary.finishedAt
          const day = new Date(summary.finishedAt).toLocaleDateString(undefined, {
            dateStyle: 'long',
          })
          fill('[data-finished-at] [data-date]', day)
        }
      }
      for (const line of summary.perLesson) {
        const target = this.querySelector(
          `[data-done] [data-lesson="${CSS.escape(line.slug)}"] [data-cell="exercises"]`,
        )
        if (target)
          target.textContent =
            line.exercisesTotal === 0 ? '—' : `${line.exercisesPassed} of ${line.exercisesTotal}`
      }
      for (const quiz of summary.quizzes) {
        const row = this.querySelector(`[data-quiz="${CSS.escape(quiz.slug)}"]`)
        if (!row) continue
        const cell = (name: string, text: string) => {
          const target = row.querySelector(`[data-cell="${name}"]`)
          if (target) target.textContent = text
        }
        cell('score', quiz.bestScore === null ? 'Not taken' : percent(quiz.bestScore))
        cell('attempts', String(quiz.attempts))
      }
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }
}

if (!customElements.get('course-complete'))
  customElements.define('course-complete', CourseCompleteElement)
