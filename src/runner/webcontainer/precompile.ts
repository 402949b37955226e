import { compileModule } from '../module-loader'
import type { RunRequest } from '../run-request'

/**
 * Compile a run request's TypeScript in the page, so the WebContainer's Node only runs plain
 * JavaScript (no type stripping inside). Syntax errors are left in place as a throwing module,
 * so the verdict reports them the same way as the other runtimes.
 *
 * @param request - files and checks in TypeScript
 * @returns the same request in JavaScript, marked `precompiled`
 * @example
 * const compiled = precompileRequest(requestFor(bundle, files))
 */
export function precompileRequest(request: RunRequest): RunRequest {
  const compile = (path: string, source: string) => {
    try {
      return compileModule(path, source)
    } catch (error) {
      return `throw new SyntaxError(${JSON.stringify(`Syntax error in ${path}: ${error instanceof Error ? error.message : String(error)}`)})`
    }
  }
  return {
    ...request,
    files: Object.fromEntries(
      Object.entries(request.files).map(([path, source]) => [path, compile(path, source)]),
    ),
    checks: compile('checks.ts', request.checks),
    precompiled: true,
  }
}
