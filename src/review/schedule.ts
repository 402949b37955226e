/**
 * Spaced review: the pure scheduling engine. A question answered wrongly comes back after 1 day;
 * each right answer in review moves it to the next interval (3, 7, then 21 days); after the last
 * one it is learned and leaves the schedule. A wrong answer starts it over. No DOM, no clock of its
 * own: callers pass `now`.
 *
 * @example
 * import { dueItems, recordQuizAnswer, recordReviewAnswer } from '../review/schedule'
 */

/** Days to wait at each stage: stage 0 waits 1 day, stage 3 waits 21. @example INTERVAL_DAYS[0] // 1 */
export const INTERVAL_DAYS = [1, 3, 7, 21] as const

const DAY_MS = 24 * 60 * 60 * 1000

/** One question in review. @example const item: ReviewItem = { quiz: 'q', question: 'a', stage: 0, due: '2026-01-02T00:00:00.000Z' } */
export interface ReviewItem {
  /** The quiz's slug. */
  quiz: string
  /** The question's id in that quiz. */
  question: string
  /** Index into {@link INTERVAL_DAYS} of the wait now running. */
  stage: number
  /** When it comes back (ISO 8601). */
  due: string
}

/** Every question in review, by {@link reviewKey}. @example const state: ReviewState = {} */
export type ReviewState = Record<string, ReviewItem>

/**
 * The key of a question in the review state.
 *
 * @param quiz - the quiz's slug
 * @param question - the question's id
 * @returns `quiz/question`
 * @example
 * reviewKey('login-manager-practice', 'log-in-call') // 'login-manager-practice/log-in-call'
 */
export function reviewKey(quiz: string, question: string): string {
  return `${quiz}/${question}`
}

function schedule(quiz: string, question: string, stage: number, now: Date): ReviewItem {
  const days = INTERVAL_DAYS[stage] ?? INTERVAL_DAYS[0]
  return { quiz, question, stage, due: new Date(now.getTime() + days * DAY_MS).toISOString() }
}

/**
 * Record an answer given in a quiz: a wrong one puts the question in review (or starts it over);
 * a right one leaves the schedule as it is, since review decides when it is learned.
 *
 * @param state - the review state
 * @param quiz - the quiz's slug
 * @param question - the question's id
 * @param correct - whether the answer was right
 * @param now - the time of the answer
 * @returns the new state (the same object when nothing changed)
 * @example
 * recordQuizAnswer({}, 'q', 'a', false, new Date('2026-01-01T00:00:00Z'))['q/a'].due // '2026-01-02T00:00:00.000Z'
 */
export function recordQuizAnswer(
  state: ReviewState,
  quiz: string,
  question: string,
  correct: boolean,
  now: Date,
): ReviewState {
  if (correct) return state
  return { ...state, [reviewKey(quiz, question)]: schedule(quiz, question, 0, now) }
}

/**
 * Record an answer given on the Review page: right moves the question to the next interval, or
 * out of review after the last; wrong starts it over at 1 day.
 *
 * @param state - the review state
 * @param key - the question's {@link reviewKey}
 * @param correct - whether the answer was right
 * @param now - the time of the answer
 * @returns the new state (the same object for a key not in review)
 * @example
 * const start = recordQuizAnswer({}, 'q', 'a', false, new Date('2026-01-01T00:00:00Z'))
 * recordReviewAnswer(start, 'q/a', true, new Date('2026-01-02T00:00:00Z'))['q/a'].stage // 1
 */
export function recordReviewAnswer(
  state: ReviewState,
  key: string,
  correct: boolean,
  now: Date,
): ReviewState {
  const item = state[key]
  if (!item) return state
  if (!correct) return { ...state, [key]: schedule(item.quiz, item.question, 0, now) }
  const next = item.stage + 1
  if (next >= INTERVAL_DAYS.length) {
    const { [key]: _learned, ...rest } = state
    return rest
  }
  return { ...state, [key]: schedule(item.quiz, item.question, next, now) }
}

/**
 * The questions due at `now`, longest overdue first.
 *
 * @param state - the review state
 * @param now - the current time
 * @returns the due items with their keys
 * @example
 * dueItems({}, new Date()) // []
 */
export function dueItems(state: ReviewState, now: Date): Array<ReviewItem & { key: string }> {
  return Object.entries(state)
    .filter(([, item]) => Date.parse(item.due) <= now.getTime())
    .map(([key, item]) => ({ ...item, key }))
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.key.localeCompare(b.key))
}

/**
 * When the next question comes back, if any is scheduled.
 *
 * @param state - the review state
 * @returns the earliest due time (ISO 8601), or null when nothing is in review
 * @example
 * nextDue({}) // null
 */
export function nextDue(state: ReviewState): string | null {
  const times = Object.values(state).map((item) => item.due)
  return times.length === 0
    ? null
    : times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b))
}
