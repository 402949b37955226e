import { z } from 'zod'
import { strictObject } from './strict'

/**
 * One mutant of an exercise's app, in `exercises/<slug>/mutants/<name>.yaml`: a small, deliberate
 * bug made by find-and-replace patches on the app's files. The learner's tests must catch it (at
 * least one test fails against it). The `/** … *\/` comments are the authoring docs.
 *
 * @example
 * mutantSchema.parse({
 *   description: 'logout does not clear the remember cookie',
 *   hint: 'After logging out, does the browser still hold a cookie that logs it back in?',
 *   patches: [{ find: 'await logoutUser(c)', replace: "getSession(c).delete('_user_id')" }],
 * })
 */
export const mutantSchema = strictObject({
  /** What is broken, in words the verdict shows: "logout does not clear the remember cookie". */
  description: z.string().min(10, 'describe the bug in a few words'),
  /** Shown when the learner's tests miss this mutant: what to test, never the test itself. */
  hint: z.string().min(10, 'say what to test'),
  /** The changes, applied in order. Each `find` must occur exactly once in its file. */
  patches: z
    .array(
      strictObject({
        /** The file to change (default: the exercise's entry, usually `app.ts`). */
        file: z.string().optional(),
        /** Text that occurs exactly once in the file. */
        find: z.string().min(1),
        /** What replaces it (may be empty, to delete it). */
        replace: z.string(),
      }),
    )
    .min(1, 'a mutant changes at least one thing'),
})

/**
 * A mutant after validation, with its name (the file name without `.yaml`).
 *
 * @example
 * const mutant: Mutant = { name: 'logout-keeps-remember', ...mutantSchema.parse(yaml) }
 */
export type Mutant = z.infer<typeof mutantSchema> & { name: string }

/**
 * How an exercise graded by mutants runs: the learner's test file, and the mutants it must catch.
 *
 * @example
 * const set: MutantSet = { testFile: 'app.test.ts', mutants: [mutant] }
 */
export interface MutantSet {
  /** The learner's test file, one of the exercise's editable files. */
  testFile: string
  mutants: Mutant[]
}
