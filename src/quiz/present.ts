import type { Quiz } from '../schemas/quiz'
import { shuffle } from './shuffle'

/** The order in which one attempt shows questions, options and steps (all by id). @example presentQuiz(quiz, { seed: 'practice', attempt: 0 }).steps['login-flow-order'] */
export interface Presentation {
  /** 0 for the first attempt. */
  attempt: number
  /** The question ids, in the order shown. */
  questions: string[]
  /** For `single`, `multiple` and `predict` questions: option ids in the order shown. */
  options: Record<string, string[]>
  /** For `order` questions: step ids in the order shown, never already right. */
  steps: Record<string, string[]>
}

/** How to present a quiz: which attempt, and the seed (normally the quiz's slug). @example const options: PresentOptions = { seed: 'practice', attempt: 2 } */
export interface PresentOptions {
  /** 0 for the first attempt. */
  attempt: number
  /** A stable string for this quiz, normally its slug; combined with the attempt number. */
  seed: string
}

/**
 * How to show a quiz on a given attempt. Attempt 0 keeps the author's order of questions and
 * options; retries shuffle both, seeded by (seed, attempt), so every learner sees the same order on
 * the same attempt and a reload does not reshuffle. The steps of an `order` question are always
 * shuffled, and never shown already in the right order (when there are at least two).
 *
 * @param quiz - the quiz (only its questions are read)
 * @param options - `attempt` (0 for the first) and `seed` (the quiz's slug)
 * @returns the order of questions, options and steps
 * @example
 * presentQuiz(quiz, { seed: 'login-manager-practice', attempt: 1 }).questions // shuffled ids
 */
export function presentQuiz(quiz: Pick<Quiz, 'questions'>, options: PresentOptions): Presentation {
  const { attempt } = options
  const seed = `${options.seed}#${attempt}`
  const ids = quiz.questions.map((question) => question.id)
  const presentation: Presentation = {
    attempt,
    questions: attempt === 0 ? ids : shuffle(ids, seed),
    options: {},
    steps: {},
  }
  for (const question of quiz.questions) {
    const questionSeed = `${seed}/${question.id}`
    if (question.type === 'order') {
      presentation.steps[question.id] = unsolvedShuffle(
        question.steps.map((step) => step.id),
        questionSeed,
      )
    } else if (question.type !== 'text') {
      const optionIds = question.options.map((option) => option.id)
      presentation.options[question.id] =
        attempt === 0 ? optionIds : shuffle(optionIds, questionSeed)
    }
  }
  return presentation
}

/**
 * Shuffle until the order differs from the right one. A few seeded tries almost always do; after
 * that, rotating by one differs for any two or more distinct ids, so this always ends.
 */
function unsolvedShuffle(rightOrder: readonly string[], seed: string): string[] {
  const solved = (order: readonly string[]) => order.every((id, i) => id === rightOrder[i])
  if (rightOrder.length < 2) return [...rightOrder]
  for (let tries = 0; tries < 8; tries++) {
    const order = shuffle(rightOrder, tries === 0 ? seed : `${seed}~${tries}`)
    if (!solved(order)) return order
  }
  return [...rightOrder.slice(1), ...rightOrder.slice(0, 1)]
}

/**
 * The presentation for reviewing mistakes: only the given questions, in the order they were
 * shown, with the same option and step order, so the learner finds each question as it was.
 *
 * @param presentation - the attempt's presentation
 * @param questionIds - the questions to show again, e.g. from `mistakesOf`
 * @returns a presentation with only those questions
 * @example
 * presentOnly(presentation, mistakesOf(presentation, results)).questions // ['log-in-call']
 */
export function presentOnly(
  presentation: Presentation,
  questionIds: Iterable<string>,
): Presentation {
  const keep = new Set(questionIds)
  const pick = (record: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => keep.has(id)))
  return {
    attempt: presentation.attempt,
    questions: presentation.questions.filter((id) => keep.has(id)),
    options: pick(presentation.options),
    steps: pick(presentation.steps),
  }
}
