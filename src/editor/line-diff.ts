/** One line of a diff: kept, only in the learner's code (`removed`), or only in the solution (`added`). */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/**
 * A line diff from `before` to `after` (longest common subsequence), for "compare with the
 * solution". Fine for exercise-sized files (a few hundred lines).
 *
 * @param before - the learner's code
 * @param after - the solution
 * @returns the lines in order, each marked same, removed or added
 * @example
 * lineDiff('a\nb', 'a\nc') // [{kind:'same',text:'a'},{kind:'removed',text:'b'},{kind:'added',text:'c'}]
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n')
  const b = after.split('\n')
  const rows = a.length + 1
  const cols = b.length + 1
  const table = new Uint32Array(rows * cols)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0)
    }
  }
  const lines: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i] ?? '' })
      i++
      j++
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) {
      lines.push({ kind: 'removed', text: a[i++] ?? '' })
    } else {
      lines.push({ kind: 'added', text: b[j++] ?? '' })
    }
  }
  while (i < a.length) lines.push({ kind: 'removed', text: a[i++] ?? '' })
  while (j < b.length) lines.push({ kind: 'added', text: b[j++] ?? '' })
  return lines
}
