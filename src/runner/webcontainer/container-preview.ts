// Runs inside the WebContainer as `node preview.mjs`: serves the learner's app with
// @hono/node-server, so the live preview can show it with real browser cookies.
import { serve } from '@hono/node-server'
import { readFile } from 'node:fs/promises'
import { courseBuiltins } from '../../grader/builtins'
import { loadModules } from '../../grader/module-loader'
import type { ChecksModule } from '../../grader/harness/checks'
import type { RunRequest } from '../../grader/run-request'
import { PREVIEW_PORT } from './protocol'

const request = JSON.parse(await readFile(process.argv[2] ?? 'request.json', 'utf8')) as RunRequest
// The app starts with the environment the checks give it (a SESSION_SECRET, say), as when graded.
const compiledChecks = request.compiled?.checks
const checks = loadModules({ 'checks.ts': request.checks }, 'checks.ts', courseBuiltins, {
  compiled: compiledChecks === undefined ? {} : { 'checks.ts': compiledChecks },
})['default'] as ChecksModule | undefined
Object.assign(process.env, checks?.env ?? {})
const app = loadModules(request.files, request.entry, courseBuiltins, {
  compiled: request.compiled?.files ?? {},
})['default'] as {
  fetch: (request: Request) => Response | Promise<Response>
}
serve({ fetch: app.fetch, port: Number(process.env['PORT'] ?? PREVIEW_PORT) }, (info) =>
  console.log(`Preview listening on ${info.port}`),
)
