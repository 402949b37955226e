import type { ExerciseDescription } from '../stores/exercise'
import { loadExercise } from '../runner/exercise-files'
import { renderMarkdown } from './markdown'

/** What the page ships for the runtimes: the starter, the checks and the file layout. */
export interface PageExerciseBundle {
  meta: { kind: ExerciseDescription['kind']; files: ExerciseDescription['files']; entry: string }
  starter: Record<string, string>
  checks: string
}

/**
 * Load an exercise at build time for an `<Exercise>` or `<Example>` on a page. A malformed
 * exercise stops the build with a message naming the file and the field.
 *
 * @param slug - the folder name under `exercises/`
 * @returns the description for the store, the bundle for the runtimes, and display text
 * @example
 * const { description, bundle, title } = await getExerciseForPage('complete-the-login-flow')
 */
export async function getExerciseForPage(slug: string): Promise<{
  description: ExerciseDescription
  bundle: PageExerciseBundle
  title: string
  intro: string
}> {
  const exercise = loadExercise(slug)
  const { meta } = exercise
  return {
    title: meta.title,
    intro: meta.description ? await renderMarkdown(meta.description) : '',
    description: {
      slug,
      lesson: meta.lesson,
      kind: meta.kind,
      files: meta.files,
      starter: exercise.starter,
      solution: exercise.solution,
      hints: meta.hints,
    },
    bundle: {
      meta: { kind: meta.kind, files: meta.files, entry: meta.entry },
      starter: exercise.starter,
      checks: exercise.checks,
    },
  }
}
