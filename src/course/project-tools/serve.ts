// `npm start` in a downloaded project (bundled at site build time into tools/serve.mjs): serves
// the learner's app with @hono/node-server, loaded the way the course loads it (TypeScript
// compiled by the module loader, `signed-in/login-manager` and hono served to it). Blanks left in
// the code do not stop it: a request that reaches one answers 500, and Hono logs the blank's error.
// An app that imports `signed-in/db` gets SQLite as in a check: app.db in memory, from seed.sql.
import { serve } from '@hono/node-server'
import { mountDisk } from '../../db/disk'
import { blanksAsErrors, findBlanks } from '../../grader/blanks'
import { courseBuiltins } from '../../grader/builtins'
import type { ChecksModule } from '../../grader/harness/checks'
import { describeCodeError, loadModules } from '../../grader/module-loader'
import { usesDatabase } from '../../grader/run-request'
import { compileSqliteWasm } from '../sqlite-wasm'
import { readProject } from './read-project'

interface ServedApp {
  fetch: (request: Request) => Response | Promise<Response>
}

try {
  const { request } = readProject(process.cwd())
  for (const path of request.editable)
    for (const blank of findBlanks(request.files[path] ?? ''))
      console.warn(
        `A blank is left at ${path} line ${blank.line}, column ${blank.column}: a request that reaches it answers 500.`,
      )
  // The environment the checks start the app with (a session secret, say), unless set already.
  const checks = loadModules({ 'checks.ts': request.checks }, 'checks.ts', courseBuiltins)[
    'default'
  ] as ChecksModule | undefined
  for (const [name, value] of Object.entries(checks?.env ?? {})) process.env[name] ??= value
  const files = blanksAsErrors(request.editable, request.files)
  if (usesDatabase(files))
    await mountDisk({ wasm: await compileSqliteWasm(), files: {}, seed: request.seed })
  let app: ServedApp | undefined
  try {
    app = loadModules(files, request.entry, courseBuiltins)['default'] as ServedApp | undefined
  } catch (error) {
    throw new Error(`Your code could not start: ${describeCodeError(error, files).message}`)
  }
  if (!app || typeof app.fetch !== 'function')
    throw new Error(
      `${request.entry} must end with "export default app", where app is your Hono app.`,
    )
  const hostname = process.env['HOST'] ?? '127.0.0.1'
  const port = Number(process.env['PORT'] ?? 3000)
  serve({ fetch: app.fetch, port, hostname }, (info) =>
    console.log(
      `Your app is at http://${hostname === '127.0.0.1' ? 'localhost' : hostname}:${info.port}/ (Ctrl+C stops it)`,
    ),
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
