import { atom, computed, type ReadableAtom } from 'nanostores'
import { persistentAtom } from '@nanostores/persistent'
import {
  emptyLessonProgress,
  emptyProgress,
  readProgress,
  summarizeProgress,
  type ProgressSummary,
} from '../progress/progress-data'
import type { ReviewState } from '../review/schedule'
import type { LessonProgress, Progress, QuizDraft } from '../schemas/progress'

/**
 * The localStorage key of the learner's progress. The unreadable copy of a replaced record is kept
 * under the same key plus `:unreadable`.
 *
 * @example
 * localStorage.getItem(PROGRESS_KEY) // '{"version":1,"lessons":{…},"lastLesson":"how-a-login-works"}'
 */
export const PROGRESS_KEY = 'signed-in:progress'

/**
 * What {@link ProgressStore.importJson} reports.
 *
 * @example
 * const result: ImportResult = progress.importJson(text)
 * if (!result.ok) console.log(result.message)
 */
export type ImportResult = { ok: true } | { ok: false; message: string }

/**
 * What {@link ProgressStore.checkImport} reports: why a file cannot be imported, or what importing
 * it would replace and bring, so the page can ask first.
 *
 * @example
 * const check: ImportCheck = progress.checkImport(text)
 * if (check.ok && check.replaces.visited > 0) confirm('Replace your progress?')
 */
export type ImportCheck =
  { ok: true; replaces: ProgressSummary; brings: ProgressSummary } | { ok: false; message: string }

/**
 * The learner's progress, with the actions that change it. Components only subscribe.
 *
 * @example
 * const store: ProgressStore = createProgressStore()
 * store.markVisited('how-a-login-works')
 */
export interface ProgressStore {
  /** Everything saved, read-only. */
  $progress: ReadableAtom<Progress>
  /**
   * A message for the learner, else `null`: saved progress could not be read and was replaced, or
   * this browser will not save progress. Shown once per page until dismissed.
   */
  $notice: ReadableAtom<string | null>
  /** The unreadable text that was replaced, kept so nothing is lost (empty when none). */
  $unreadableCopy: ReadableAtom<string>
  /** Whether progress is being saved; `false` once storage is missing or has refused a write. */
  $saving: ReadableAtom<boolean>
  /** Record that the learner opened a lesson (first visit time kept) and make it the last one. */
  markVisited(lesson: string): void
  /** Record that the learner ran an example of a lesson (each example counted once). */
  recordExampleRun(lesson: string, example: string): void
  /** Save the learner's latest code for an exercise, keeping its passing state and passing code. */
  saveExerciseCode(lesson: string, exercise: string, code: Record<string, string>): void
  /** Record that the learner's code for an exercise really ran (it unlocks the solution). */
  recordExerciseAttempt(lesson: string, exercise: string): void
  /** Record that an exercise passed with this code; the first passing code and time are kept. */
  recordExercisePassed(lesson: string, exercise: string, code: Record<string, string>): void
  /**
   * Record that steps of a multi-step exercise passed (each step's first time is kept). The
   * exercise itself passes through {@link ProgressStore.recordExercisePassed} once every step has.
   */
  recordStepsPassed(lesson: string, exercise: string, steps: readonly string[]): void
  /** Record that the learner showed an exercise's solution, so a later first pass says so. */
  recordSolutionViewed(lesson: string, exercise: string): void
  /** Record a finished quiz attempt: the best score is kept and attempts are counted. */
  recordQuizScore(lesson: string, quiz: string, score: number, passed: boolean): void
  /** Keep the answers of an unfinished quiz attempt, or forget them (`null`). */
  saveQuizDraft(lesson: string, quiz: string, draft: QuizDraft | null): void
  /** Change the questions in spaced review (the rules are in `src/review/schedule.ts`). */
  updateReview(change: (review: ReviewState) => ReviewState): void
  /** Everything, as the JSON text of an export file. */
  exportJson(): string
  /** Check an exported file without importing it: whether it reads, and what it would replace. */
  checkImport(text: string): ImportCheck
  /** Replace everything with an exported file's contents, if valid; nothing changes otherwise. */
  importJson(text: string): ImportResult
  /** Forget everything (the page asks first). */
  reset(): void
  /** Hide the notice. */
  dismissNotice(): void
  /** Delete the kept copy of an unreadable record. */
  discardUnreadableCopy(): void
}

/** Options for {@link createProgressStore}. @example const options: ProgressStoreOptions = { storageWorks: () => true } */
export interface ProgressStoreOptions {
  /**
   * Whether this browser can save at all. In a browser it defaults to trying a write to
   * `localStorage`, which is missing or refuses writes in some private modes and with storage
   * blocked. Outside one (Node tests) it defaults to `true`: the persistent engine is whatever the
   * test set. Either way a write that throws later is caught.
   */
  storageWorks?: () => boolean
}

