import { gradeQuestion, type QuizResponse } from '../quiz/engine'
import { INTERVAL_DAYS } from '../review/schedule'
import type { Question } from '../schemas/quiz'
import { review } from '../stores/review'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/**
 * `<review-session>`: shows the quiz questions due for review one at a time, grades each with the
 * quiz engine and records the answer in the review store. Every question is in the page, hidden;
 * `data-grading` holds their grading data by review key.
 *
 * @example
 * <review-session><script type="application/json" data-grading>{}</script><p data-status></p><ol data-questions></ol></review-session>
 */
export class ReviewSessionElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined
  /** The question on screen; kept while its verdict shows, so answering does not swap it away. */
  #current: string | null = null
  #answered = false

  connectedCallback() {
    const grading = JSON.parse(this.querySelector('[data-grading]')?.textContent ?? '{}') as Record<
      string,
      Question
    >
    const questions = new Map(
      [...this.querySelectorAll<HTMLElement>('[data-key]')].map((el) => [
        el.dataset['key'] ?? '',
        el,
      ]),
    )
    for (const [key, element] of questions) {
      element.querySelector('form')?.addEventListener('submit', (event) => {
        event.preventDefault()
        const question = grading[key]
        if (question && !this.#answered) this.#check(key, element, question)
      })
      element.addEventListener('click', (event) => moveStep(event))
    }
    this.querySelector('[data-next]')?.addEventListener('click', () => {
      this.#current = null
      this.#answered = false
      this.#show(questions, true)
    })
    this.#unsubscribe = review.$due.subscribe(() => {
      if (!this.#answered) this.#show(questions, false)
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }

  #show(questions: Map<string, HTMLElement>, focus: boolean) {
    const due = review.$due.get().filter((item) => questions.has(item.key))
    this.#current = due[0]?.key ?? null
    for (const [key, element] of questions) element.hidden = key !== this.#current
    const status = this.querySelector<HTMLElement>('[data-status]')
    const next = review.$nextDue.get()
    if (status) {
      status.textContent =
        due.length > 0
          ? `${due.length} ${due.length === 1 ? 'question' : 'questions'} due.`
          : next
            ? `Nothing is due. The next question comes back on ${dateFormat.format(new Date(next))}.`
            : 'Nothing to review. Questions you miss in a quiz will come back here.'
    }
    const nextWrap = this.querySelector<HTMLElement>('[data-next-wrap]')
    if (nextWrap) nextWrap.hidden = true
    const current = this.#current ? questions.get(this.#current) : undefined
    if (current) resetQuestion(current)
    if (focus) (current?.querySelector<HTMLElement>('input, button') ?? status)?.focus()
  }

  #check(key: string, element: HTMLElement, question: Question) {
    const response = readResponse(element)
    const verdict = element.querySelector<HTMLElement>('[data-verdict]')
    if (!verdict) return
    verdict.hidden = false
    if (response === null) {
      verdict.dataset['tone'] = 'empty'
      verdict.innerHTML = '<p class="verdict-title">Choose or type an answer first.</p>'
      verdict.focus()
      return
    }
    const graded = gradeQuestion(question, response)
    const stage = review.$due.get().find((item) => item.key === key)?.stage ?? 0
    this.#answered = true
    review.answer(key, graded.correct)
    const nextStage = stage + 1
    const title = graded.correct
      ? nextStage >= INTERVAL_DAYS.length
        ? 'Right. This one is learned: it leaves your review.'
        : `Right. It comes back in ${INTERVAL_DAYS[nextStage]} days.`
      : `Not quite. It comes back tomorrow.`
    verdict.dataset['tone'] = graded.correct ? 'correct' : 'incorrect'
    const heading = document.createElement('p')
    heading.className = 'verdict-title'
    heading.textContent = title
    const explanation = element.querySelector<HTMLTemplateElement>('template[data-explanation]')
    verdict.replaceChildren(heading, explanation?.content.cloneNode(true) ?? '')
    for (const control of element.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
      'input, button',
    ))
      control.disabled = true
    const nextWrap = this.querySelector<HTMLElement>('[data-next-wrap]')
    if (nextWrap) nextWrap.hidden = false
    verdict.focus()
  }
}

/** Ready a question to be answered again (it may have been answered earlier in this visit). */
function resetQuestion(element: HTMLElement) {
  element.querySelector('form')?.reset()
  for (const control of element.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
    'input, button',
  ))
    control.disabled = false
  const verdict = element.querySelector<HTMLElement>('[data-verdict]')
  if (verdict) {
    verdict.hidden = true
    verdict.replaceChildren()
  }
}

/** Up and Down buttons of an order question move their step. */
function moveStep(event: MouseEvent) {
  const button = event.target instanceof Element ? event.target.closest('[data-move]') : null
  const step = button?.closest('li')
  if (!button || !step) return
  if (button.getAttribute('data-move') === '-1') step.previousElementSibling?.before(step)
  else step.nextElementSibling?.after(step)
  ;(button as HTMLElement).focus()
}

function readResponse(element: HTMLElement): QuizResponse | null {
  const type = element.dataset['type']
  if (type === 'order')
    return [...element.querySelectorAll<HTMLElement>('[data-step]')].map(
      (s) => s.dataset['step'] ?? '',
    )
  if (type === 'text') {
    const value = element.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? ''
    return value.trim() === '' ? null : value
  }
  const checked = [...element.querySelectorAll<HTMLInputElement>('input:checked')].map(
    (i) => i.value,
  )
  if (checked.length === 0) return null
  return type === 'multiple' ? checked : (checked[0] ?? null)
}

if (!customElements.get('review-session'))
  customElements.define('review-session', ReviewSessionElement)
