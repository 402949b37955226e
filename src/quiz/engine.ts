import type { Question, Quiz } from '../schemas/quiz'

/** A learner's answer: an option id, several option ids, a text, or step ids in order. */
export type QuizResponse = string | string[]

/** How one question was answered. */
export interface GradedAnswer {
  correct: boolean
  /** Feedback for what was chosen wrongly (or, for multiple select, missed). */
  feedback: string[]
  /** Multiple select: each option's state. */
  perOption?: Record<string, 'chosen-right' | 'chosen-wrong' | 'missed' | 'not-chosen'>
  /** Order: whether each position holds the right step. */
  perPosition?: boolean[]
}

/**
 * Normalise a typed answer for comparison: trim, drop a trailing semicolon, fold whitespace and the
 * spaces around punctuation, drop a leading `await`, and (with `allowCall`) drop a trailing call's
 * arguments, so `await currentUser(c);` and `currentUser` compare equal.
 *
 * @param text - what the learner or author wrote
 * @param options - `caseSensitive` (default false), `allowCall` (default true)
 * @returns the comparable form
 * @example
 * normaliseTextAnswer('  await currentUser( c ); ') // 'currentuser'
 * normaliseTextAnswer('c.var.currentUser') // 'c.var.currentuser'
 */
export function normaliseTextAnswer(
  text: string,
  options: { caseSensitive?: boolean; allowCall?: boolean } = {},
): string {
  let value = text
    .trim()
    .replace(/;+\s*$/, '')
    .trim()
  value = value.replace(/\s+/g, ' ').replace(/\s*([()[\]{},.:=<>!?])\s*/g, '$1')
  value = value.replace(/^await\s+/, '')
  if (options.allowCall ?? true) value = value.replace(/\([^()]*\)$/, '')
  return options.caseSensitive ? value : value.toLowerCase()
}

/**
 * Grade one answer.
 *
 * @param question - the question
 * @param response - the learner's answer
 * @returns whether it is right, and feedback
 * @example
 * gradeQuestion(question, 'b').correct
 */
export function gradeQuestion(question: Question, response: QuizResponse): GradedAnswer {
  switch (question.type) {
    case 'single':
    case 'predict': {
      const correct = response === question.answer
      const chosen = question.options.find((option) => option.id === response)
      return { correct, feedback: !correct && chosen?.feedback ? [chosen.feedback] : [] }
    }
    case 'multiple': {
      const chosen = new Set(Array.isArray(response) ? response : [response])
      const right = new Set(question.answers)
      const perOption: NonNullable<GradedAnswer['perOption']> = {}
      const feedback: string[] = []
      for (const option of question.options) {
        const state = chosen.has(option.id)
          ? right.has(option.id)
            ? 'chosen-right'
            : 'chosen-wrong'
          : right.has(option.id)
            ? 'missed'
            : 'not-chosen'
        perOption[option.id] = state
        if ((state === 'chosen-wrong' || state === 'missed') && option.feedback)
          feedback.push(option.feedback)
      }
      const correct = Object.values(perOption).every(
        (state) => state === 'chosen-right' || state === 'not-chosen',
      )
      return { correct, feedback, perOption }
    }
    case 'text': {
      const options = { caseSensitive: question.caseSensitive, allowCall: question.allowCall }
      const given = normaliseTextAnswer(String(response), options)
      const correct =
        given !== '' &&
        question.accept.some((accepted) => normaliseTextAnswer(accepted, options) === given)
      return { correct, feedback: !correct && question.feedback ? [question.feedback] : [] }
    }
    case 'order': {
      const order = Array.isArray(response) ? response : []
      const perPosition = question.steps.map((step, index) => order[index] === step.id)
      return {
        correct: perPosition.every(Boolean) && order.length === question.steps.length,
        feedback: [],
        perPosition,
      }
    }
  }
}

