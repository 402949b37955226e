/** The smallest facts about a lesson the course outline needs. */
export interface OutlineLessonInput {
  /** The lesson's slug (its file name without `.mdx`). */
  slug: string
  /** The file the lesson came from, for error messages. */
  file: string
  title: string
  part: string
  order: number
  minutes: number
  summary: string
  draft: boolean
}

/** A part as the outline needs it. */
export interface OutlinePartInput {
  id: string
  title: string
  order: number
  description: string
}

/** A lesson placed in the course: its part, its position and its neighbours. */
export interface OutlineLesson extends OutlineLessonInput {
  /** 1-based position in the whole course. */
  number: number
  partTitle: string
  href: string
  previous: { slug: string; title: string; href: string } | null
  next: { slug: string; title: string; href: string } | null
}

/** A part with its lessons in order. */
export interface OutlinePart extends OutlinePartInput {
  lessons: OutlineLesson[]
  minutes: number
}

/**
 * The URL of a lesson page.
 *
 * @param slug - the lesson's slug
 * @returns the lesson's path, with a trailing slash
 * @example
 * lessonHref('how-a-login-works') // '/lessons/how-a-login-works/'
 */
export function lessonHref(slug: string): string {
  return `/lessons/${slug}/`
}

/**
 * Order the parts and lessons of the course and link each lesson to its neighbours. Draft lessons
 * are left out. Throws, naming both files, when two lessons of a part share an `order`.
 *
 * @param parts - the entries of `lessons/parts.yaml`
 * @param lessons - every lesson's frontmatter, slug and file
 * @returns the parts in order, each with its lessons
 * @example
 * const outline = buildOutline(
 *   [{ id: 'by-hand', title: 'Login by hand', order: 1, description: 'From scratch.' }],
 *   [{ slug: 'welcome', file: 'lessons/welcome.mdx', title: 'Welcome', part: 'by-hand', order: 1, minutes: 3, summary: 'Hi.', draft: false }],
 * )
 * outline[0]?.lessons[0]?.href // '/lessons/welcome/'
 */
export function buildOutline(
  parts: readonly OutlinePartInput[],
  lessons: readonly OutlineLessonInput[],
): OutlinePart[] {
  const sortedParts = [...parts].sort((a, b) => a.order - b.order)
  const published = lessons.filter((lesson) => !lesson.draft)
  for (const lesson of published) {
    if (!sortedParts.some((part) => part.id === lesson.part)) {
      throw new Error(
        `${lesson.file}: part: "${lesson.part}" is not a part in lessons/parts.yaml (${sortedParts.map((p) => p.id).join(', ')}).`,
      )
    }
  }
  const ordered: OutlineLessonInput[] = []
  const byPart = sortedParts.map((part) => {
    const own = published
      .filter((lesson) => lesson.part === part.id)
      .sort((a, b) => a.order - b.order)
    own.forEach((lesson, index) => {
      const twin = own[index + 1]
      if (twin && twin.order === lesson.order) {
        throw new Error(
          `${twin.file}: order: ${twin.order} is already used by ${lesson.file} in part "${part.id}". Give each lesson of a part its own order.`,
        )
      }
    })
    ordered.push(...own)
    return { part, own }
  })
  const link = (lesson: OutlineLessonInput | undefined) =>
    lesson ? { slug: lesson.slug, title: lesson.title, href: lessonHref(lesson.slug) } : null
  const placed = new Map<string, OutlineLesson>()
  ordered.forEach((lesson, index) => {
    const part = sortedParts.find((p) => p.id === lesson.part)
    placed.set(lesson.slug, {
      ...lesson,
      number: index + 1,
      partTitle: part?.title ?? lesson.part,
      href: lessonHref(lesson.slug),
      previous: link(ordered[index - 1]),
      next: link(ordered[index + 1]),
    })
  })
  return byPart.map(({ part, own }) => {
    const placedLessons = own
      .map((lesson) => placed.get(lesson.slug))
      .filter((l) => l !== undefined)
    return {
      ...part,
      lessons: placedLessons,
      minutes: placedLessons.reduce((sum, l) => sum + l.minutes, 0),
    }
  })
}
