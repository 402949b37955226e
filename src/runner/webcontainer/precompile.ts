import { compileModule } from '../../grader/module-loader'
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
  const files: Record<string, string> = {}
  for (const [path, source] of Object.entries(request.files)) {
    const code = tryCompile(path, source)
    if (code !== undefined) files[path] = code
  }
  const checkModules: Record<string, string> = {}
  for (const [path, source] of Object.entries(request.checkModules ?? {})) {
    const code = tryCompile(path, source)
    if (code !== undefined) checkModules[path] = code
  }
  const checks = tryCompile('checks.ts', request.checks)
  return {
    ...request,
    compiled: { files, ...(checks === undefined ? {} : { checks }), checkModules },
  }
}

function tryCompile(path: string, source: string): string | undefined {
  try {
    return compileModule(path, source)
  } catch {
    return undefined
  }
}
