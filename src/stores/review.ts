import { computed, type ReadableAtom } from 'nanostores'
import { dueItems, nextDue, recordReviewAnswer, type ReviewItem } from '../review/schedule'
import { progress as siteProgress, type ProgressStore } from './progress'

/** Spaced review over the learner's progress. @example const review: ReviewStore = createReviewStore(progress) */
export interface ReviewStore {
  /** The questions due now, longest overdue first (worked out when progress changes). */
  $due: ReadableAtom<Array<ReviewItem & { key: string }>>
  /** When the next question comes back, or null when none is in review. */
  $nextDue: ReadableAtom<string | null>
  /** Record an answer given on the Review page. */
  answer(key: string, correct: boolean): void
}

/**
 * Make the review store. The schedule lives in progress (so export, import and reset include it);
 * the rules live in `src/review/schedule.ts`.
 *
 * @param progress - the progress store holding the schedule
 * @param now - the clock (tests pass their own)
 * @returns the store
 * @example
 * const review = createReviewStore(progress)
 * review.$due.get().length // 0 for a new learner
 */
export function createReviewStore(
  progress: ProgressStore,
  now: () => Date = () => new Date(),
): ReviewStore {
  return {
    $due: computed(progress.$progress, (value) => dueItems(value.review ?? {}, now())),
    $nextDue: computed(progress.$progress, (value) => nextDue(value.review ?? {})),
    answer(key, correct) {
      progress.updateReview((review) => recordReviewAnswer(review, key, correct, now()))
    },
  }
}

/**
 * The site's review store, over the site's progress.
 *
 * @example
 * import { review } from '../stores/review'
 * review.$due.subscribe((due) => console.log(due.length))
 */
export const review: ReviewStore = createReviewStore(siteProgress)
