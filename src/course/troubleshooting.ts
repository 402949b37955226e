import type { Symptom, TroubleshootingGroup } from '../schemas/troubleshooting'

/**
 * A published lesson, as the troubleshooting links need it.
 *
 * @example
 * const lesson: LinkableLesson = { slug: 'cookie-security', title: 'Cookie security' }
 */
export interface LinkableLesson {
  slug: string
  title: string
}

/**
 * An exercise, example or mission, and the lesson whose page shows it.
 *
 * @example
 * const exercise: LinkableExercise = { slug: 'login-csrf', title: 'Signed in as someone else', lesson: 'cookie-security' }
 */
export interface LinkableExercise {
  slug: string
  title: string
  lesson: string
}

/**
 * A troubleshooting file after validation: its path in the repository and its data.
 *
 * @example
 * const file: TroubleshootingFile = { file: 'troubleshooting/cookies.yaml', data: group }
 */
export interface TroubleshootingFile {
  file: string
  data: TroubleshootingGroup
}

/**
 * Where the page sends a learner for one symptom: the lesson, and the exercise's panel on it.
 *
 * @example
 * const link: SymptomLink = { href: '/lessons/cookie-security/#exercise-login-csrf-title', lesson: 'Cookie security', exercise: 'Signed in as someone else' }
 */
export interface SymptomLink {
  href: string
  lesson: string
  exercise?: string
}

/**
 * The URL of the place that fixes a symptom: the lesson page, at the exercise's heading when the
 * symptom names one (the panel's heading id is `exercise-<slug>-title`).
 *
 * @param symptom - the lesson and exercise slugs
 * @returns the path and fragment
 * @example
 * symptomHref({ lesson: 'cookie-security', exercise: 'login-csrf' })
 * // '/lessons/cookie-security/#exercise-login-csrf-title'
 */
export function symptomHref(symptom: Pick<Symptom, 'lesson' | 'exercise'>): string {
  const page = `/lessons/${symptom.lesson}/`
  return symptom.exercise ? `${page}#exercise-${symptom.exercise}-title` : page
}

/**
 * Every broken link and repeated id in the troubleshooting files, each naming its file and field:
 * a lesson that is missing or a draft, an exercise that is missing or shown in another lesson, an
 * id used twice.
 *
 * @param files - the troubleshooting files
 * @param lessons - the published lessons
 * @param exercises - every exercise and example
 * @returns the problems, empty when every link resolves
 * @example
 * troubleshootingProblems([{ file: 'troubleshooting/a.yaml', data: group }], lessons, exercises)
 * // ['troubleshooting/a.yaml: symptoms[0].lesson: there is no published lesson "nope" in lessons/']
 */
export function troubleshootingProblems(
  files: TroubleshootingFile[],
  lessons: LinkableLesson[],
  exercises: LinkableExercise[],
): string[] {
  const problems: string[] = []
  const lessonSlugs = new Set(lessons.map((lesson) => lesson.slug))
  const exerciseLesson = new Map(exercises.map((exercise) => [exercise.slug, exercise.lesson]))
  const seen = new Map<string, string>()
  for (const { file, data } of files) {
    data.symptoms.forEach((symptom, index) => {
      const field = (name: string) => `${file}: symptoms[${index}].${name}`
      const earlier = seen.get(symptom.id)
      if (earlier) problems.push(`${field('id')}: "${symptom.id}" is already used in ${earlier}`)
      else seen.set(symptom.id, file)
      if (!lessonSlugs.has(symptom.lesson))
        problems.push(
          `${field('lesson')}: there is no published lesson "${symptom.lesson}" in lessons/`,
        )
      if (symptom.exercise === undefined) return
      const home = exerciseLesson.get(symptom.exercise)
      if (home === undefined)
        problems.push(
          `${field('exercise')}: there is no exercise "${symptom.exercise}" in exercises/`,
        )
      else if (home !== symptom.lesson)
        problems.push(
          `${field('exercise')}: "${symptom.exercise}" is shown in the lesson "${home}", not in "${symptom.lesson}"`,
        )
    })
  }
  return problems
}

/**
 * The groups in page order, each symptom with its resolved link. Throws, listing every problem,
 * when a link does not resolve, so the build stops.
 *
 * @param files - the troubleshooting files
 * @param lessons - the published lessons
 * @param exercises - every exercise and example
 * @returns the groups, sorted by `order`
 * @throws Error naming each file and field whose link is broken
 * @example
 * const groups = resolveTroubleshooting(files, lessons, exercises)
 * groups[0]?.symptoms[0]?.link.href // '/lessons/debugging-current-user/#exercise-user-id-type-mismatch-title'
 */
export function resolveTroubleshooting(
  files: TroubleshootingFile[],
  lessons: LinkableLesson[],
  exercises: LinkableExercise[],
): Array<{ title: string; symptoms: Array<Symptom & { link: SymptomLink }> }> {
  const problems = troubleshootingProblems(files, lessons, exercises)
  if (problems.length > 0)
    throw new Error(
      `The troubleshooting page links to places that do not exist:\n${problems.join('\n')}`,
    )
  const lessonTitle = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]))
  const exerciseTitle = new Map(exercises.map((exercise) => [exercise.slug, exercise.title]))
  return [...files]
    .sort((a, b) => a.data.order - b.data.order || a.file.localeCompare(b.file))
    .map(({ data }) => ({
      title: data.title,
      symptoms: data.symptoms.map((symptom) => {
        const exercise = symptom.exercise ? exerciseTitle.get(symptom.exercise) : undefined
        return {
          ...symptom,
          link: {
            href: symptomHref(symptom),
            lesson: lessonTitle.get(symptom.lesson) ?? symptom.lesson,
            ...(exercise ? { exercise } : {}),
          },
        }
      }),
    }))
}