/** The notice when progress cannot be saved in this browser. */
const NOT_SAVING =
  "Your progress can't be saved in this browser (its storage is blocked or full), so it lasts only until you close this page. Export it from the Progress page to keep a copy."

/**
 * Whether `localStorage` exists and accepts a write.
 *
 * @returns `false` when storage is missing, blocked or full
 * @example
 * localStorageWorks() // true in an ordinary browser tab
 */
export function localStorageWorks(): boolean {
  try {
    const probe = `${PROGRESS_KEY}:probe`
    localStorage.setItem(probe, '1')
    localStorage.removeItem(probe)
    return true
  } catch {
    return false
  }
}

/**
 * Make a progress store kept in localStorage (through `@nanostores/persistent`) under `key`.
 * Corrupt or foreign stored data is replaced by a fresh record; the old text is kept under
 * `<key>:unreadable` and a one-time notice says what happened. A record with some unreadable
 * lessons keeps the others. When storage is missing or a write fails (quota, security), the store
 * keeps working in memory and says once that progress is not being saved. Nothing throws.
 *
 * @param key - the storage key
 * @param options - how to tell whether storage works (tests pass their own)
 * @returns the store and its actions
 * @example
 * const progress = createProgressStore('signed-in:progress')
 * progress.markVisited('how-a-login-works')
 * progress.$progress.get().lastLesson // 'how-a-login-works'
 */
