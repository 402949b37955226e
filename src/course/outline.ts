/**
 * The smallest facts about a lesson the course outline needs.
 *
 * @example
 * const input: OutlineLessonInput = { slug: 'welcome', file: 'lessons/welcome.mdx', title: 'Welcome', part: 'by-hand', order: 1, minutes: 3, summary: 'Hi.', draft: false }
 */
export interface OutlineLessonInput {
  /** The lesson's slug (its file name without `.mdx`). */
  slug: string
  /** The file the lesson came from, for error messages. */
  file: string
  /** The lesson's title, from its frontmatter. */
  title: string
  /** The id of the part it belongs to (an `id` in `lessons/parts.yaml`). */
  part: string
  /** Its position inside the part; unique among the part's published lessons. */
  order: number
  /** Estimated minutes to finish it. */
  minutes: number
  /** One or two sentences for the home page. */
  summary: string
  /** Drafts are left out of the outline (and so of navigation and the production build). */
  draft: boolean
}

/**
 * A part as the outline needs it.
 *
 * @example
 * const part: OutlinePartInput = { id: 'by-hand', title: 'Login by hand', order: 1, description: 'From scratch.' }
 */
export interface OutlinePartInput {
  /** The part's id, which lessons name in their `part` field. */
  id: string
  /** The part's title. */
  title: string
  /** Its position in the course, counting from 1; unique among parts. Shown as "Part N". */
  order: number
  /** One sentence on what the part covers. */
  description: string
}

/** A link to another lesson. @example const link: LessonLink = { slug: 'a', title: 'A', href: '/lessons/a/' } */
export interface LessonLink {
  /** The lesson's slug. */
  slug: string
  /** The lesson's title. */
  title: string
  /** The lesson's URL path. */
  href: string
}

/**
 * A lesson placed in the course: its part, its position and its neighbours.
 *
 * @example
 * const lesson: OutlineLesson | undefined = buildOutline(parts, lessons)[0]?.lessons[0]
 */
export interface OutlineLesson extends OutlineLessonInput {
  /** 1-based position in the whole course; `null` for a draft, which has no place yet. */
  number: number | null
  /** The `order` of the lesson's part: the N of "Part N", the same everywhere on the site. */
  partNumber: number
  /** The title of the lesson's part. */
  partTitle: string
  /** The lesson's URL path. */
  href: string
  /** The lesson before it in reading order, if any. */
  previous: LessonLink | null
  /** The lesson after it in reading order, if any. */
  next: LessonLink | null
}

/**
 * A part with its lessons in order.
 *
 * @example
 * const part: OutlinePart | undefined = buildOutline(parts, lessons)[0]
 */
export interface OutlinePart extends OutlinePartInput {
  /** The part's published lessons, in order. */
  lessons: OutlineLesson[]
  /** The estimated minutes of all its lessons. */
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
 * Everything wrong with the course as a whole, one message each, naming the file and the field:
 * two parts sharing an `order` (or an `id`), a lesson naming a part that does not exist, and two
 * published lessons of a part sharing an `order`. The content collections run this at build and
 * `astro check` time; {@link buildOutline} runs it too.
 *
 * @param parts - the entries of `lessons/parts.yaml`
 * @param lessons - every lesson's frontmatter, slug and file, drafts included
 * @param partsFile - the parts file, for messages
 * @returns the problems; empty when the course holds together
 * @example
 * outlineProblems(
 *   [{ id: 'a', order: 1 }],
 *   [{ file: 'lessons/x.mdx', part: 'b', order: 1, draft: false }],
 * ) // ['lessons/x.mdx: part: "b" is not a part in lessons/parts.yaml (a).']
 */
export function outlineProblems(
  parts: ReadonlyArray<Pick<OutlinePartInput, 'id' | 'order'>>,
  lessons: ReadonlyArray<Pick<OutlineLessonInput, 'file' | 'part' | 'order' | 'draft'>>,
  partsFile = 'lessons/parts.yaml',
): string[] {
  const problems: string[] = []
  const firstWith = (key: 'id' | 'order') => {
    const seen = new Map<string | number, Pick<OutlinePartInput, 'id'>>()
    for (const part of parts) {
      const earlier = seen.get(part[key])
      if (earlier) {
        problems.push(
          `${partsFile}: ${key}: ${JSON.stringify(part[key])} is used by both part "${earlier.id}" and part "${part.id}". Give each part its own ${key}.`,
        )
      } else seen.set(part[key], part)
    }
  }
  firstWith('id')
  firstWith('order')
  const partIds = parts.map((part) => part.id)
  for (const lesson of lessons) {
    if (!partIds.includes(lesson.part)) {
      problems.push(
        `${lesson.file}: part: "${lesson.part}" is not a part in ${partsFile} (${partIds.join(', ') || 'it lists none'}).`,
      )
    }
  }
  const published = [...lessons]
    .filter((lesson) => !lesson.draft)
    .sort((a, b) => a.file.localeCompare(b.file))
  const byPlace = new Map<string, Pick<OutlineLessonInput, 'file'>>()
  for (const lesson of published) {
    const place = JSON.stringify([lesson.part, lesson.order])
    const earlier = byPlace.get(place)
    if (earlier) {
      problems.push(
        `${lesson.file}: order: ${lesson.order} is already used by ${earlier.file} in part "${lesson.part}". Give each lesson of a part its own order.`,
      )
    } else byPlace.set(place, lesson)
  }
  return problems
}

/**
 * Place a draft lesson on its own, for previewing it in `npm run dev`: it keeps its part but has
 * no number and no neighbours, because drafts are not part of the course yet.
 *
 * @param lesson - the draft's frontmatter, slug and file
 * @param parts - the entries of `lessons/parts.yaml`
 * @returns the draft as a lesson page needs it
 * @example
 * placeDraft(
 *   { slug: 'd', file: 'lessons/d.mdx', title: 'D', part: 'a', order: 9, minutes: 5, summary: 'D.', draft: true },
 *   [{ id: 'a', title: 'A part', order: 1, description: 'The first part.' }],
 * ).number // null
 */
export function placeDraft(
  lesson: OutlineLessonInput,
  parts: readonly OutlinePartInput[],
): OutlineLesson {
  const part = parts.find((candidate) => candidate.id === lesson.part)
  return {
    ...lesson,
    number: null,
    partNumber: part?.order ?? 0,
    partTitle: part?.title ?? lesson.part,
    href: lessonHref(lesson.slug),
    previous: null,
    next: null,
  }
}

/**
 * Order the parts and lessons of the course and link each lesson to its neighbours. Draft lessons
 * are left out. Throws every {@link outlineProblems} message when the course does not hold
 * together (two lessons of a part sharing an `order`, an unknown part, …).
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
  const problems = outlineProblems(parts, lessons)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  const sortedParts = [...parts].sort((a, b) => a.order - b.order)
  const published = lessons.filter((lesson) => !lesson.draft)
  const ordered: OutlineLessonInput[] = []
  const byPart = sortedParts.map((part) => {
    const own = published
      .filter((lesson) => lesson.part === part.id)
      .sort((a, b) => a.order - b.order)
    ordered.push(...own)
    return { part, own }
  })
  const link = (lesson: OutlineLessonInput | undefined): LessonLink | null =>
    lesson ? { slug: lesson.slug, title: lesson.title, href: lessonHref(lesson.slug) } : null
  const placed = new Map<string, OutlineLesson>()
  ordered.forEach((lesson, index) => {
    placed.set(lesson.slug, {
      ...placeDraft(lesson, sortedParts),
      number: index + 1,
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
