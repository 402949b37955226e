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
  /** 0 to 100, rounded down ({@link percentOf}), so 79.9% never shows as a pass mark of 80%. */
  percent: number
  /** `score >= passThreshold`. */
  passed: boolean
}

/**
 * A share from 0 to 1 as a whole percentage, rounded down, so 79.9% never shows as 80%. The tiny
 * epsilon undoes binary floating point: `0.29 * 100` is `28.999999999999996`, which is 29%. Every
 * percentage the learner sees (the score, the best score, the pass mark) goes through here.
 *
 * @param share - from 0 to 1, e.g. a score or a `passThreshold`
 * @returns 0 to 100, a whole number
 * @example
 * percentOf(0.29) // 29
 * percentOf(2 / 3) // 66
 */
export function percentOf(share: number): number {
  return Math.floor(share * 100 + 1e-9)
}

/** What it takes to pass a quiz. @example const { percent, correctNeeded, total }: PassMark = passMark(quiz) */
export interface PassMark {
  /** The threshold as a whole percentage, e.g. 80. */
  percent: number
  /** The fewest right answers that pass, e.g. 12 of 14 at 80%. */
  correctNeeded: number
  /** The number of questions. */
  total: number
}

/**
 * The pass mark of a quiz, for telling the learner before they start. `correctNeeded` is found
 * with the same comparison {@link scoreQuiz} makes, so the two can never disagree.
 *
 * @param quiz - its `passThreshold` and questions
 * @returns the threshold as a percentage, and how many right answers it takes
 * @example
 * passMark({ passThreshold: 0.8, questions }) // { percent: 80, correctNeeded: 12, total: 14 }
 */
export function passMark(quiz: Pick<Quiz, 'passThreshold' | 'questions'>): PassMark {
  const total = quiz.questions.length
  let correctNeeded = 0
  while (correctNeeded < total && !(correctNeeded / total >= quiz.passThreshold)) correctNeeded++
  return { percent: percentOf(quiz.passThreshold), correctNeeded, total }
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
    percent: percentOf(score),
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