export function createProgressStore(
  key: string = PROGRESS_KEY,
  options: ProgressStoreOptions = {},
): ProgressStore {
  const $notices = atom<string[]>([])
  const notify = (message: string) => {
    if (!$notices.get().includes(message)) $notices.set([...$notices.get(), message])
  }
  const storageWorks =
    options.storageWorks ?? (() => typeof window === 'undefined' || localStorageWorks())
  const $saving = atom(storageWorks())
  if (!$saving.get()) notify(NOT_SAVING)
  /** Write through a persistent atom; on a refused write, carry on in memory and say so once. */
  const save = <T>(store: { set(value: T): void }, value: T) => {
    if (!$saving.get()) return
    try {
      store.set(value)
    } catch {
      $saving.set(false)
      notify(NOT_SAVING)
    }
  }
  const $unreadable = persistentAtom<string>(`${key}:unreadable`, '')
  const $unreadableMemory = atom($unreadable.get())
  let problemOnLoad: string | null = null
  let rawOnLoad = ''
  const $state = persistentAtom<Progress>(key, emptyProgress(), {
    encode: JSON.stringify,
    decode(text: string) {
      const result = readProgress(text)
      if (!result.ok) {
        problemOnLoad = result.problem
        rawOnLoad = text
      }
      return result.progress
    },
  })
  // The value the site reads. It follows the stored one (other tabs write there too), and keeps
  // going on its own when storage refuses writes.
  const $memory = atom<Progress>($state.get())
  $state.listen((value) => $memory.set(value))
  const commit = (value: Progress) => {
    $memory.set(value)
    save($state, value)
  }
  const keepUnreadable = (text: string) => {
    $unreadableMemory.set(text)
    save($unreadable, text)
  }

  if (problemOnLoad) {
    keepUnreadable(rawOnLoad)
    commit($memory.get())
    const salvaged = Object.keys($memory.get().lessons).length > 0
    notify(
      salvaged
        ? `Part of your saved progress could not be read (${problemOnLoad}). The unreadable copy is kept on the Progress page, where you can download it.`
        : `Your saved progress could not be read (${problemOnLoad}), so a fresh record was started. The unreadable copy is kept on the Progress page, where you can download it.`,
    )
  }

  function updateLesson(
    lesson: string,
    change: (current: LessonProgress) => LessonProgress,
    lastLesson = $memory.get().lastLesson,
  ) {
    const progress = $memory.get()
    const current = progress.lessons[lesson] ?? emptyLessonProgress()
    commit({ ...progress, lastLesson, lessons: { ...progress.lessons, [lesson]: change(current) } })
  }

  function checkImport(text: string): ImportCheck {
    const result = readProgress(text)
    if (!result.ok) {
      return {
        ok: false,
        message: `That file is not Signed In progress: ${result.problem}. Nothing was changed.`,
      }
    }
    return {
      ok: true,
      replaces: summarizeProgress($memory.get()),
      brings: summarizeProgress(result.progress),
    }
  }

  return {
    $progress: computed($memory, (value) => value),
    $notice: computed($notices, (notices) => (notices.length > 0 ? notices.join(' ') : null)),
    $unreadableCopy: computed($unreadableMemory, (value) => value),
    $saving: computed($saving, (value) => value),
    markVisited(lesson) {
      updateLesson(
        lesson,
        (current) => ({ ...current, visitedAt: current.visitedAt ?? new Date().toISOString() }),
        lesson,
      )
    },
    recordExampleRun(lesson, example) {
      updateLesson(lesson, (current) =>
        current.examplesRun.includes(example)
          ? current
          : { ...current, examplesRun: [...current.examplesRun, example] },
      )
    },
    saveExerciseCode(lesson, exercise, code) {
      updateLesson(lesson, (current) => {
        const previous = current.exercises[exercise] ?? { code: {}, passed: false }
        return {
          ...current,
          exercises: { ...current.exercises, [exercise]: { ...previous, code } },
        }
      })
    },
    recordExerciseAttempt(lesson, exercise) {
      updateLesson(lesson, (current) => {
        const previous = current.exercises[exercise] ?? { code: {}, passed: false }
        if (previous.attempted) return current
        return {
          ...current,
          exercises: { ...current.exercises, [exercise]: { ...previous, attempted: true } },
        }
      })
    },
    recordExercisePassed(lesson, exercise, code) {
      updateLesson(lesson, (current) => {
        const previous = current.exercises[exercise]
        const firstPass = !previous?.passed
        return {
          ...current,
          exercises: {
            ...current.exercises,
            [exercise]: {
              code,
              passed: true,
              attempted: true,
              passingCode: firstPass ? code : (previous?.passingCode ?? code),
              passedAt: firstPass
                ? new Date().toISOString()
                : (previous?.passedAt ?? new Date().toISOString()),
              ...(previous?.solutionViewed ? { solutionViewed: true } : {}),
              ...((firstPass ? previous?.solutionViewed : previous?.passedAfterSolution)
                ? { passedAfterSolution: true }
                : {}),
              ...(previous?.stepsPassed ? { stepsPassed: previous.stepsPassed } : {}),
            },
          },
        }
      })
    },
    recordStepsPassed(lesson, exercise, steps) {
      updateLesson(lesson, (current) => {
        const previous = current.exercises[exercise] ?? { code: {}, passed: false }
        const known = previous.stepsPassed ?? {}
        const fresh = steps.filter((step) => !(step in known))
        if (fresh.length === 0) return current
        const now = new Date().toISOString()
        const stepsPassed = { ...known, ...Object.fromEntries(fresh.map((step) => [step, now])) }
        return {
          ...current,
          exercises: { ...current.exercises, [exercise]: { ...previous, stepsPassed } },
        }
      })
    },
    recordSolutionViewed(lesson, exercise) {
      updateLesson(lesson, (current) => {
        const previous = current.exercises[exercise] ?? { code: {}, passed: false }
        if (previous.solutionViewed) return current
        return {
          ...current,
          exercises: { ...current.exercises, [exercise]: { ...previous, solutionViewed: true } },
        }
      })
    },
    recordQuizScore(lesson, quiz, score, passed) {
      updateLesson(lesson, (current) => {
        const previous = current.quizzes[quiz]
        return {
          ...current,
          quizzes: {
            ...current.quizzes,
            [quiz]: {
              bestScore: Math.max(previous?.bestScore ?? 0, score),
              attempts: (previous?.attempts ?? 0) + 1,
              passed: (previous?.passed ?? false) || passed,
            },
          },
        }
      })
    },
    saveQuizDraft(lesson, quiz, draft) {
      updateLesson(lesson, (current) => {
        const { [quiz]: _previous, ...others } = current.quizDrafts ?? {}
        const quizDrafts = draft ? { ...others, [quiz]: draft } : others
        if (!draft && !_previous) return current
        return { ...current, quizDrafts }
      })
    },
    updateReview(change) {
      const progress = $memory.get()
      const before = progress.review ?? {}
      const after = change(before)
      if (after !== before) commit({ ...progress, review: after })
    },
    exportJson() {
      return `${JSON.stringify($memory.get(), null, 2)}\n`
    },
    checkImport,
    importJson(text) {
      const check = checkImport(text)
      if (!check.ok) return check
      commit(readProgress(text).progress)
      return { ok: true }
    },
    reset() {
      commit(emptyProgress())
    },
    dismissNotice() {
      $notices.set([])
    },
    discardUnreadableCopy() {
      keepUnreadable('')
    },
  }
}

/**
 * The site's one progress store, kept in this browser's localStorage.
 *
 * @example
 * import { progress } from '../stores/progress'
 * progress.$progress.subscribe((value) => console.log(value.lastLesson))
 */
export const progress: ProgressStore = createProgressStore()
