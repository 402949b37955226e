/**
 * A lesson, as far as placement cares: its slug, its file and its MDX body.
 *
 * @example
 * const lesson: PlacementLesson = { slug: 'the-login-manager', file: 'lessons/the-login-manager.mdx', body: '…<Exercise slug="x" />…' }
 */
export interface PlacementLesson {
  slug: string
  file: string
  body: string
}

/**
 * An exercise, example or quiz, and the lesson its file says it belongs to.
 *
 * @example
 * const item: PlacedItem = { kind: 'exercise', slug: 'x', file: 'exercises/x/exercise.yaml', lesson: 'the-login-manager' }
 */
export interface PlacedItem {
  kind: 'example' | 'exercise' | 'debug' | 'quiz'
  slug: string
  file: string
  lesson: string
}

const componentFor = { example: 'Example', exercise: 'Exercise', debug: 'Exercise', quiz: 'Quiz' }

/** The `<Exercise slug="…" />`, `<Example …/>` and `<Quiz …/>` tags in an MDX body. */
function placementsIn(body: string): Array<{ component: string; slug: string }> {
  return [...body.matchAll(/<(Exercise|Example|Quiz)\b[^>]*?\bslug=["']([^"']+)["'][^>]*>/g)].map(
    (match) => ({ component: match[1] ?? '', slug: match[2] ?? '' }),
  )
}

/**
 * Check that every exercise, example and quiz names a lesson that exists and is placed in that
 * lesson's MDX with the right component. A lesson counts its exercises and quizzes as required, so
 * one that is never shown (say, a fresh scaffold) would block the lesson forever.
 *
 * @param lessons - every lesson, with its MDX body
 * @param items - every exercise, example and quiz, with the lesson its file names
 * @returns one message per problem, each naming the file and the field; empty when all is well
 * @example
 * const problems = findPlacementProblems(lessons, items)
 * if (problems.length) throw new Error(problems.join('\n'))
 */
export function findPlacementProblems(
  lessons: readonly PlacementLesson[],
  items: readonly PlacedItem[],
): string[] {
  const problems: string[] = []
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]))
  const known = [...bySlug.keys()].sort().join(', ')
  for (const item of items) {
    const component = componentFor[item.kind]
    const tag = `<${component} slug="${item.slug}" />`
    const lesson = bySlug.get(item.lesson)
    if (!lesson) {
      problems.push(
        `${item.file}: lesson: "${item.lesson}" is not a lesson (the lessons are: ${known}).`,
      )
      continue
    }
    const here = placementsIn(lesson.body).filter((placed) => placed.slug === item.slug)
    if (here.some((placed) => placed.component === component)) continue
    const wrong = here[0]
    problems.push(
      wrong
        ? `${item.file}: kind: ${lesson.file} shows "${item.slug}" with <${wrong.component} />, but ${item.kind === 'quiz' ? 'a quiz' : `an ${item.kind === 'debug' ? 'exercise (debug)' : item.kind}`} is placed with ${tag}.`
        : `${item.file}: lesson: "${item.lesson}", but ${lesson.file} has no ${tag}. Place it in that lesson, or name the lesson that shows it.`,
    )
  }
  const owners = new Map(items.map((item) => [`${componentFor[item.kind]}:${item.slug}`, item]))
  for (const lesson of lessons) {
    for (const placed of placementsIn(lesson.body)) {
      const item = owners.get(`${placed.component}:${placed.slug}`)
      if (item && item.lesson !== lesson.slug)
        problems.push(
          `${lesson.file}: <${placed.component} slug="${placed.slug}" /> is placed here, but ${item.file} says lesson: "${item.lesson}". Move the tag, or change the lesson field.`,
        )
    }
  }
  return problems
}
