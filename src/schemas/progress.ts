// zod/mini: the same validation as zod, tree-shakable, because this schema ships to every page.
import { z } from 'zod/mini'

/**
 * The version of the saved-progress format. Bump it (and add a migration) when the shape changes.
 *
 * @example
 * JSON.parse(progress.exportJson()).version === PROGRESS_VERSION // true
 */
export const PROGRESS_VERSION = 1

/** Source files by path, e.g. `{ 'app.ts': '…' }`. */
const filesSchema = z.record(z.string(), z.string())

/**
 * One exercise's saved state.
 *
 * @example
 * exerciseProgressSchema.parse({ code: { 'app.ts': 'export default app' }, passed: false })
 */
export const exerciseProgressSchema = z.object({
  /** The learner's latest code, by file path. */
  code: filesSchema,
  /** Whether the learner's code has ever passed every check. */
  passed: z.boolean(),
  /**
   * Whether the learner's code has really run (past the blanks check). It unlocks "Show solution"
   * and "Compare with solution". Absent in files saved before it existed, which reads as false.
   */
  attempted: z.optional(z.boolean()),
  /** The code that first passed every check. */
  passingCode: z.optional(filesSchema),
  /** When every check first passed (ISO 8601). */
  passedAt: z.optional(z.string()),
  /** Whether the learner has shown the solution in the editor. */
  solutionViewed: z.optional(z.boolean()),
  /** Whether the first pass came after the solution was shown: "passed after viewing the solution". */
  passedAfterSolution: z.optional(z.boolean()),
  /**
   * A multi-step exercise's steps passed so far: when each first passed (ISO 8601), by step id.
   * `passed` turns true only once every step is here. Absent in files saved before it existed and
   * for single-step exercises. An unreadable value reads as none: the steps are passed again on the
   * next Check, while the saved code and the rest of the lesson are kept.
   */
  stepsPassed: z.optional(z.catch(z.record(z.string(), z.string()), {})),
})

/**
 * One quiz's saved state.
 *
 * @example
 * quizProgressSchema.parse({ bestScore: 0.9, attempts: 2, passed: true })
 */
export const quizProgressSchema = z.object({
  /** The best score so far, from 0 to 1. */
  bestScore: z.number().check(z.gte(0), z.lte(1)),
  /** How many times the quiz was finished. */
  attempts: z.int().check(z.gte(0)),
  /** Whether the best score reached the quiz's pass threshold. */
  passed: z.boolean(),
})

/**
 * A quiz attempt under way: the answers checked so far, so a reload resumes where the learner left
 * off. Cleared when the attempt is finished or restarted.
 *
 * @example
 * quizDraftSchema.parse({ attempt: 0, answers: { 'log-in-call': 'login-user' } })
 */
export const quizDraftSchema = z.object({
  /** Which attempt (0-based) the answers belong to; it seeds the order the questions came in. */
  attempt: z.int().check(z.gte(0)),
  /** Each checked answer by question id: an option id, option ids, typed text or step ids. */
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
})

/**
 * What the course remembers about one lesson.
 *
 * @example
 * lessonProgressSchema.parse({ visitedAt: '2026-11-23T10:00:00.000Z', examplesRun: [], exercises: {}, quizzes: {} })
 */
export const lessonProgressSchema = z.object({
  /** When the lesson was first opened (ISO 8601). */
  visitedAt: z.optional(z.string()),
  /** The slugs of the examples the learner has run. */
  examplesRun: z.array(z.string()),
  /** Saved work and passing state, by exercise slug. */
  exercises: z.record(z.string(), exerciseProgressSchema),
  /** Best scores, by quiz slug. */
  quizzes: z.record(z.string(), quizProgressSchema),
  /**
   * Unfinished quiz attempts, by quiz slug. An unreadable entry reads as none: losing a half-done
   * attempt is better than losing the lesson's other progress.
   */
  quizDrafts: z.optional(z.catch(z.record(z.string(), quizDraftSchema), {})),
})

/**
 * One quiz question in spaced review (see `src/review/schedule.ts`).
 *
 * @example
 * reviewItemSchema.parse({ quiz: 'q', question: 'a', stage: 0, due: '2026-01-02T00:00:00.000Z' })
 */
export const reviewItemSchema = z.object({
  /** The quiz's slug. */
  quiz: z.string(),
  /** The question's id. */
  question: z.string(),
  /** Which interval is running: 0 (1 day) to 3 (21 days). */
  stage: z.int().check(z.gte(0), z.lte(3)),
  /** When the question comes back (ISO 8601). */
  due: z.iso.datetime(),
})

/**
 * Everything the course keeps in the learner's browser. Also the format of an exported file.
 *
 * @example
 * progressSchema.parse({ version: 1, lessons: {}, lastLesson: null })
 */
export const progressSchema = z.object({
  /** The format version; must equal {@link PROGRESS_VERSION}. */
  version: z.literal(PROGRESS_VERSION),
  /** Per-lesson progress, by lesson slug. */
  lessons: z.record(z.string(), lessonProgressSchema),
  /** The slug of the lesson opened most recently, for "continue where you left off". */
  lastLesson: z.nullable(z.string()),
  /** Quiz questions in spaced review, by `quiz/question`. Absent in files saved before it existed. */
  review: z.optional(z.record(z.string(), reviewItemSchema)),
})

/** Saved progress. @example const fresh: Progress = { version: 1, lessons: {}, lastLesson: null } */
export type Progress = z.infer<typeof progressSchema>
/** One lesson's saved progress. @example const lesson: LessonProgress = { examplesRun: [], exercises: {}, quizzes: {} } */
export type LessonProgress = z.infer<typeof lessonProgressSchema>
/** One exercise's saved progress. @example const ex: ExerciseProgress = { code: {}, passed: false } */
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>
/** An unfinished quiz attempt. @example const draft: QuizDraft = { attempt: 0, answers: {} } */
export type QuizDraft = z.infer<typeof quizDraftSchema>
/** One question in review. @example const item: ReviewItemProgress = { quiz: 'q', question: 'a', stage: 0, due: '2026-01-02T00:00:00.000Z' } */
export type ReviewItemProgress = z.infer<typeof reviewItemSchema>
/** One quiz's saved progress. @example const quiz: QuizProgress = { bestScore: 0.9, attempts: 2, passed: true } */
export type QuizProgress = z.infer<typeof quizProgressSchema>
