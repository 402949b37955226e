import { utf8 } from './encoding'

/**
 * Placeholder words found in sample configs and tutorials (`express-session`'s `keyboard cat`,
 * `changeme`, `your-secret-key`, …). All are seven letters or more, so a random secret contains
 * one by chance with a probability below one in a million.
 */
const PLACEHOLDERS = [
  'changeme',
  'changethis',
  'replaceme',
  'yoursecret',
  'secretkey',
  'mysecret',
  'supersecret',
  'notsecret',
  'keyboardcat',
  'placeholder',
  'example',
  'insecure',
  'password',
  'default',
] as const

/** The fewest bytes a secret may have: 256 bits, as many as HMAC-SHA256 can use. */
export const MIN_SECRET_BYTES = 32

/**
 * Why a signing secret is too weak to use, or null when it will do. The reason never quotes the
 * secret.
 *
 * @param secret - the secret given to `session()`
 * @returns a short reason, or null
 * @example
 * secretWeakness('a'.repeat(32)) // 'it is one character repeated'
 * secretWeakness('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08') // null
 */
export function secretWeakness(secret: string): string | null {
  const bytes = utf8(secret).length
  if (bytes < MIN_SECRET_BYTES)
    return `it is only ${bytes} bytes long, and needs ${MIN_SECRET_BYTES}`
  if (secret.trim() === '') return 'it is only whitespace'
  if (new Set(secret).size === 1) return 'it is one character repeated'
  const period = repeatingPeriod(secret)
  if (period !== null) return `it is a pattern of ${period} characters repeated`
  if (new Set(secret).size < 8) return `it uses only ${new Set(secret).size} different characters`
  const letters = secret.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (PLACEHOLDERS.some((word) => letters.includes(word)))
    return 'it contains a well-known placeholder word'
  return null
}

/** The shortest period, at most half the length, with which the text repeats itself; or null. */
function repeatingPeriod(text: string): number | null {
  for (let period = 1; period <= text.length / 2; period++) {
    let repeats = true
    for (let i = period; i < text.length && repeats; i++) repeats = text[i] === text[i - period]
    if (repeats) return period
  }
  return null
}
