import { z } from 'zod'
import type { MutantSet } from './mutant'
import { slug, strictObject } from './strict'

/**
 * One step of a multi-step exercise (`steps:` in exercise.yaml).
 *
 * @example
 * stepSchema.parse({ id: 'sign-up', title: 'Sign up', checks: ['A new member can sign up'], hints: ['Hash the password first.'] })
 */
export const stepSchema = strictObject({
  /** A short id, unique in the exercise, saved in the learner's progress (`sign-up`). */
  id: slug('sign-up'),
  /** The step's name in the step list, e.g. "Sign up". */
  title: z.string().min(3),
  /** What this step asks for (Markdown), shown while the step is open. */
  description: z.string().min(10).optional(),
  /** The names of this step's checks, exactly as written in checks.ts, in the order they run. */
  checks: z.array(z.string().min(3)).min(1, 'a step needs at least one check'),
  /** This step's hints in the order they are revealed (Markdown), from vague to specific. */
  hints: z.array(z.string().min(3)).min(1, 'a step needs at least one hint'),
})

/** One step after validation. @example const step: ExerciseStep = stepSchema.parse(yaml.steps[0]) */
export type ExerciseStep = z.infer<typeof stepSchema>

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
  /**
   * For an exercise graded by mutants: the learner's test file, one of the editable `files`. The
   * folder then has `mutants/<name>.yaml` (see `src/schemas/mutant.ts`) instead of `checks.ts`:
   * the tests must pass against the app in starter/ and catch every mutant.
   */
  tests: z
    .string()
    .regex(/^[\w./-]+\.ts$/, 'a relative path to a .ts file')
    .optional(),
  /** The file that `export default`s the Hono app (default `app.ts`). */
  entry: z.string().default('app.ts'),
  /**
   * The exercise's seed data: a `.sql` file in the exercise folder (say `seed.sql`) run on an empty
   * `app.db` before each run, so the app finds its tables and rows on its first start (a restart
   * within the run keeps the file as the app left it). Used when the code imports `signed-in/db`.
   * The build runs it once and stops, naming the file, if it fails.
   */
  seed: z
    .string()
    .regex(/^[\w-]+\.sql$/, 'the name of a .sql file in the exercise folder, such as seed.sql')
    .optional(),
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
  /**
   * For a multi-step `exercise`: its steps, in the order they unlock. Each names its checks exactly
   * as written in checks.ts (every check belongs to exactly one step; the build checks the names).
   * Check grades the step the learner is on and every earlier one, so a regression shows; the
   * next step unlocks when they all pass, and the exercise passes when the last step does. Each
   * step has its own hints, so the exercise's top-level `hints` may stay empty.
   */
  steps: z.array(stepSchema).optional(),
}).superRefine((data, context) => {
  const hasSteps = data.steps !== undefined
  if (data.kind !== 'example' && data.hints.length === 0 && !hasSteps) {
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
  if (data.tests !== undefined && !data.files.some((f) => f.path === data.tests && f.editable)) {
    context.addIssue({
      code: 'custom',
      path: ['tests'],
      message: 'the test file must be one of the editable files',
    })
  }
  if (data.tests !== undefined && data.kind !== 'exercise') {
    context.addIssue({
      code: 'custom',
      path: ['tests'],
      message: 'only an exercise (kind: exercise) is graded by mutants',
    })
  }
  if (new Set(data.breaks).size !== data.breaks.length) {
    context.addIssue({
      code: 'custom',
      path: ['breaks'],
      message: 'name each broken check once',
    })
  }
  if (hasSteps && data.kind !== 'exercise') {
    context.addIssue({
      code: 'custom',
      path: ['steps'],
      message: 'only an exercise (kind: exercise) can have steps',
    })
  }
  if (data.steps && data.steps.length < 2) {
    context.addIssue({
      code: 'custom',
      path: ['steps'],
      message:
        'a multi-step exercise needs at least two steps; with one, use checks and hints alone',
    })
  }
  const stepIds = (data.steps ?? []).map((step) => step.id)
  const repeated = stepIds.find((id, index) => stepIds.indexOf(id) !== index)
  if (repeated) {
    context.addIssue({
      code: 'custom',
      path: ['steps', stepIds.lastIndexOf(repeated), 'id'],
      message: `the step id "${repeated}" is used twice; each step needs its own`,
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
  /** The TypeScript source of checks.ts; runtimes compile it next to the learner's code. Empty for an exercise graded by mutants. */
  checks: string
  /** The SQL of the exercise's `seed` file: what `app.db` holds when each run starts. */
  seed?: string
  /**
   * The course's shared check files that checks.ts imports (`import { … } from
   * '../_shared/current-user'`), by path under `exercises/` (`_shared/current-user.ts`). Only
   * present when there are some.
   */
  checkModules?: Record<string, string>
  /** For an exercise graded by mutants (`tests` in exercise.yaml): the test file and the mutants. */
  mutants?: MutantSet
  /**
   * JavaScript compiled at build time (the page's copy only) from the starter's code files,
   * checks.ts and the shared check files, keyed by path and source (`compiledKey`): a run of code
   * the learner has not changed, such as every example, needs no compiling in the browser, and
   * code that differs in any way finds no entry. See `requestFor`.
   */
  compiled?: Record<string, string>
}
