import { atom, computed, type ReadableAtom } from 'nanostores'
import {
  gradeQuestion,
  mistakesOf,
  passMark,
  percentOf,
  presentQuiz,
  responseFits,
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
  /** The answers behind `$results`, so a page restored after a reload can show what was chosen. */
  $responses: ReadableAtom<Record<string, QuizResponse>>
  /** The first shown question not answered yet, or null when none is left. */
  $nextUnanswered: ReadableAtom<string | null>
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
 * Make the store for one quiz on a page. Answers checked during an attempt are kept in progress as
 * they are given, so after a reload the attempt resumes with them (each one checked against the
 * question again; one that no longer fits is dropped). Finishing or retrying forgets them.
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
  const saved = progress.$progress.get().lessons[quiz.lesson]
  const $attempt = atom(saved?.quizzes[quiz.slug]?.attempts ?? 0)
  const $mode = atom<'all' | 'review'>('all')
  const $results = atom<Record<string, GradedAnswer>>({})
  const $responses = atom<Record<string, QuizResponse>>({})
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
  const $nextUnanswered = computed(
    [$visible, $results],
    (visible, results) => visible.find((id) => results[id] === undefined) ?? null,
  )
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))

  /** Grade an answer into the attempt; once every question is answered, score and save it. */
  function record(questionId: string, response: QuizResponse): GradedAnswer {
    const question = byId.get(questionId)
    if (!question) throw new Error(`No question "${questionId}" in quiz ${quiz.slug}.`)
    const graded = gradeQuestion(question, response)
    // A missed question enters spaced review (src/review/); the Review page brings it back.
    progress.updateReview((review) =>
      recordQuizAnswer(review, quiz.slug, questionId, graded.correct, new Date()),
    )
    const results = { ...$results.get(), [questionId]: graded }
    // Responses first: whoever renders a result can read the answer behind it.
    $responses.set({ ...$responses.get(), [questionId]: response })
    $results.set(results)
    if ($mode.get() !== 'all' || $score.get() !== null) return graded
    if (!$visible.get().every((id) => results[id] !== undefined)) {
      progress.saveQuizDraft(quiz.lesson, quiz.slug, {
        attempt: $attempt.get(),
        answers: Object.fromEntries(
          Object.entries($responses.get()).map(([id, r]) => [
            id,
            typeof r === 'string' ? r : [...r],
          ]),
        ),
      })
      return graded
    }
    const score = scoreQuiz(
      quiz,
      Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.correct])),
    )
    $score.set(score)
    progress.saveQuizDraft(quiz.lesson, quiz.slug, null)
    progress.recordQuizScore(quiz.lesson, quiz.slug, score.score, score.passed)
    return graded
  }

  // Resume an unfinished attempt: only the attempt the saved answers belong to (another tab may
  // have finished it since), and only answers that still fit their questions.
  const draft = saved?.quizDrafts?.[quiz.slug]
  if (draft && draft.attempt === $attempt.get()) {
    const shown = new Set($presentation.get().questions)
    for (const [id, response] of Object.entries(draft.answers)) {
      const question = byId.get(id)
      if (question && shown.has(id) && responseFits(question, response)) record(id, response)
    }
  }

  return {
    $attempt,
    $presentation,
    $mode,
    $visible,
    $results,
    $responses,
    $nextUnanswered,
    $score,
    $best,
    passMark: passMark(quiz),
    answer: record,
    retry() {
      $attempt.set($attempt.get() + 1)
      $mode.set('all')
      $results.set({})
      $responses.set({})
      $score.set(null)
      progress.saveQuizDraft(quiz.lesson, quiz.slug, null)
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
      $responses.set(
        Object.fromEntries(
          Object.entries($responses.get()).filter(([id]) => !mistakes.includes(id)),
        ),
      )
    },
  }
}
