import { atom, computed, type ReadableAtom } from 'nanostores'
import { persistentAtom } from '@nanostores/persistent'
import { emptyLessonProgress, emptyProgress, readProgress } from '../progress/progress-data'
import type { LessonProgress, Progress } from '../schemas/progress'

/** The localStorage key of the learner's progress. */
export const PROGRESS_KEY = 'signed-in:progress'

/** What {@link ProgressStore.importJson} reports. */
export type ImportResult = { ok: true } | { ok: false; message: string }

/** The learner's progress, with the actions that change it. Components only subscribe. */
export interface ProgressStore {
  /** Everything saved, read-only. */
  $progress: ReadableAtom<Progress>
  /** A one-time message when saved progress could not be read and was replaced, else `null`. */
  $notice: ReadableAtom<string | null>
  /** The unreadable text that was replaced, kept so nothing is lost (empty when none). */
  $unreadableCopy: ReadableAtom<string>
  markVisited(lesson: string): void
  recordExampleRun(lesson: string, example: string): void
  saveExerciseCode(lesson: string, exercise: string, code: Record<string, string>): void
  recordExercisePassed(lesson: string, exercise: string, code: Record<string, string>): void
  recordQuizScore(lesson: string, quiz: string, score: number, passed: boolean): void
  exportJson(): string
  importJson(text: string): ImportResult
  reset(): void
  dismissNotice(): void
  discardUnreadableCopy(): void
}

/**
 * Make a progress store kept in localStorage (through `@nanostores/persistent`) under `key`.
 * Corrupt or foreign stored data is replaced by a fresh record; the old text is kept under
 * `<key>:unreadable` and a one-time notice says what happened. Nothing throws.
 *
 * @param key - the storage key
 * @returns the store and its actions
 * @example
 * const progress = createProgressStore('signed-in:progress')
 * progress.markVisited('how-a-login-works')
 * progress.$progress.get().lastLesson // 'how-a-login-works'
 */
export function createProgressStore(key: string = PROGRESS_KEY): ProgressStore {
  const $notice = atom<string | null>(null)
  const $unreadable = persistentAtom<string>(`${key}:unreadable`, '')
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
  if (problemOnLoad) {
    $unreadable.set(rawOnLoad)
    $state.set($state.get())
    $notice.set(
      `Your saved progress could not be read (${problemOnLoad}), so a fresh record was started. The unreadable copy is kept on the Progress page, where you can download it.`,
    )
  }

  function updateLesson(lesson: string, change: (current: LessonProgress) => LessonProgress) {
    const progress = $state.get()
    const current = progress.lessons[lesson] ?? emptyLessonProgress()
    $state.set({ ...progress, lessons: { ...progress.lessons, [lesson]: change(current) } })
  }

  return {
    $progress: computed($state, (value) => value),
    $notice,
    $unreadableCopy: computed($unreadable, (value) => value),
    markVisited(lesson) {
      updateLesson(lesson, (current) => ({
        ...current,
        visitedAt: current.visitedAt ?? new Date().toISOString(),
      }))
      $state.set({ ...$state.get(), lastLesson: lesson })
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
              passingCode: firstPass ? code : (previous?.passingCode ?? code),
              passedAt: firstPass
                ? new Date().toISOString()
                : (previous?.passedAt ?? new Date().toISOString()),
            },
          },
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
    exportJson() {
      return `${JSON.stringify($state.get(), null, 2)}\n`
    },
    importJson(text) {
      const result = readProgress(text)
      if (!result.ok) {
        return {
          ok: false,
          message: `That file is not Signed In progress: ${result.problem}. Nothing was changed.`,
        }
      }
      $state.set(result.progress)
      return { ok: true }
    },
    reset() {
      $state.set(emptyProgress())
    },
    dismissNotice() {
      $notice.set(null)
    },
    discardUnreadableCopy() {
      $unreadable.set('')
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
