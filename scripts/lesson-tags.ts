// Shared by the authoring CLIs (`npm run exercise -- new`, `npm run quiz -- new`): find a lesson,
// and place a component tag in it.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The slugs of the lessons in `lessons/`, sorted.
 *
 * @example
 * lessonSlugs() // ['authorization', 'how-a-login-works', …]
 */
export function lessonSlugs(): string[] {
  return readdirSync('lessons')
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort()
}

/**
 * The value after `--name` in a list of flags, and the flags left over.
 *
 * @example
 * takeFlag(['--lesson', 'x', '--kind', 'debug'], '--lesson') // { value: 'x', rest: ['--kind', 'debug'] }
 */
export function takeFlag(flags: string[], name: string): { value?: string; rest: string[] } {
  const index = flags.indexOf(name)
  if (index < 0) return { rest: flags }
  const value = flags[index + 1]
  return {
    ...(value === undefined ? {} : { value }),
    rest: flags.filter((_flag, i) => i !== index && i !== index + 1),
  }
}

/**
 * Why `lesson` cannot take a new tag (a sentence for the author), or undefined when it can.
 *
 * @example
 * lessonProblem(undefined) // 'Say which lesson shows it: --lesson <lesson-slug>. The lessons are: …'
 */
export function lessonProblem(lesson: string | undefined): string | undefined {
  const lessons = lessonSlugs()
  if (lesson && lessons.includes(lesson)) return undefined
  return `${lesson ? `lessons/${lesson}.mdx does not exist: "${lesson}" is not a lesson.` : 'Say which lesson shows it: --lesson <lesson-slug>.'} The lessons are: ${lessons.join(', ')}.`
}

/**
 * Put `tag` into `lessons/<lesson>.mdx`: just before its "Recap" (or "Summary") heading when there
 * is one, otherwise at the end. Headings inside code fences do not count.
 *
 * @param lesson - the lesson's slug
 * @param tag - such as `<Exercise slug="fix-the-bug" />`
 * @returns the lesson's path
 * @example
 * insertTag('the-login-manager', '<Quiz slug="more-practice" />') // 'lessons/the-login-manager.mdx'
 */
export function insertTag(lesson: string, tag: string): string {
  const path = join('lessons', `${lesson}.mdx`)
  if (!existsSync(path)) throw new Error(`${path} does not exist.`)
  const lines = readFileSync(path, 'utf8').split('\n')
  let fenced = false
  let recap = -1
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    else if (!fenced && /^#{1,3}\s+(recap|summary)\b/i.test(line)) recap = index
  })
  if (recap >= 0) {
    lines.splice(recap, 0, ...(lines[recap - 1]?.trim() === '' ? [] : ['']), tag, '')
  } else {
    while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop()
    lines.push('', tag, '')
  }
  writeFileSync(path, lines.join('\n'))
  return path
}
