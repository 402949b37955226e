import type { QuizResponse, QuizScore } from '../quiz/engine'
import { progress } from '../stores/progress'
import { createQuizStore, type QuizDescription, type QuizStore } from '../stores/quiz'

const stateLabels: Record<string, string> = {
  'chosen-right': 'Right, and you chose it',
  'chosen-wrong': 'Not right',
  missed: 'Also right: you missed it',
  right: 'Right answer',
}

/**
 * `<quiz-form>`: a graded quiz. The questions are a real form, rendered on the server; this element
 * checks each answer through the quiz store, shows the explanation, and handles the score, retries
 * (shuffled) and reviewing mistakes.
 *
 * @example
 * <quiz-form data-slug="login-manager-practice"><script type="application/json" data-quiz>{…}</script><form>…</form></quiz-form>
 */
export class QuizFormElement extends HTMLElement {
  #store: QuizStore | undefined
  #unsubscribers: Array<() => void> = []
  /** True while answers kept from before a reload are drawn: that must not move focus or scroll. */
  #restoring = true

  connectedCallback() {
    const description = JSON.parse(
      this.querySelector('script[data-quiz]')?.textContent ?? 'null',
    ) as QuizDescription | null
    const form = this.querySelector('form')
    if (!description || !form) return
    const store = createQuizStore(description, progress)
    this.#store = store
    const questions = new Map(
      [...this.querySelectorAll<HTMLElement>('[data-question]')].map((el) => [
        el.dataset['question'] ?? '',
        el,
      ]),
    )
    this.querySelectorAll<HTMLButtonElement>('button[type="submit"], [data-move]').forEach(
      (b) => (b.disabled = false),
    )
    const announce = (text: string) => this.#announce(text)

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null
      const id =
        submitter?.value ??
        (event.target instanceof HTMLElement
          ? event.target.closest<HTMLElement>('[data-question]')?.dataset['question']
          : undefined)
      const element = id ? questions.get(id) : undefined
      if (!id || !element) return
      const response = this.#readResponse(element)
      if (response === null) {
        this.#showVerdict(element, 'Choose or type an answer first.', 'empty')
        return
      }
      store.answer(id, response)
    })
    // Pressing Enter in a text answer submits its own question, not the first one in the form.
    form.addEventListener('keydown', (event) => {
      const target = event.target
      if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || target.type !== 'text')
        return
      event.preventDefault()
      target
        .closest('[data-question]')
        ?.querySelector<HTMLButtonElement>('button[type="submit"]')
        ?.click()
    })

    // Order questions: Up and Down move a step; focus stays on the button, and the move is announced.
    this.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element
          ? event.target.closest<HTMLButtonElement>('[data-move]')
          : null
      if (!button) return
      const step = button.closest<HTMLElement>('[data-step]')
      const list = step?.parentElement
      if (!step || !list) return
      const direction = Number(button.dataset['move'])
      const sibling = direction < 0 ? step.previousElementSibling : step.nextElementSibling
      if (!sibling) {
        announce(`Already ${direction < 0 ? 'first' : 'last'}.`)
        return
      }
      // Move the neighbour, never the step itself: the focused button stays in the document, so
      // focus is not lost and re-announced over the live region (which screen readers then drop).
      list.insertBefore(sibling, direction < 0 ? step.nextElementSibling : step)
      const position = [...list.children].indexOf(step) + 1
      announce(
        `${step.querySelector('.step-text')?.textContent ?? 'Step'} is now step ${position} of ${list.children.length}.`,
      )
    })

    // Buttons that hide themselves move focus; the focused element says where the learner is, and
    // the live region adds what changed.
    this.querySelector('[data-retry]')?.addEventListener('click', () => {
      store.retry()
      this.querySelector<HTMLElement>('.quiz-title')?.focus()
      announce('New attempt: the questions and options are shuffled.')
    })
    this.querySelector('[data-review]')?.addEventListener('click', () => {
      store.reviewMistakes()
      const visible = store.$visible.get()
      questions
        .get(visible[0] ?? '')
        ?.querySelector<HTMLElement>('input, button')
        ?.focus()
      announce(
        `Reviewing ${visible.length} ${visible.length === 1 ? 'question' : 'questions'} not answered right.`,
      )
    })

    // Answers kept from before a reload: say so, and offer the way back to where the learner was.
    const resumed = Object.keys(store.$results.get()).length
    const resumedAttempt = store.$attempt.get()
    const resume = this.querySelector<HTMLElement>('[data-resume]')
    const resumeButton = resume?.querySelector<HTMLButtonElement>('[data-resume-go]')
    resumeButton?.addEventListener('click', () => {
      const next = questions.get(store.$nextUnanswered.get() ?? '')
      next?.scrollIntoView({ block: 'start' })
      next?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])')?.focus()
    })

    this.#unsubscribers.push(
      store.$nextUnanswered.subscribe((next) => {
        if (!resume || !resumeButton) return
        resume.hidden = resumed === 0 || next === null || store.$attempt.get() !== resumedAttempt
        const number = next ? store.$visible.get().indexOf(next) + 1 : 0
        resume
          .querySelector('[data-resume-text]')
          ?.replaceChildren(
            `Welcome back: your ${resumed} ${resumed === 1 ? 'answer' : 'answers'} from last time ${resumed === 1 ? 'is' : 'are'} kept.`,
          )
        resumeButton.textContent = `Continue at question ${number}`
      }),
      store.$presentation.subscribe((presentation) => this.#applyOrder(questions, presentation)),
      store.$visible.subscribe((visible) => {
        for (const [id, element] of questions) element.hidden = !visible.includes(id)
        visible.forEach((id, index) => {
          const element = questions.get(id)
          element?.querySelector('[data-number]')?.replaceChildren(String(index + 1))
          element?.querySelector('[data-total]')?.replaceChildren(String(visible.length))
        })
      }),
      store.$results.subscribe((results) => {
        const responses = store.$responses.get()
        for (const [id, element] of questions) {
          const result = results[id]
          const response = responses[id]
          if (response !== undefined) this.#showResponse(element, response)
          if (result)
            this.#renderResult(
              element,
              description.questions.find((q) => q.id === id),
              result,
            )
          else this.#clearResult(element)
        }
      }),
      store.$score.subscribe((score) => {
        const summary = this.#renderSummary(score, store)
        // The score is set by the last answer, whose verdict has the focus: the score is news.
        if (summary) announce(summary)
      }),
      store.$mode.subscribe(() => this.#renderSummary(store.$score.get(), store)),
      store.$best.subscribe((best) => {
        const element = this.querySelector<HTMLElement>('[data-best]')
        if (!element) return
        element.hidden = best === null
        if (best)
          element.textContent = `Your best score: ${best.percent}%${best.passed ? ' (passed)' : ''}, after ${best.attempts} ${best.attempts === 1 ? 'attempt' : 'attempts'}.`
      }),
    )
    this.#restoring = false
  }

  disconnectedCallback() {
    this.#restoring = true
    for (const unsubscribe of this.#unsubscribers) unsubscribe()
    this.#unsubscribers = []
  }

  /** The store, for tests. */
  get store(): QuizStore | undefined {
    return this.#store
  }

  /** Put a saved answer back into its question's inputs (or its steps in the learner's order). */
  #showResponse(element: HTMLElement, response: QuizResponse) {
    if (element.dataset['type'] === 'order' && Array.isArray(response)) {
      const steps = element.querySelector('[data-steps]')
      for (const stepId of response) {
        const step = steps?.querySelector(`[data-step="${CSS.escape(stepId)}"]`)
        if (step) steps?.append(step)
      }
      return
    }
    for (const input of element.querySelectorAll<HTMLInputElement>('input')) {
      if (input.type === 'text') input.value = typeof response === 'string' ? response : ''
      else
        input.checked =
          response === input.value || (Array.isArray(response) && response.includes(input.value))
    }
  }

  #readResponse(element: HTMLElement): QuizResponse | null {
    const type = element.dataset['type']
    if (type === 'order')
      return [...element.querySelectorAll<HTMLElement>('[data-step]')].map(
        (step) => step.dataset['step'] ?? '',
      )
    if (type === 'text') {
      const value = element.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? ''
      return value.trim() === '' ? null : value
    }
    const checked = [...element.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (input) => input.value,
    )
    if (checked.length === 0) return null
    return type === 'multiple' ? checked : (checked[0] ?? null)
  }

  #applyOrder(
    questions: Map<string, HTMLElement>,
    presentation: {
      questions: string[]
      options: Record<string, string[]>
      steps: Record<string, string[]>
    },
  ) {
    const list = this.querySelector('[data-questions]')
    for (const id of presentation.questions) {
      const element = questions.get(id)
      if (!element || !list) continue
      list.append(element)
      const options = element.querySelector('[data-options]')
      for (const optionId of presentation.options[id] ?? []) {
        const option = options?.querySelector(`[data-option="${optionId}"]`)
        if (option) options?.append(option)
      }
      const steps = element.querySelector('[data-steps]')
      for (const stepId of presentation.steps[id] ?? []) {
        const step = steps?.querySelector(`[data-step="${stepId}"]`)
        if (step) steps?.append(step)
      }
    }
  }

  #clearResult(element: HTMLElement) {
    element.dataset['result'] = ''
    element.querySelectorAll<HTMLInputElement>('input').forEach((input) => {
      input.disabled = false
      if (input.type === 'text') input.value = ''
      else input.checked = false
    })
    element
      .querySelectorAll<HTMLButtonElement>('button')
      .forEach((button) => (button.disabled = false))
    element.querySelectorAll<HTMLElement>('[data-option], [data-step]').forEach((option) => {
      delete option.dataset['state']
      option.querySelector('[data-state-label]')?.replaceChildren()
    })
    const verdict = element.querySelector<HTMLElement>('[data-verdict]')
    if (verdict) {
      verdict.hidden = true
      verdict.replaceChildren()
    }
  }

  #renderResult(
    element: HTMLElement,
    question: QuizDescription['questions'][number] | undefined,
    result: { correct: boolean; perOption?: Record<string, string>; perPosition?: boolean[] },
  ) {
    if (!question) return
    element.dataset['result'] = result.correct ? 'correct' : 'incorrect'
    element.querySelectorAll<HTMLInputElement>('input').forEach((input) => (input.disabled = true))
    element
      .querySelectorAll<HTMLButtonElement>('button')
      .forEach((button) => (button.disabled = true))
    const feedbackHtml: string[] = []
    if (question.type === 'single' || question.type === 'predict') {
      const chosen = element.querySelector<HTMLInputElement>('input:checked')?.value
      for (const option of element.querySelectorAll<HTMLElement>('[data-option]')) {
        const id = option.dataset['option'] ?? ''
        const state = id === question.answer ? 'right' : id === chosen ? 'chosen-wrong' : ''
        if (state) this.#markOption(option, state)
        if (state === 'chosen-wrong')
          feedbackHtml.push(option.querySelector(`template[data-feedback]`)?.innerHTML ?? '')
      }
    } else if (question.type === 'multiple') {
      for (const option of element.querySelectorAll<HTMLElement>('[data-option]')) {
        const state = result.perOption?.[option.dataset['option'] ?? ''] ?? ''
        if (state !== 'not-chosen') this.#markOption(option, state)
        if (state === 'chosen-wrong' || state === 'missed')
          feedbackHtml.push(option.querySelector('template[data-feedback]')?.innerHTML ?? '')
      }
    } else if (question.type === 'order') {
      ;[...element.querySelectorAll<HTMLElement>('[data-step]')].forEach((step, index) => {
        const right = result.perPosition?.[index] ?? false
        step.dataset['state'] = right ? 'chosen-right' : 'chosen-wrong'
        step
          .querySelector('[data-state-label]')
          ?.replaceChildren(
            right
              ? 'In the right place'
              : `Belongs at step ${question.steps.findIndex((s) => s.id === step.dataset['step']) + 1}`,
          )
      })
    } else if (!result.correct) {
      feedbackHtml.push(element.querySelector('template[data-feedback="text"]')?.innerHTML ?? '')
      feedbackHtml.push(
        `Accepted answer: <code>${question.accept[0]?.replace(/</g, '&lt;') ?? ''}</code>`,
      )
    }
    const explanation = element.querySelector('template[data-explanation]')?.innerHTML ?? ''
    const title = result.correct ? 'Correct.' : 'Not quite.'
    this.#showVerdict(
      element,
      title,
      result.correct ? 'correct' : 'incorrect',
      [
        ...feedbackHtml.filter(Boolean).map((html) => `<p class="choice-feedback">${html}</p>`),
        explanation,
      ].join(''),
    )
  }

  #markOption(option: HTMLElement, state: string) {
    option.dataset['state'] = state
    option.querySelector('[data-state-label]')?.replaceChildren(stateLabels[state] ?? '')
  }

  /**
   * Say something through the live region. Each message is a new node, so saying the same thing
   * twice (two presses of Up on the first step) is announced twice.
   */
  #announce(text: string) {
    const message = document.createElement('span')
    message.textContent = text
    this.querySelector('[data-announce]')?.replaceChildren(message)
  }

  /**
   * Show a question's verdict. A graded answer disables the question's button, so focus moves to
   * the verdict, and a screen reader reads it from there; repeating it in the live region would
   * read it twice. A missing answer leaves focus where it is, so that message is announced.
   */
  #showVerdict(element: HTMLElement, title: string, tone: string, bodyHtml = '') {
    const verdict = element.querySelector<HTMLElement>('[data-verdict]')
    if (!verdict) return
    verdict.hidden = false
    verdict.dataset['tone'] = tone
    const icon = tone === 'correct' ? '✓' : tone === 'incorrect' ? '✗' : '!'
    verdict.innerHTML = `<p class="verdict-title"><span aria-hidden="true">${icon}</span> ${title}</p>${bodyHtml}`
    if (tone === 'empty') {
      this.#announce(title)
    } else {
      this.querySelector('[data-announce]')?.replaceChildren()
      if (!this.#restoring) verdict.focus()
    }
  }

  /** Show or hide the final score; returns what it says, or null when hidden. */
  #renderSummary(score: QuizScore | null, store: QuizStore): string | null {
    const summary = this.querySelector<HTMLElement>('[data-summary]')
    if (!summary) return null
    const review = store.$mode.get() === 'review'
    summary.hidden = score === null
    if (!score) return null
    const { percent, correctNeeded } = store.passMark
    const title = `${score.passed ? 'Passed' : 'Not passed yet'}: ${score.percent}%`
    const text = review
      ? 'You are reviewing your mistakes. Your score for this attempt stays as it was; try again for a new score.'
      : `${score.correctCount} of ${score.total} right. ${score.passed ? 'Well done.' : `You need ${percent}% (${correctNeeded} right) to pass.`} Your best score is kept.`
    summary.querySelector('[data-summary-title]')?.replaceChildren(title)
    summary.querySelector('[data-summary-text]')?.replaceChildren(text)
    summary.dataset['passed'] = String(score.passed)
    const reviewButton = summary.querySelector<HTMLButtonElement>('[data-review]')
    if (reviewButton) reviewButton.hidden = review || score.correctCount === score.total
    return `${title}. ${text}`
  }
}

if (!customElements.get('quiz-form')) customElements.define('quiz-form', QuizFormElement)
