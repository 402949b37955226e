import { atom, computed, type ReadableAtom } from 'nanostores'
import {
  gradeQuestion,
  mistakesOf,
  passMark,
  percentOf,
  presentQuiz,
  scoreQuiz,
  type GradedAnswer,
  type PassMark,
  type Presentation,
  type QuizResponse,
  type QuizScore,
} from '../quiz/engine'
import { recordQuizAnswer } from '../review/schedule'
import type { Question } from '../schemas/quiz'
import type { ProgressStore } from './progress'

/** What the quiz store needs: grading data only (prompts are already in the page). */
export interface QuizDescription {
  slug: string
  lesson: string
  passThreshold: number
  questions: Question[]
}

/** The best score saved in progress. @example const { percent, passed, attempts }: BestScore = store.$best.get()! */
export interface BestScore {
  /** From 0 to 1. */
  bestScore: number
  /** 0 to 100, rounded as every quiz percentage is (`percentOf`). */
  percent: number
  /** Whether any attempt passed. */
  passed: boolean
  /** Finished attempts. */
  attempts: number
}

/** One quiz attempt's state and actions. Elements subscribe; the logic lives here. */
export interface QuizStore {
  /**
   * 0 for the first attempt; retries count up and reshuffle. Starts at the number of attempts
   * already saved in progress, so after a reload the order continues the sequence instead of going
   * back to the author's order.
   */
  $attempt: ReadableAtom<number>
  $presentation: ReadableAtom<Presentation>
  /** `all`: every question; `review`: only those answered wrongly. */
  $mode: ReadableAtom<'all' | 'review'>
  /** The question ids to show, in order. */
  $visible: ReadableAtom<string[]>
  $results: ReadableAtom<Record<string, GradedAnswer>>
  /** The attempt's score once every question is answered (kept while reviewing). */
  $score: ReadableAtom<QuizScore | null>
  /** The best score saved in progress, or null before the first finish. */
  $best: ReadableAtom<BestScore | null>
  /** What it takes to pass, from the quiz's `passThreshold`. */
  passMark: PassMark
  answer(questionId: string, response: QuizResponse): GradedAnswer
  retry(): void
  reviewMistakes(): void
}

/**
 * Make the store for one quiz on a page.
 *
 * @param quiz - slug, lesson, threshold and questions
 * @param progress - where the best score is kept
 * @returns the store
 * @example
 * const store = createQuizStore(quiz, progress)
 * store.answer('log-in-call', 'login-user').correct // true
 */
export function createQuizStore(quiz: QuizDescription, progress: ProgressStore): QuizStore {
  // Attempt n's order is seeded by n, so starting at the saved count continues the sequence.
  const $attempt = atom(
    progress.$progress.get().lessons[quiz.lesson]?.quizzes[quiz.slug]?.attempts ?? 0,
  )
  const $mode = atom<'all' | 'review'>('all')
  const $results = atom<Record<string, GradedAnswer>>({})
  const $score = atom<QuizScore | null>(null)
  const $reviewIds = atom<string[]>([])
  const $presentation = computed($attempt, (attempt) =>
    presentQuiz(quiz, { seed: quiz.slug, attempt }),
  )
  const $visible = computed([$presentation, $mode, $reviewIds], (presentation, mode, review) =>
    mode === 'review' ? review : presentation.questions,
  )
  const $best = computed(progress.$progress, (value): BestScore | null => {
    const best = value.lessons[quiz.lesson]?.quizzes[quiz.slug]
    return best ? { ...best, percent: percentOf(best.bestScore) } : null
  })
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))

  return {
    $attempt,
    $presentation,
    $mode,
    $visible,
    $results,
    $score,
    $best,
    passMark: passMark(quiz),
    answer(questionId, response) {
      const question = byId.get(questionId)
      if (!question) throw new Error(`No question "${questionId}" in quiz ${quiz.slug}.`)
      const graded = gradeQuestion(question, response)
      // A missed question enters spaced review (src/review/); the Review page brings it back.
      progress.updateReview((review) =>
        recordQuizAnswer(review, quiz.slug, questionId, graded.correct, new Date()),
      )
      const results = { ...$results.get(), [questionId]: graded }
      $results.set(results)
      const allAnswered = $visible.get().every((id) => results[id] !== undefined)
      if ($mode.get() === 'all' && allAnswered && $score.get() === null) {
        const score = scoreQuiz(
          quiz,
          Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.correct])),
        )
        $score.set(score)
        progress.recordQuizScore(quiz.lesson, quiz.slug, score.score, score.passed)
      }
      return graded
    },
    retry() {
      $attempt.set($attempt.get() + 1)
      $mode.set('all')
      $results.set({})
      $score.set(null)
    },
    reviewMistakes() {
      const results = $results.get()
      const mistakes = mistakesOf(
        $presentation.get().questions,
        Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.correct])),
      )
      $reviewIds.set(mistakes)
      $mode.set('review')
      $results.set(
        Object.fromEntries(Object.entries(results).filter(([id]) => !mistakes.includes(id))),
      )
    },
  }
}
