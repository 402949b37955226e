import { z } from 'zod'
import { slug, strictObject } from './strict'

/**
 * One symptom on the troubleshooting page, and where the course fixes it. The build checks that
 * `lesson` is a published lesson and that `exercise`, when given, is an exercise placed in it.
 *
 * @example
 * symptomSchema.parse({
 *   id: 'stranger-after-login',
 *   symptom: 'I log in, and the dashboard sends me straight back to the login page.',
 *   cause: 'The user loader answers `null` for an id that exists.',
 *   lesson: 'debugging-current-user',
 *   exercise: 'user-id-type-mismatch',
 * })
 */
export const symptomSchema = strictObject({
  /** The symptom's anchor on the page (`/troubleshooting/#<id>`); unique across every file. */
  id: slug('stranger-after-login'),
  /** What the learner sees, in their own words, first person: "I log in, and …". */
  symptom: z.string().min(10, 'describe the symptom in a sentence'),
  /** The usual cause, in a sentence or two (Markdown). */
  cause: z.string().min(10, 'name the usual cause in a sentence'),
  /** The slug of the lesson that explains the fix. */
  lesson: slug('debugging-current-user'),
  /** The slug of the exercise or mission, on that lesson's page, that practises the fix. */
  exercise: slug('user-id-type-mismatch').optional(),
})

/**
 * A file in `troubleshooting/`: one group of symptoms under a heading.
 *
 * @example
 * troubleshootingGroupSchema.parse({ title: 'Cookies that never come back', order: 2, symptoms: [symptom] })
 */
export const troubleshootingGroupSchema = strictObject({
  /** The group's heading on the page. */
  title: z.string().min(3),
  /** Where the group comes on the page, counting from 1. */
  order: z.number().int().positive(),
  /** The symptoms, in the order they are shown. */
  symptoms: z.array(symptomSchema).min(1, 'list at least one symptom'),
})

/** One symptom after validation. @example const entry: Symptom = symptomSchema.parse(data) */
export type Symptom = z.infer<typeof symptomSchema>

/** One group after validation. @example const group: TroubleshootingGroup = troubleshootingGroupSchema.parse(data) */
export type TroubleshootingGroup = z.infer<typeof troubleshootingGroupSchema>
