import { compileWhatCompiles } from '../../grader/module-loader'
import type { RunRequest } from '../../grader/run-request'

/**
 * Compile a run request's TypeScript in the page, so the WebContainer's Node only runs plain
 * JavaScript (no type stripping inside). A file with a syntax error is left out of `compiled`: the
 * runner compiles it again and reports the error exactly as the other runtimes do.
 *
 * @param request - files and checks in TypeScript
 * @returns the same request, with `compiled` JavaScript
 * @example
 * const compiled = precompileRequest(requestFor(bundle, files))
 * Object.keys(compiled.compiled?.files ?? {}) // ['app.ts', 'users.ts']
 */
export function precompileRequest(request: RunRequest): RunRequest {
  const checks = compileWhatCompiles({ 'checks.ts': request.checks })['checks.ts']
  return {
    ...request,
    compiled: {
      files: compileWhatCompiles(request.files),
      ...(checks === undefined ? {} : { checks }),
      checkModules: compileWhatCompiles(request.checkModules ?? {}),
    },
  }
}
