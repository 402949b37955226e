// Runs inside the WebContainer as `node runner.mjs`: grades /exercise/request.json with the same
// harness as the other runtimes, reports an example's lines as they are printed, and prints the
// verdict on one marked line.
import { readFile } from 'node:fs/promises'
import { courseBuiltins } from '../builtins'
import { runExercise } from '../run-exercise'
import type { RunRequest } from '../run-request'
import { OUTPUT_MARKER, VERDICT_MARKER } from './protocol'

const request = JSON.parse(await readFile(process.argv[2] ?? 'request.json', 'utf8')) as RunRequest
const verdict = await runExercise(request, courseBuiltins, {
  onOutput: (output, index) =>
    process.stdout.write(`\n${OUTPUT_MARKER}${JSON.stringify({ output, index })}\n`),
})
process.stdout.write(`\n${VERDICT_MARKER}${JSON.stringify(verdict)}\n`)
