import { z } from 'zod'
import { slug, strictObject } from './strict'

/**
 * Frontmatter of a lesson in `lessons/*.mdx`. The `/** … *\/` comments are the authoring docs.
 * `part` is checked against `lessons/parts.yaml` by the content collection, which swaps in a
 * `reference('parts')`.
 *
 * @example
 * lessonSchema.parse({
 *   title: 'How a login works', part: 'by-hand', order: 1, minutes: 15,
 *   summary: 'Verify a password, then remember who signed in.',
 *   objectives: ['Explain what a signed cookie proves'],
 * })
 */
export const lessonSchema = strictObject({
  /** The lesson's title, shown in the page heading, the sidebar and the home page. */
  title: z.string().min(3, 'a title needs at least 3 characters'),
  /** The id of the part this lesson belongs to, as listed in `lessons/parts.yaml`. */
  part: z.string().min(1),
  /** The lesson's position inside its part, counting from 1. Two lessons of a part may not share it. */
  order: z.number().int().positive(),
  /** One or two sentences for the home page and search results. */
  summary: z.string().min(10, 'write a summary of at least 10 characters').max(300),
  /** What a learner can do after the lesson; each starts with a verb. At least one. */
  objectives: z.array(z.string().min(3)).min(1, 'list at least one learning objective'),
  /** Estimated minutes to finish the lesson, including its examples, exercises and quiz. */
  minutes: z.number().int().positive().max(240),
  /**
   * Set to `true` while writing: `npm run dev` still shows the lesson at its URL (marked as a
   * draft), but it is listed nowhere and the production build (`npm run build`) leaves it out.
   */
  draft: z.boolean().default(false),
})

/** A lesson's frontmatter after validation. @example const lesson: LessonFrontmatter = lessonSchema.parse(data) */
export type LessonFrontmatter = z.infer<typeof lessonSchema>

/**
 * One part of the course, from `lessons/parts.yaml`.
 *
 * @example
 * partSchema.parse({ id: 'by-hand', title: 'Login by hand', order: 1, description: 'Sessions from scratch.' })
 */
export const partSchema = strictObject({
  /** The part's id; lessons name it in their `part` field. */
  id: slug('by-hand'),
  /** The part's title, shown as a heading on the home page and in the sidebar. */
  title: z.string().min(3),
  /** The part's position in the course, counting from 1, shown as "Part N". No two parts share it. */
  order: z.number().int().positive(),
  /** One sentence on what the part covers. */
  description: z.string().min(10),
})

/** A course part after validation. @example const part: Part = partSchema.parse(data) */
export type Part = z.infer<typeof partSchema>
