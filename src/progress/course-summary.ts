import type { Progress } from '../schemas/progress'
import { lessonStatus, type LessonRequirementsInOrder } from './progress-data'

/**
 * One quiz's line in the course summary.
 *
 * @example
 * const line: QuizSummary = { slug: 'cookie-basics', lesson: 'how-a-login-works', bestScore: 0.8, attempts: 2, passed: true }
 */
export interface QuizSummary {
  /** The quiz's slug. */
  slug: string
  /** The slug of the lesson it belongs to. */
  lesson: string
  /** The best score, 0 to 1; `null` when never taken. */
  bestScore: number | null
  /** How many times it was finished. */
  attempts: number
  /** Whether the best score reached the pass mark. */
  passed: boolean
}

/**
 * What the course-complete page shows: whether every lesson is complete, and the counts and quiz
 * scores behind it, all from local progress.
 *
 * @example
 * const summary: CourseSummary = courseSummary(emptyProgress(), [])
 */
export interface CourseSummary {
  /** Whether every lesson of the course is complete (and the course has lessons). */
  complete: boolean
  /** Lessons complete, and in the course. */
  lessons: { complete: number; total: number }
  /** Slugs of the lessons not yet complete, in reading order. */
  unfinished: string[]
  /** Each lesson in reading order: its exercises passed, of how many. */
  perLesson: { slug: string; exercisesPassed: number; exercisesTotal: number }[]
  /** Exercises passed, of all graded exercises; and how many passed only after the solution was shown. */
  exercises: { passed: number; total: number; afterSolution: number }
  /** Examples run, of all examples. */
  examples: { run: number; total: number }
  /** Every quiz in course order, with its best score. */
  quizzes: QuizSummary[]
  /** The mean best score over all quizzes (0 to 1), untaken ones counting as 0; `null` with no quizzes. */
  meanQuizScore: number | null
  /** When the last lesson was finished: the latest exercise pass (ISO 8601), if any recorded. */
  finishedAt: string | null
}

/**
 * Sum up the learner's progress over the whole course, for the course-complete page. Complete means
 * every lesson is complete by {@link lessonStatus}; progress for lessons no longer in the course is
 * ignored.
 *
 * @param progress - the learner's progress
 * @param lessons - the course's lessons in reading order, with what each asks for
 * @returns the summary
 * @example
 * const lessons = [{ slug: 'a', examples: [], exercises: [], quizzes: [] }]
 * courseSummary(emptyProgress(), lessons).complete // false
 * courseSummary({ ...emptyProgress(), lessons: { a: { visitedAt: 'x', examplesRun: [], exercises: {}, quizzes: {} } } }, lessons).complete // true
 */
export function courseSummary(
  progress: Progress,
  lessons: readonly LessonRequirementsInOrder[],
): CourseSummary {
  const unfinished: string[] = []
  const exercises = { passed: 0, total: 0, afterSolution: 0 }
  const examples = { run: 0, total: 0 }
  const quizzes: QuizSummary[] = []
  const perLesson: CourseSummary['perLesson'] = []
  let finishedAt: string | null = null
  for (const lesson of lessons) {
    const saved = progress.lessons[lesson.slug]
    if (lessonStatus(saved, lesson) !== 'complete') unfinished.push(lesson.slug)
    const passedHere = lesson.exercises.filter((slug) => saved?.exercises[slug]?.passed).length
    perLesson.push({
      slug: lesson.slug,
      exercisesPassed: passedHere,
      exercisesTotal: lesson.exercises.length,
    })
    examples.total += lesson.examples.length
    examples.run += lesson.examples.filter((slug) => saved?.examplesRun.includes(slug)).length
    for (const slug of lesson.exercises) {
      const exercise = saved?.exercises[slug]
      exercises.total += 1
      if (!exercise?.passed) continue
      exercises.passed += 1
      if (exercise.passedAfterSolution) exercises.afterSolution += 1
      if (exercise.passedAt && (finishedAt === null || exercise.passedAt > finishedAt))
        finishedAt = exercise.passedAt
    }
    for (const slug of lesson.quizzes) {
      const quiz = saved?.quizzes[slug]
      quizzes.push({
        slug,
        lesson: lesson.slug,
        bestScore: quiz ? quiz.bestScore : null,
        attempts: quiz?.attempts ?? 0,
        passed: quiz?.passed ?? false,
      })
    }
  }
  const meanQuizScore =
    quizzes.length === 0
      ? null
      : quizzes.reduce((sum, quiz) => sum + (quiz.bestScore ?? 0), 0) / quizzes.length
  return {
    complete: lessons.length > 0 && unfinished.length === 0,
    lessons: { complete: lessons.length - unfinished.length, total: lessons.length },
    unfinished,
    perLesson,
    exercises,
    examples,
    quizzes,
    meanQuizScore,
    finishedAt,
  }
}
