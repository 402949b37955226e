import { compileWhatCompiles } from '../grader/module-loader'
import { compiledKey } from '../grader/run-request'
import type { ExerciseBundle } from '../schemas/exercise'
import { loadExercise } from './exercise-files'
import { renderMarkdown } from './markdown'

/**
 * Load an exercise at build time for an `<Exercise>` or `<Example>` on a page. A malformed
 * exercise stops the build with a message naming the file and the field.
 *
 * @param slug - the folder name under `exercises/`
 * @returns what the page ships (the exercise's bundle, with only the solution of its editable
 *   files) and display text
 * @example
 * const { data, title } = await getExerciseForPage('complete-the-login-flow')
 * // <script type="application/json" data-exercise set:html={JSON.stringify(data)} />
 */
export async function getExerciseForPage(slug: string): Promise<{
  data: ExerciseBundle
  title: string
  intro: string
  /** "What happened", as HTML, shown once the exercise passes; '' when it has none. */
  explanation: string
}> {
  const exercise = loadExercise(slug)
  const { meta } = exercise
  return {
    title: meta.title,
    intro: meta.description ? await renderMarkdown(meta.description) : '',
    explanation: meta.explanation ? await renderMarkdown(meta.explanation) : '',
    data: {
      ...exercise,
      compiled: compiledAtBuild(exercise),
      // An example has no solution to show; only the learner's editable files need one.
      solution:
        meta.kind === 'example'
          ? {}
          : Object.fromEntries(
              meta.files
                .filter((file) => file.editable)
                .map((file) => [file.path, exercise.solution[file.path] ?? '']),
            ),
    },
  }
}

/**
 * The JavaScript a page ships with an exercise, compiled here at build time with the one compiler
 * every runtime uses: the starter's code files that compile, checks.ts and the shared check files,
 * each keyed by its path and source.
 *
 * @param exercise - the exercise as loaded
 * @returns what `ExerciseBundle.compiled` holds
 * @example
 * compiledAtBuild(loadExercise('manual-session-login'))[compiledKey('app.ts', source)] // JavaScript
 */
export function compiledAtBuild(exercise: ExerciseBundle): Record<string, string> {
  const sources: Record<string, string> = {
    ...exercise.starter,
    ...exercise.checkModules,
    ...(exercise.checks ? { 'checks.ts': exercise.checks } : {}),
  }
  return Object.fromEntries(
    Object.entries(compileWhatCompiles(sources)).map(([path, js]) => [
      compiledKey(path, sources[path] ?? ''),
      js,
    ]),
  )
}