/**
 * A small, fast, seeded random number generator (mulberry32). Strings are hashed (FNV-1a).
 *
 * @param seed - a number or a string
 * @returns a function giving numbers in [0, 1)
 * @example
 * const random = createRng('practice#1')
 * random() // the same number every time for this seed
 */
export function createRng(seed: number | string): () => number {
  let state =
    typeof seed === 'number'
      ? seed >>> 0
      : [...seed].reduce(
          (hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0,
          2166136261,
        )
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A seeded shuffle (Fisher–Yates); the input is not changed.
 *
 * @param items - anything
 * @param seed - the same seed gives the same order
 * @returns a shuffled copy
 * @example
 * shuffle([1, 2, 3], 'x') // always the same order for 'x'
 */
export function shuffle<T>(items: readonly T[], seed: number | string): T[] {
  const random = createRng(seed)
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

/** The order in which one attempt shows questions, options and steps. */
export interface Presentation {
  questions: string[]
  options: Record<string, string[]>
  steps: Record<string, string[]>
}

/**
 * How to show a quiz on a given attempt. The first attempt keeps the author's order; retries
 * shuffle questions and options with a seed from the quiz and the attempt number. Steps of an
 * order question are always shuffled, and never shown already in the right order.
 *
 * @param quiz - the quiz
 * @param options - the quiz slug and the attempt number (0 for the first)
 * @returns the order of everything
 * @example
 * presentQuiz(quiz, { slug: 'practice', attempt: 1 }).questions
 */
export function presentQuiz(
  quiz: Pick<Quiz, 'questions'>,
  options: { slug: string; attempt: number },
): Presentation {
  const seed = `${options.slug}#${options.attempt}`
  const ids = quiz.questions.map((question) => question.id)
  const presentation: Presentation = {
    questions: options.attempt === 0 ? ids : shuffle(ids, seed),
    options: {},
    steps: {},
  }
  for (const question of quiz.questions) {
    if (question.type === 'order') {
      const right = question.steps.map((step) => step.id)
      let order = shuffle(right, `${seed}/${question.id}`)
      for (let tries = 1; order.every((stepId, index) => stepId === right[index]); tries++) {
        order = shuffle(right, `${seed}/${question.id}/${tries}`)
      }
      presentation.steps[question.id] = order
    } else if (question.type !== 'text') {
      const optionIds = question.options.map((option) => option.id)
      presentation.options[question.id] =
        options.attempt === 0 ? optionIds : shuffle(optionIds, `${seed}/${question.id}`)
    }
  }
  return presentation
}

/** A quiz's final score. */
export interface QuizScore {
  correctCount: number
  total: number
  /** From 0 to 1. */
  score: number
  /** Rounded down, so 79.9% never shows as a pass mark of 80%. */
  percent: number
  passed: boolean
}

/**
 * Score a finished quiz.
 *
 * @param quiz - its pass threshold and questions
 * @param results - whether each question (by id) was answered right
 * @returns the score and whether it passes
 * @example
 * scoreQuiz({ passThreshold: 0.8, questions }, { q1: true, q2: false }).percent // 50
 */
export function scoreQuiz(
  quiz: Pick<Quiz, 'passThreshold' | 'questions'>,
  results: Record<string, boolean>,
): QuizScore {
  const total = quiz.questions.length
  const correctCount = quiz.questions.filter((question) => results[question.id] === true).length
  const score = total === 0 ? 0 : correctCount / total
  return {
    correctCount,
    total,
    score,
    percent: Math.floor(score * 100 + 1e-9),
    passed: score + 1e-9 >= quiz.passThreshold,
  }
}

/**
 * The questions answered wrongly, in the order they were shown, for "review mistakes".
 *
 * @param order - the question ids as presented
 * @param results - whether each question was answered right
 * @returns the ids to revisit
 * @example
 * mistakesOf(['a', 'b'], { a: true, b: false }) // ['b']
 */
export function mistakesOf(order: readonly string[], results: Record<string, boolean>): string[] {
  return order.filter((id) => results[id] === false)
}
