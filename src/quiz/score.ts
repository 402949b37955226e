import type { Quiz } from '../schemas/quiz'
import type { GradedAnswer } from './grade'
import type { Presentation } from './present'

/** Graded answers by question id: a `GradedAnswer`, or just whether it was right. @example const results: QuizResults = { 'log-in-call': true, 'end-session': graded } */
export type QuizResults = Readonly<Record<string, boolean | Pick<GradedAnswer, 'correct'>>>

/** A quiz's score. @example const { percent, passed }: QuizScore = scoreQuiz(quiz, results) */
export interface QuizScore {
  correctCount: number
  /** Every question of the quiz; unanswered ones count as wrong. */
  total: number
  /** From 0 to 1. */
  score: number
  /** 0 to 100, rounded down, so 79.9% never shows as a pass mark of 80%. */
  percent: number
  /** `score >= passThreshold`. */
  passed: boolean
}

const isRight = (result: QuizResults[string] | undefined) =>
  result === true || (typeof result === 'object' && result.correct)

/**
 * Score a quiz. Questions without a result count as wrong. The comparison with the threshold is
 * exact: `correct / total` and a threshold such as `0.8` round to the same number when they are
 * equal, so 8 of 10 passes at 0.8.
 *
 * @param quiz - its `passThreshold` and questions
 * @param results - graded answers (or booleans) by question id
 * @returns the score, the percentage and whether it passes
 * @example
 * scoreQuiz(quiz, { 'log-in-call': gradedAnswer, 'end-session': false }).percent // e.g. 7
 */
export function scoreQuiz(
  quiz: Pick<Quiz, 'passThreshold' | 'questions'>,
  results: QuizResults,
): QuizScore {
  const total = quiz.questions.length
  const correctCount = quiz.questions.filter((question) => isRight(results[question.id])).length
  const score = total === 0 ? 0 : correctCount / total
  return {
    correctCount,
    total,
    score,
    // The epsilon keeps 0.29 * 100 = 28.999999999999996 at 29.
    percent: Math.floor(score * 100 + 1e-9),
    passed: score >= quiz.passThreshold,
  }
}

/**
 * The questions not answered right (wrong or unanswered, as in the score), for "review
 * mistakes". Pass the presentation to keep the order the learner saw; a quiz or a list of ids
 * works too.
 *
 * @param shown - a presentation, a quiz, or question ids in order
 * @param results - graded answers (or booleans) by question id
 * @returns the ids to revisit, in order
 * @example
 * mistakesOf(['a', 'b', 'c'], { a: true, b: false }) // ['b', 'c']
 * presentOnly(presentation, mistakesOf(presentation, results))
 */
export function mistakesOf(
  shown: Pick<Presentation, 'questions'> | Pick<Quiz, 'questions'> | readonly string[],
  results: QuizResults,
): string[] {
  const ids = isIdList(shown)
    ? shown
    : shown.questions.map((question) => (typeof question === 'string' ? question : question.id))
  return ids.filter((id) => !isRight(results[id]))
}

function isIdList(value: unknown): value is readonly string[] {
  return Array.isArray(value)
}
