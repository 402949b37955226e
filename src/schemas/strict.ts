import { z } from 'zod'

/**
 * A strict object for content files: a misspelt key (`editible: false`) is an error naming the key
 * and the fields that do exist, instead of being silently dropped. Every content schema (lesson,
 * part, exercise, quiz) builds its objects with this.
 *
 * @param shape - the object's fields
 * @returns a Zod object schema that rejects unknown keys
 * @example
 * const schema = strictObject({ title: z.string() })
 * schema.safeParse({ title: 'A', titel: 'B' }).error?.issues[0]?.message
 * // 'unknown field "titel": check the spelling (the fields are title)'
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.keys(shape).join(', ')
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}: check the spelling (the fields are ${fields})`
        : undefined,
  })
}

/** The slug rule, written once: lowercase letters, digits and dashes. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A slug or id: lowercase letters, digits and single dashes (`login-user`, `the-login-manager`).
 * Lesson file names, exercise folders, quiz files, part ids and quiz ids all follow it.
 *
 * @param example - shown in the error message, such as `the-login-manager`
 * @returns a Zod string schema
 * @example
 * slug('the-login-manager').parse('the-login-manager') // 'the-login-manager'
 */
export function slug(example = 'login-user') {
  return z.string().regex(SLUG, `use lowercase letters, digits and dashes only, e.g. "${example}"`)
}

/**
 * Whether a text follows the slug rule, for the authoring scripts.
 *
 * @param text - a candidate slug
 * @returns true for `the-login-manager`, false for `The_Login` or `a--b`
 * @example
 * isSlug('fix-the-open-redirect') // true
 */
export function isSlug(text: string): boolean {
  return SLUG.test(text)
}
