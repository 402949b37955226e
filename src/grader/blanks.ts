import { say } from './sentences'
import type { Verdict } from './verdict'

/**
 * The marker a starter file uses for a blank the learner fills in.
 *
 * @example
 * starter.includes(BLANK) // true while blanks remain
 */
export const BLANK = '___'

/**
 * Where a blank sits in a file: 1-based line and column, and 0-based offset.
 *
 * @example
 * findBlanks('x = ___')[0] // { line: 1, column: 5, offset: 4 }
 */
export interface BlankPosition {
  line: number
  column: number
  offset: number
}

/**
 * Every blank (`___`) in a text, in order. A run of more underscores counts as one blank.
 *
 * @param text - a source file
 * @returns the blanks' positions
 * @example
 * findBlanks('a\nconst x = ___') // [{ line: 2, column: 11, offset: 12 }]
 */
export function findBlanks(text: string): BlankPosition[] {
  const blanks: BlankPosition[] = []
  const pattern = /_{3,}/g
  let line = 1
  let lineStart = 0
  let scanned = 0
  for (const match of text.matchAll(pattern)) {
    const offset = match.index
    for (let i = scanned; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++
        lineStart = i + 1
      }
    }
    scanned = offset
    blanks.push({ line, column: offset - lineStart + 1, offset })
  }
  return blanks
}

/**
 * The blank to jump to from a cursor offset, going forward (Tab) or back (Shift+Tab), wrapping
 * around. `null` when there are no blanks.
 *
 * @param blanks - from {@link findBlanks}
 * @param offset - the cursor's offset
 * @param direction - 1 for the next blank, -1 for the previous one
 * @returns the blank, or null
 * @example
 * nextBlank(findBlanks('___ x ___'), 0, 1)?.offset // 6
 */
export function nextBlank(
  blanks: readonly BlankPosition[],
  offset: number,
  direction: 1 | -1,
): BlankPosition | null {
  if (blanks.length === 0) return null
  if (direction === 1) return blanks.find((blank) => blank.offset > offset) ?? blanks[0] ?? null
  return [...blanks].reverse().find((blank) => blank.offset < offset) ?? blanks.at(-1) ?? null
}

/**
 * Blanks left in the editable files, as a verdict that names each file and line, or null when
 * every blank is filled. Every runtime and the editor use it, so the message is the same everywhere.
 *
 * @param editable - the paths the learner may edit
 * @param files - the learner's files
 * @returns a `blanks` verdict, or null
 * @example
 * blanksVerdict(['app.ts'], { 'app.ts': 'const a = ___' })?.message
 * // 'Fill in every blank (___) before checking. One blank is left: app.ts line 1.'
 */
export function blanksVerdict(
  editable: readonly string[],
  files: Record<string, string>,
): Verdict | null {
  const places = editable.flatMap((path) =>
    findBlanks(files[path] ?? '').map((blank) => ({
      path,
      line: blank.line,
      column: blank.column,
    })),
  )
  if (places.length === 0) return null
  const lines = new Map<string, number>()
  for (const place of places)
    lines.set(
      `${place.path} line ${place.line}`,
      (lines.get(`${place.path} line ${place.line}`) ?? 0) + 1,
    )
  const where = [...lines]
    .map(([line, count]) => (count > 1 ? `${line} (${count} blanks)` : line))
    .join(', ')
  return {
    status: 'blanks',
    checks: [],
    timeline: [],
    blanks: places,
    message: say.fillInBlanks(places.length, where),
  }
}

/**
 * The files with every blank in an editable file replaced by code that fails only when it is
 * reached, with an error naming the blank: "blank left at app.ts line 16". So code with blanks can
 * be graded: a check that reaches a blank fails saying which, and the others run as they would.
 * Line numbers are kept. A blank in a value position (`?? ___`, `remember: ___`) throws when it is
 * evaluated; a blank that is called (`___(c)`, `___<User>()`) throws when called with arguments,
 * and called with none gives back a function that throws when called, so a middleware factory
 * left blank fails on the requests it guards rather than when the app starts. A blank that starts
 * a line stays a statement of its own after a line with no semicolon.
 *
 * @param editable - the paths the learner may edit
 * @param files - the learner's files
 * @returns the files, with blanks replaced (the same object when there are none)
 * @example
 * blanksAsErrors(['app.ts'], { 'app.ts': 'const a = ___' })['app.ts']
 * // 'const a = (() => { throw Object.assign(new Error("blank left at app.ts line 1"), …) })()'
 */
export function blanksAsErrors(
  editable: readonly string[],
  files: Record<string, string>,
): Record<string, string> {
  let changed: Record<string, string> | null = null
  for (const path of editable) {
    const text = files[path]
    if (text === undefined) continue
    const blanks = findBlanks(text)
    if (blanks.length === 0) continue
    let result = ''
    let from = 0
    for (const blank of blanks) {
      const length = /^_+/.exec(text.slice(blank.offset))?.[0].length ?? BLANK.length
      const after = text.slice(blank.offset + length).trimStart()[0]
      // No stack: its column would point inside this replacement; the message names the line.
      const message = JSON.stringify(`blank left at ${path} line ${blank.line}`)
      const error = `Object.assign(new Error(${message}), { stack: ${message} })`
      const thrower = `(() => { throw ${error} })()`
      const before = text[blank.offset - 1]
      const quote = before === "'" || before === '"' || before === '`' ? before : undefined
      let start = blank.offset
      let end = blank.offset + length
      let replacement: string
      if (quote && text[end] === quote) {
        // A blank that is a whole string ('___'): the string becomes the throwing expression.
        start -= 1
        end += 1
        replacement = thrower
      } else if (before === '.' && text[blank.offset - 2] !== '.') {
        // A blank in a member position (session.___('key')): read it as [expression], which throws
        // when the member is looked up; `?.___` keeps its `?.`.
        if (text[blank.offset - 2] !== '?') start -= 1
        replacement = `[${thrower}]`
      } else {
        replacement =
          after === '(' || after === '<'
            ? `((...args) => { if (args.length) throw ${error}; return () => { throw ${error} } })`
            : thrower
      }
      // At the start of a line, a replacement that begins with `(` would continue the line before
      // when that line has no semicolon (`const a = 1` then `(…)()` reads as `1(…)()`). Led by
      // `new` instead, it cannot continue a finished statement, yet still continues an unfinished
      // one (`x ??` then the blank), and `new (function () { return r })()` is r itself.
      const lineStart = text.lastIndexOf('\n', start - 1) + 1
      if (replacement.startsWith('(') && /^\s*$/.test(text.slice(lineStart, start)))
        replacement = `new (function () { return ${replacement} })()`
      result += text.slice(from, start) + replacement
      from = end
    }
    changed ??= { ...files }
    changed[path] = result + text.slice(from)
  }
  return changed ?? files
}
