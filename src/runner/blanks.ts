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
    message: `Fill in every blank (___) before checking. ${places.length === 1 ? 'One blank is' : `${places.length} blanks are`} left: ${where}.`,
  }
}
