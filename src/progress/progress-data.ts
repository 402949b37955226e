import {
  PROGRESS_VERSION,
  lessonProgressSchema,
  progressSchema,
  reviewItemSchema,
  type LessonProgress,
  type Progress,
  type ReviewItemProgress,
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

/**
 * The result of reading saved or imported progress.
 *
 * @example
 * const result: ProgressReadResult = readProgress(localStorage.getItem(PROGRESS_KEY))
 * if (!result.ok) console.warn(result.problem)
 */
export type ProgressReadResult =
  { ok: true; progress: Progress } | { ok: false; progress: Progress; problem: string }

/**
 * Read progress from text (localStorage or an exported file). Never throws: corrupt, foreign or
 * future-version data gives a fresh record plus a sentence saying what was wrong. A record of the
 * right version with some unreadable lessons keeps the lessons that read, and says which were left
 * out.
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
  if (parsed.success) return { ok: true, progress: parsed.data }
  return salvage(data as Record<string, unknown>)
}

/** Where a zod issue points, as `lessons.a.examplesRun`, and what it says. */
function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined, prefix = '') {
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.')
  return `${path || 'the top level'}: ${issue?.message ?? 'unexpected value'}`
}

/**
 * Keep what can be kept from a record of the right version that does not fully match the schema:
 * every lesson that reads, with the unreadable ones dropped and named in `problem`.
 */
function salvage(data: Record<string, unknown>): ProgressReadResult {
  const { lessons, lastLesson, review } = data
  if (typeof lessons !== 'object' || lessons === null || Array.isArray(lessons)) {
    return {
      ok: false,
      progress: emptyProgress(),
      problem: 'lessons: expected an object of lessons by slug',
    }
  }
  const kept: Record<string, LessonProgress> = {}
  const dropped: string[] = []
  for (const [slug, value] of Object.entries(lessons)) {
    const lesson = lessonProgressSchema.safeParse(value)
    if (lesson.success) kept[slug] = lesson.data
    else dropped.push(describeIssue(lesson.error.issues[0], `lessons.${slug}`))
  }
  const progress: Progress = {
    version: PROGRESS_VERSION,
    lessons: kept,
    lastLesson: typeof lastLesson === 'string' ? lastLesson : null,
  }
  const problems = [...dropped]
  const reviewKept = salvageReview(review, problems)
  if (reviewKept) progress.review = reviewKept
  if (lastLesson !== null && typeof lastLesson !== 'string') {
    problems.push('lastLesson: expected a lesson slug or null')
  }
  const droppedText =
    dropped.length === 1
      ? 'one lesson could not be read'
      : `${dropped.length} lessons could not be read`
  const problem =
    dropped.length > 0
      ? `${droppedText} and ${dropped.length === 1 ? 'was' : 'were'} left out; the rest was kept (${problems.join('; ')})`
      : problems.join('; ')
  return { ok: false, progress, problem }
}

/**
 * Keep the review items that read; name what was dropped in `problems`. Review is optional, so a
 * missing one is fine.
 */
function salvageReview(
  review: unknown,
  problems: string[],
): Record<string, ReviewItemProgress> | undefined {
  if (review === undefined) return undefined
  if (typeof review !== 'object' || review === null || Array.isArray(review)) {
    problems.push('review: expected an object of questions in review; it was left out')
    return undefined
  }
  const kept: Record<string, ReviewItemProgress> = {}
  for (const [key, value] of Object.entries(review)) {
    const item = reviewItemSchema.safeParse(value)
    if (item.success) kept[key] = item.data
    else problems.push(`${describeIssue(item.error.issues[0], `review.${key}`)} (left out)`)
  }
  return kept
}

/**
 * The completion status of a lesson, given what it asks of the learner: it is complete once every
 * example has run, every exercise has passed and every quiz has passed. A lesson that asks for
 * nothing is complete once opened.
 *
 * @param lesson - the lesson's saved progress, if any
 * @param requirements - the examples, exercises and quizzes the lesson contains
 * @returns `'not-started'`, `'in-progress'` or `'complete'`
 * @example
 * const none = { examples: [], exercises: [], quizzes: [] }
 * lessonStatus(undefined, none) // 'not-started'
 * lessonStatus({ visitedAt: 'x', examplesRun: [], exercises: {}, quizzes: {} }, none) // 'complete'
 * lessonStatus({ visitedAt: 'x', examplesRun: [], exercises: {}, quizzes: {} }, { ...none, examples: ['e'] }) // 'in-progress'
 */
