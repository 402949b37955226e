// What a failing check says about an error the app threw while Hono handled a request. Most
// errors are the learner's own and carry their file and line; one comes from Hono itself and
// deserves words of its own.
import { describeCodeError } from '../module-loader'
import { say } from '../sentences'
import type { CodeError } from '../verdict'

/** The start of the error Hono throws when a handler or middleware finished without a Response. */
const NOT_FINALIZED = 'Context is not finalized'

/**
 * Describe an error Hono caught while answering `method path`. Hono's own "Context is not
 * finalized" error has no frame in the learner's code, so it is told in words, and pointed at the
 * line that registers the route when exactly one line does (`app.get('/dashboard', …`).
 *
 * @param error - what Hono caught
 * @param request - the request's method and path
 * @param files - the learner's sources by path
 * @returns the description a failing check shows
 * @example
 * describeServerError(error, { method: 'GET', path: '/dashboard' }, files)
 * // { message: 'GET /dashboard ended without a response: …', file: 'app.ts', line: 52, column: 1 }
 */
export function describeServerError(
  error: unknown,
  request: { method: string; path: string },
  files: Readonly<Record<string, string>>,
): CodeError {
  if (!(error instanceof Error) || !error.message.startsWith(NOT_FINALIZED))
    return describeCodeError(error, files)
  const message = say.noResponse(`${request.method} ${request.path}`, error.message)
  const registered = whereRegistered(request, files)
  return registered ? { message, ...registered } : { message }
}

/** The one line registering a route for this method and path, if there is exactly one. */
function whereRegistered(
  request: { method: string; path: string },
  files: Readonly<Record<string, string>>,
): { file: string; line: number; column: number } | undefined {
  const path = request.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const method = request.method.toLowerCase()
  const pattern = new RegExp(`\\.(?:${method}|all)\\(\\s*(['"\`])${path}\\1`)
  const found: { file: string; line: number; column: number }[] = []
  for (const [file, source] of Object.entries(files))
    source.split('\n').forEach((text, index) => {
      const match = pattern.exec(text)
      if (match) found.push({ file, line: index + 1, column: match.index + 1 })
    })
  return found.length === 1 ? found[0] : undefined
}
