// A verdict in words for a terminal, check by check, as the exercise panel shows it: the authoring
// CLI (`npm run exercise -- check`) and `npm test` in a downloaded project print the same lines.
import type { Verdict } from '../grader/verdict'

/**
 * The lines that report a verdict: an example's printed lines, ✓ or ✗ per check with its message
 * and hint, the verdict's own message and where the code went wrong.
 *
 * @param verdict - from any runtime
 * @returns the lines, without a summary (see {@link verdictSummary})
 * @example
 * for (const line of verdictLines(await runInNode(bundle, files))) console.log(line)
 */
export function verdictLines(verdict: Verdict): string[] {
  const lines: string[] = []
  if (verdict.output) for (const line of verdict.output) lines.push(`  > ${line}`)
  for (const result of verdict.checks) {
    lines.push(`  ${result.passed ? '✓' : '✗'} ${result.name}`)
    if (result.message) lines.push(`      ${result.message}`)
    if (result.hint) lines.push(`      Hint: ${result.hint}`)
  }
  if (verdict.message) lines.push(`  ${verdict.message}`)
  if (verdict.error?.file) {
    const { file, line, column } = verdict.error
    lines.push(`  at (${file}${line ? `:${line}:${column ?? 1}` : ''})`)
  }
  return lines
}

/**
 * The last line of a report: `PASSED: 3 passed, 0 failed`, `FAILED: …`, `BLANKS: …`, `ERROR: …`.
 *
 * @param verdict - from any runtime
 * @returns one line
 * @example
 * verdictSummary({ status: 'passed', checks: [], timeline: [] }) // 'PASSED: 0 passed, 0 failed'
 */
export function verdictSummary(verdict: Verdict): string {
  const failed = verdict.checks.filter((check) => !check.passed).length
  const counts = verdict.output
    ? `${verdict.output.length} lines printed`
    : `${verdict.checks.length - failed} passed, ${failed} failed`
  return `${verdict.status === 'passed' ? 'PASSED' : verdict.status.toUpperCase()}: ${counts}`
}
