/** One line of a diff: kept, only in the learner's code (`removed`), or only in the solution (`added`). */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/** A token of code and the 0-based line it starts on. */
interface Token {
  value: string
  line: number
}

const punctuation = /[^\s\w$'"`]/y
const word = /[\w$]+/y

/**
 * The tokens of TypeScript-like code, with what formatting changes left out: whitespace, line
 * breaks, comments, semicolons, trailing commas and the choice of quote. Not a full lexer: enough
 * to compare two versions of an exercise file.
 */
export function codeTokens(text: string): Token[] {
  const tokens: Token[] = []
  let line = 0
  let at = 0
  const advance = (to: number) => {
    for (let i = at; i < to; i++) if (text.charCodeAt(i) === 10) line++
    at = to
  }
  while (at < text.length) {
    const char = text[at] ?? ''
    if (/\s/.test(char)) {
      advance(at + 1)
    } else if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at)
      advance(end === -1 ? text.length : end)
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2)
      advance(end === -1 ? text.length : end + 2)
    } else if (char === '"' || char === "'" || char === '`') {
      let end = at + 1
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1
      const inner = text.slice(at + 1, end).replaceAll(`\\${char}`, char)
      tokens.push({ value: `${char === '`' ? '`' : '"'}${inner}`, line })
      advance(Math.min(end + 1, text.length))
    } else {
      const pattern = /[\w$]/.test(char) ? word : punctuation
      pattern.lastIndex = at
      const value = pattern.exec(text)?.[0] ?? char
      tokens.push({ value, line })
      advance(at + value.length)
    }
  }
  // Semicolons and trailing commas are formatting choices, not code.
  return tokens.filter(
    (token, index) =>
      token.value !== ';' &&
      !(token.value === ',' && [')', ']', '}', '>'].includes(tokens[index + 1]?.value ?? '')),
  )
}

/**
 * Compare the learner's code with the solution token by token, so that formatting never counts
 * as a difference (a call split over three lines equals the same call on one), and show the
 * result as lines: the learner's lines in order, each `same` or `removed` (it holds code the
 * solution does not), with the solution's lines that hold code the learner's lacks, `added`,
 * where they belong. Fine for exercise-sized files.
 *
 * @param before - the learner's code
 * @param after - the solution
 * @returns the lines in order, each marked same, removed or added
 * @example
 * lineDiff('a\nb', 'a\nc') // [{kind:'same',text:'a'},{kind:'removed',text:'b'},{kind:'added',text:'c'}]
 * lineDiff('f(a,\n  b)', "f(a, b);").every((line) => line.kind === 'same') // true
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = codeTokens(before)
  const b = codeTokens(after)
  const cols = b.length + 1
  const table = new Uint32Array((a.length + 1) * cols)
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * cols + j] =
        a[i]?.value === b[j]?.value
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0)
  // Walk the alignment: each step is a learner token (kept or removed) or a solution token added.
  const steps: Array<{ side: 'a' | 'b'; line: number; differs: boolean }> = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]?.value === b[j]?.value) {
      steps.push({ side: 'a', line: a[i++]?.line ?? 0, differs: false })
      j++
    } else if (
      j >= b.length ||
      (i < a.length && (table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0))
    ) {
      steps.push({ side: 'a', line: a[i++]?.line ?? 0, differs: true })
    } else {
      steps.push({ side: 'b', line: b[j++]?.line ?? 0, differs: true })
    }
  }
  const learnerLines = before.split('\n')
  const solutionLines = after.split('\n')
  const learnerDiffers = new Set(
    steps.filter((s) => s.side === 'a' && s.differs).map((s) => s.line),
  )
  const lines: DiffLine[] = []
  let nextLearnerLine = 0
  const emitLearnerUpTo = (line: number) => {
    for (; nextLearnerLine <= line; nextLearnerLine++)
      lines.push({
        kind: learnerDiffers.has(nextLearnerLine) ? 'removed' : 'same',
        text: learnerLines[nextLearnerLine] ?? '',
      })
  }
  const shownSolutionLines = new Set<number>()
  for (const step of steps) {
    if (step.side === 'a') emitLearnerUpTo(step.line)
    else if (!shownSolutionLines.has(step.line)) {
      shownSolutionLines.add(step.line)
      lines.push({ kind: 'added', text: solutionLines[step.line] ?? '' })
    }
  }
  emitLearnerUpTo(learnerLines.length - 1)
  return lines
}
