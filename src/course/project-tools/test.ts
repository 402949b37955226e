// `npm test` in a downloaded project (bundled at site build time into tools/test.mjs): grades the
// project's files with the exercise's checks in Node, exactly as the course's Node runtime does
// (the checks here, the app in a worker thread of its own, tools/app-thread.mjs), and prints the
// result check by check. Exits 0 when every check passed, 1 otherwise.
import { Worker } from 'node:worker_threads'
import { courseBuiltins } from '../../grader/builtins'
import { gradeInRealm } from '../../grader/realm/grade-in-realm'
import { runSignal } from '../../grader/time-limit'
import { NODE_TIME_LIMIT_MS, threadRealms } from '../thread-realms'
import { verdictLines, verdictSummary } from '../verdict-report'
import { readProject } from './read-project'

try {
  const { manifest, request } = readProject(process.cwd())
  const realms = threadRealms(
    () => new Worker(new URL('./app-thread.mjs', import.meta.url), { env: {} }),
  )
  const { signal, done } = runSignal(NODE_TIME_LIMIT_MS)
  const verdict = await gradeInRealm(request, realms, courseBuiltins, {}, signal)
  done()
  console.log(`${manifest.title} (${manifest.slug})\n`)
  for (const line of verdictLines(verdict)) console.log(line)
  console.log(`\n${verdictSummary(verdict)}`)
  process.exitCode = verdict.status === 'passed' ? 0 : 1
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
}
