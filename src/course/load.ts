import { getCollection, type CollectionEntry } from 'astro:content'
import {
  buildOutline,
  type OutlineLesson,
  type OutlineLessonInput,
  type OutlinePart,
} from './outline'
import { findPlacementProblems } from './placement'

/**
 * The facts about a lesson entry that the outline needs.
 *
 * @param entry - a lesson from the `lessons` collection
 * @returns its slug, file and frontmatter, with the part as its id
 * @example
 * const input = lessonInput((await getCollection('lessons'))[0]!)
 */
export function lessonInput(entry: CollectionEntry<'lessons'>): OutlineLessonInput {
  return {
    slug: entry.id,
    file: entry.filePath ?? `lessons/${entry.id}.mdx`,
    title: entry.data.title,
    part: entry.data.part.id,
    order: entry.data.order,
    minutes: entry.data.minutes,
    summary: entry.data.summary,
    draft: entry.data.draft,
  }
}

/**
 * Load the course outline from the content collections, once per build.
 *
 * @returns the parts in order, each with its published lessons
 * @example
 * const outline = await getCourseOutline()
 * const firstLesson = outline.flatMap((part) => part.lessons)[0]
 */
export async function getCourseOutline(): Promise<OutlinePart[]> {
  cached ??= load()
  return cached
}

let cached: Promise<OutlinePart[]> | undefined

async function load(): Promise<OutlinePart[]> {
  const [parts, lessons] = await Promise.all([getCollection('parts'), getCollection('lessons')])
  return buildOutline(
    parts.map((entry) => entry.data),
    lessons.map(lessonInput),
  )
}

/**
 * Every published lesson of the course, in reading order.
 *
 * @returns the lessons, first to last
 * @example
 * const lessons = await getLessonsInOrder()
 * lessons[0]?.href // '/lessons/welcome/'
 */
export async function getLessonsInOrder(): Promise<OutlineLesson[]> {
  return (await getCourseOutline()).flatMap((part) => part.lessons)
}

/**
 * What a lesson asks the learner to pass before it counts as complete.
 *
 * @example
 * const requirements: LessonRequirements = { examples: [], exercises: ['complete-the-login-flow'], quizzes: [] }
 */
export interface LessonRequirements {
  /** Slugs of the runnable examples in the lesson: each must have run once. */
  examples: string[]
  /** Slugs of the graded exercises in the lesson. */
  exercises: string[]
  /** Slugs of the quizzes in the lesson. */
  quizzes: string[]
}

/**
 * The exercises and quizzes each lesson contains, from the exercise and quiz collections. Stops the
 * build, naming the file and the field, when an exercise, example or quiz names a lesson that does
 * not exist or is not placed in its lesson's MDX (a lesson requires every exercise and quiz that
 * names it, so one that is never shown would block the lesson).
 *
 * @returns requirements by lesson slug (lessons without any are absent)
 * @example
 * const requirements = await getLessonRequirements()
 * requirements.get('the-login-manager')?.exercises // ['complete-the-login-flow']
 */
export async function getLessonRequirements(): Promise<Map<string, LessonRequirements>> {
  requirementsCache ??= loadRequirements()
  return requirementsCache
}

let requirementsCache: Promise<Map<string, LessonRequirements>> | undefined

async function loadRequirements(): Promise<Map<string, LessonRequirements>> {
  const [lessons, exercises, quizzes] = await Promise.all([
    getCollection('lessons'),
    getCollection('exercises'),
    getCollection('quizzes'),
  ])
  const problems = findPlacementProblems(
    lessons.map((lesson) => ({
      slug: lesson.id,
      file: lesson.filePath ?? `lessons/${lesson.id}.mdx`,
      body: lesson.body ?? '',
    })),
    [
      ...exercises.map((exercise) => ({
        kind: exercise.data.kind,
        slug: exercise.id,
        file: exercise.filePath ?? `exercises/${exercise.id}/exercise.yaml`,
        lesson: exercise.data.lesson,
      })),
      ...quizzes.map((quiz) => ({
        kind: 'quiz' as const,
        slug: quiz.id,
        file: quiz.filePath ?? `quizzes/${quiz.id}.yaml`,
        lesson: quiz.data.lesson,
      })),
    ],
  )
  if (problems.length > 0) throw new Error(problems.join('\n'))
  const map = new Map<string, LessonRequirements>()
  const entry = (lesson: string) => {
    const found = map.get(lesson) ?? { examples: [], exercises: [], quizzes: [] }
    map.set(lesson, found)
    return found
  }
  for (const exercise of exercises) {
    const found = entry(exercise.data.lesson)
    if (exercise.data.kind === 'example') found.examples.push(exercise.id)
    else found.exercises.push(exercise.id)
  }
  for (const quiz of quizzes) entry(quiz.data.lesson).quizzes.push(quiz.id)
  return map
}

/**
 * A lesson's requirements, or none.
 *
 * @param map - from {@link getLessonRequirements}
 * @param lesson - the lesson slug
 * @returns the requirements, empty when the lesson has no exercise or quiz
 * @example
 * requirementsOf(await getLessonRequirements(), 'welcome') // { examples: [], exercises: [], quizzes: [] }
 */
export function requirementsOf(
  map: Map<string, LessonRequirements>,
  lesson: string,
): LessonRequirements {
  return map.get(lesson) ?? { examples: [], exercises: [], quizzes: [] }
}
