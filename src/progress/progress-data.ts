import {
  PROGRESS_VERSION,
  progressSchema,
  type LessonProgress,
  type Progress,
} from '../schemas/progress'

/**
 * A new, empty progress record.
 *
 * @returns progress with no lessons visited
 * @example
 * emptyProgress() // { version: 1, lessons: {}, lastLesson: null }
 */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, lastLesson: null }
}

/**
 * An empty record for one lesson.
 *
 * @returns lesson progress with nothing done
 * @example
 * emptyLessonProgress() // { examplesRun: [], exercises: {}, quizzes: {} }
 */
export function emptyLessonProgress(): LessonProgress {
  return { examplesRun: [], exercises: {}, quizzes: {} }
}

/** The result of reading saved or imported progress. */
export type ProgressReadResult =
  { ok: true; progress: Progress } | { ok: false; progress: Progress; problem: string }

/**
 * Read progress from text (localStorage or an exported file). Never throws: corrupt, foreign or
 * future-version data gives a fresh record plus a sentence saying what was wrong.
 *
 * @param text - the stored JSON, or `null`/`undefined` when nothing is stored
 * @returns the progress, and a `problem` when the text could not be used
 * @example
 * readProgress('{"version":1,"lessons":{},"lastLesson":null}').ok // true
 * readProgress('not json').ok // false
 */
export function readProgress(text: string | null | undefined): ProgressReadResult {
  if (text === null || text === undefined || text === '')
    return { ok: true, progress: emptyProgress() }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, progress: emptyProgress(), problem: 'it is not valid JSON' }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      progress: emptyProgress(),
      problem: 'it is not a Signed In progress object',
    }
  }
  const version = (data as { version?: unknown }).version
  if (version !== PROGRESS_VERSION) {
    const problem =
      typeof version === 'number' && version > PROGRESS_VERSION
        ? `it was saved by a newer version of the course (format ${version}, this site reads ${PROGRESS_VERSION})`
        : `it has no recognisable format version (expected ${PROGRESS_VERSION})`
    return { ok: false, progress: emptyProgress(), problem }
  }
  const parsed = progressSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'the top level'
    return {
      ok: false,
      progress: emptyProgress(),
      problem: `${where}: ${issue?.message ?? 'unexpected value'}`,
    }
  }
  return { ok: true, progress: parsed.data }
}

/**
 * The completion status of a lesson, given what it asks of the learner.
 *
 * @param lesson - the lesson's saved progress, if any
 * @param requirements - the exercises and quizzes the lesson contains
 * @returns `'not-started'`, `'in-progress'` or `'complete'`
 * @example
 * lessonStatus(undefined, { exercises: [], quizzes: [] }) // 'not-started'
 * lessonStatus({ visitedAt: 'x', examplesRun: [], exercises: {}, quizzes: {} }, { exercises: [], quizzes: [] }) // 'complete'
 */
export function lessonStatus(
  lesson: LessonProgress | undefined,
  requirements: { exercises: readonly string[]; quizzes: readonly string[] },
): 'not-started' | 'in-progress' | 'complete' {
  if (!lesson?.visitedAt) return 'not-started'
  const exercisesDone = requirements.exercises.every((slug) => lesson.exercises[slug]?.passed)
  const quizzesDone = requirements.quizzes.every((slug) => lesson.quizzes[slug]?.passed)
  return exercisesDone && quizzesDone ? 'complete' : 'in-progress'
}