export function lessonStatus(
  lesson: LessonProgress | undefined,
  requirements: LessonRequirementsOf,
): 'not-started' | 'in-progress' | 'complete' {
  if (!lesson?.visitedAt) return 'not-started'
  if (!requirements.examples.every((slug) => lesson.examplesRun.includes(slug)))
    return 'in-progress'
  const exercisesDone = requirements.exercises.every((slug) => lesson.exercises[slug]?.passed)
  const quizzesDone = requirements.quizzes.every((slug) => lesson.quizzes[slug]?.passed)
  return exercisesDone && quizzesDone ? 'complete' : 'in-progress'
}

/**
 * What an import would replace, so the page can ask before overwriting: counts of what the current
 * record holds. All zero when there is nothing to lose.
 *
 * @example
 * const loss: ProgressSummary = summarizeProgress(emptyProgress())
 */
export interface ProgressSummary {
  /** Lessons opened. */
  visited: number
  /** Examples run, across lessons. */
  examplesRun: number
  /** Exercises with saved code or a pass, across lessons. */
  exercises: number
  /** Quizzes taken, across lessons. */
  quizzes: number
}

/**
 * Count what a progress record holds, to say what an import or reset would replace.
 *
 * @param progress - a progress record
 * @returns counts of visits, examples, exercises and quizzes
 * @example
 * summarizeProgress(emptyProgress()) // { visited: 0, examplesRun: 0, exercises: 0, quizzes: 0 }
 */
export function summarizeProgress(progress: Progress): ProgressSummary {
  const lessons = Object.values(progress.lessons)
  const count = (pick: (lesson: LessonProgress) => number) =>
    lessons.reduce((sum, lesson) => sum + pick(lesson), 0)
  return {
    visited: count((lesson) => (lesson.visitedAt ? 1 : 0)),
    examplesRun: count((lesson) => lesson.examplesRun.length),
    exercises: count((lesson) => Object.keys(lesson.exercises).length),
    quizzes: count((lesson) => Object.keys(lesson.quizzes).length),
  }
}

/**
 * What a lesson asks the learner to do before it counts as complete.
 *
 * @example
 * const asks: LessonRequirementsOf = { examples: ['manual-session-login'], exercises: [], quizzes: [] }
 */
export interface LessonRequirementsOf {
  /** Slugs of its runnable examples, each to be run once. */
  examples: readonly string[]
  /** Slugs of its graded exercises, each to be passed. */
  exercises: readonly string[]
  /** Slugs of its quizzes, each to be passed. */
  quizzes: readonly string[]
}

/**
 * A lesson of the course, in reading order, with what it asks the learner to do.
 *
 * @example
 * const lesson: LessonRequirementsInOrder = { slug: 'welcome', examples: [], exercises: [], quizzes: [] }
 */
export interface LessonRequirementsInOrder extends LessonRequirementsOf {
  /** The lesson's slug. */
  slug: string
}

/**
 * Where "continue where you left off" leads. `continue`: the last lesson opened, unfinished.
 * `next`: the last one is complete, so the first unfinished lesson after it (wrapping to the
 * start). `review`: every lesson is complete; back to the last one opened.
 *
 * @example
 * const target: ContinueTarget = { slug: 'welcome', reason: 'continue' }
 */
export interface ContinueTarget {
  /** The lesson to link to. */
  slug: string
  /** Why that lesson: see {@link ContinueTarget}. */
  reason: 'continue' | 'next' | 'review'
}

/**
 * The lesson "continue where you left off" should open: the last lesson opened while it is
 * unfinished, else the next unfinished one. `null` before any lesson was opened.
 *
 * @param progress - the learner's progress
 * @param lessons - the course's lessons in reading order, with their requirements
 * @returns the lesson and why, or `null` to start at the beginning
 * @example
 * continueTarget(emptyProgress(), [{ slug: 'a', examples: [], exercises: [], quizzes: [] }]) // null
 */
export function continueTarget(
  progress: Progress,
  lessons: readonly LessonRequirementsInOrder[],
): ContinueTarget | null {
  const last = progress.lastLesson
  if (last === null) return null
  const unfinished = (lesson: LessonRequirementsInOrder) =>
    lessonStatus(progress.lessons[lesson.slug], lesson) !== 'complete'
  const index = lessons.findIndex((lesson) => lesson.slug === last)
  const current = lessons[index]
  if (current && unfinished(current)) return { slug: last, reason: 'continue' }
  // After the last lesson opened, wrapping round; a lesson no longer in the course starts at 0.
  const next = [...lessons.slice(index + 1), ...lessons.slice(0, Math.max(index, 0))].find(
    unfinished,
  )
  if (next) return { slug: next.slug, reason: 'next' }
  return current ? { slug: last, reason: 'review' } : null
}
