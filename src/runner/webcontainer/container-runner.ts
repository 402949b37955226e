// Runs inside the WebContainer as `node runner.mjs`: grades /exercise/request.json with the same
// harness as the other runtimes and prints the verdict on one marked line.
import { readFile } from 'node:fs/promises'
import { courseBuiltins } from '../builtins'
import { runExercise } from '../run-exercise'
import type { RunRequest } from '../run-request'
import { VERDICT_MARKER } from './protocol'

const request = JSON.parse(await readFile(process.argv[2] ?? 'request.json', 'utf8')) as RunRequest
const verdict = await runExercise(request, courseBuiltins)
process.stdout.write(`\n${VERDICT_MARKER}${JSON.stringify(verdict)}\n`)
