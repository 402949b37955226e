import { z } from 'zod'
import { slug, strictObject } from './strict'

/**
 * Metadata of an exercise or example, in `exercises/<slug>/exercise.yaml`. The `/** … *\/`
 * comments are the authoring docs.
 *
 * @example
 * exerciseSchema.parse({
 *   title: 'Complete the login flow', lesson: 'the-login-manager', kind: 'exercise',
 *   files: [{ path: 'app.ts', editable: true }], hints: ['Which function logs a user in?'],
 * })
 */
export const exerciseSchema = strictObject({
  /** The heading shown above the editor. */
  title: z.string().min(3),
  /** The slug of the lesson the exercise appears in. */
  lesson: slug('the-login-manager'),
  /** `example`: read-only code with a Run button; `exercise`: fill in blanks; `debug`: find and fix a bug. */
  kind: z.enum(['example', 'exercise', 'debug']),
  /** One or two sentences shown above the editor (Markdown). */
  description: z.string().optional(),
  /** The files the learner sees, in tab order. Each must exist in starter/; solution/ needs only the editable ones. */
  files: z
    .array(
      strictObject({
        /** A path inside starter/ and solution/, such as `app.ts`. */
        path: z.string().regex(/^[\w./-]+\.ts$/, 'a relative path to a .ts file'),
        /** Whether the learner may edit it. */
        editable: z.boolean().default(true),
      }),
    )
    .min(1, 'list at least one file'),
  /** The file that `export default`s the Hono app (default `app.ts`). */
  entry: z.string().default('app.ts'),
  /** Hints in the order they are revealed (Markdown). Examples need none. */
  hints: z.array(z.string().min(3)).default([]),
  /**
   * For a `debug` exercise: the names of the checks the starter's bug breaks, exactly as written
   * in checks.ts. The build checks that each name exists, and the tests check, in Node and in the
   * browser, that the starter fails exactly these checks and the solution passes them all.
   */
  breaks: z.array(z.string().min(3)).default([]),
  /**
   * "What happened", shown under the results once every check passes (Markdown): for a `debug`
   * exercise, why the bug caused the symptom; for an `exercise`, what the finished code does.
   * Examples have nothing to pass, so they have none.
   */
  explanation: z.string().min(20, 'explain what happened in a sentence or two').optional(),
}).superRefine((data, context) => {
  if (data.kind !== 'example' && data.hints.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['hints'],
      message: 'an exercise needs at least one hint',
    })
  }
  if (data.kind === 'debug' && data.breaks.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['breaks'],
      message: 'a debug exercise names the checks its bug breaks, as written in checks.ts',
    })
  }
  if (data.kind !== 'debug' && data.breaks.length > 0) {
    context.addIssue({
      code: 'custom',
      path: ['breaks'],
      message: 'only a debug exercise has a bug that breaks checks; remove this field',
    })
  }
  if (data.kind === 'example' && data.explanation !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['explanation'],
      message:
        'an example is never passed, so its explanation would never show; put it in description',
    })
  }
  if (new Set(data.breaks).size !== data.breaks.length) {
    context.addIssue({
      code: 'custom',
      path: ['breaks'],
      message: 'name each broken check once',
    })
  }
  if (data.kind !== 'example' && !data.files.some((file) => file.editable)) {
    context.addIssue({
      code: 'custom',
      path: ['files'],
      message: 'an exercise needs at least one editable file',
    })
  }
})

/** Exercise metadata after validation. @example const meta: ExerciseMeta = exerciseSchema.parse(yaml) */
export type ExerciseMeta = z.infer<typeof exerciseSchema>

/**
 * One exercise, in the one shape used from the build to the page: the loader
 * (`src/course/exercise-files.ts`) builds it, the page ships it as JSON, the exercise store and the
 * runner read it. What the page ships differs only in `solution`, which holds just the editable
 * files (nothing for an example). A single run of it is a `RunRequest` (`src/grader/run-request.ts`).
 *
 * @example
 * const bundle: ExerciseBundle = loadExercise('complete-the-login-flow')
 * JSON.stringify(bundle) // safe to ship to the page
 */
export interface ExerciseBundle {
  /** The folder name under `exercises/`. */
  slug: string
  meta: ExerciseMeta
  /** Every file in starter/, by path. */
  starter: Record<string, string>
  /** The finished files: starter/ with solution/'s files laid over it, by path. */
  solution: Record<string, string>
  /** The TypeScript source of checks.ts; runtimes compile it next to the learner's code. */
  checks: string
  /**
   * The course's shared check files that checks.ts imports (`import { … } from
   * '../_shared/current-user'`), by path under `exercises/` (`_shared/current-user.ts`). Only
   * present when there are some.
   */
  checkModules?: Record<string, string>
}
