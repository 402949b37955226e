import { transform, type Options } from 'sucrase'
import { compiledKey } from './run-request'
import { CompileError, describeThrown, runChecks, runModules, type Builtins } from './module-core'
import type { CodeError } from './verdict'

// The loader's public face: sucrase compiles each learner file, \`module-core.ts\` runs it.
export { CompileError, SOURCE_SCHEME, type Builtins } from './module-core'

const compileOptions = {
  transforms: ['typescript', 'imports'],
  production: true,
  keepUnusedImports: false,
} satisfies Options

/**
 * Turn a learner's TypeScript file into a CommonJS function body. Sucrase only strips types and
 * rewrites imports, so line numbers stay the same (columns can move; see {@link describeCodeError}).
 * The result is a pure function of path and source, so it is kept (up to {@link COMPILE_CACHE_CHARS})
 * and the same file is compiled once.
 *
 * @param path - the file's path, e.g. `app.ts`
 * @param source - its TypeScript source
 * @returns JavaScript
 * @throws a sucrase error, with `(line:column)` in its message, for a syntax error
 * @example
 * compileModule('app.ts', "import { Hono } from 'hono'\nexport default new Hono()")
 */
export function compileModule(path: string, source: string): string {
  const key = compiledKey(path, source)
  const cached = compiledCode.get(key)
  if (cached !== undefined) {
    // Most recently used last, so the oldest entry is the first to go.
    compiledCode.delete(key)
    compiledCode.set(key, cached)
    return cached
  }
  const code = transform(source, { ...compileOptions, filePath: path }).code
  compiledCode.set(key, code)
  cachedChars += key.length + code.length
  for (const [oldKey, oldCode] of compiledCode) {
    if (cachedChars <= COMPILE_CACHE_CHARS) break
    compiledCode.delete(oldKey)
    cachedChars -= oldKey.length + oldCode.length
  }
  return code
}

/**
 * Compile every code file (`.ts`, `.js`) that compiles. A file with a syntax error is left out, so
 * the realm that loads the files compiles it again and reports the error the way every runtime
 * does; other files (an exercise's `.sql`) are not code and are left out too.
 *
 * @param files - sources by path
 * @returns JavaScript by path, for the files that compiled
 * @example
 * loadModules(files, 'app.ts', builtins, { compiled: compileWhatCompiles(files) })
 */
export function compileWhatCompiles(
  files: Readonly<Record<string, string>>,
): Record<string, string> {
  const compiled: Record<string, string> = {}
  for (const [path, source] of Object.entries(files)) {
    if (!/\.[cm]?[jt]sx?$/.test(path)) continue
    try {
      compiled[path] = compileModule(path, source)
    } catch {
      // Left for the loader to report.
    }
  }
  return compiled
}

/**
 * How much compiled code {@link compileModule} keeps, in characters of source and output: a long-
 * lived grader (the Worker's, the Node process) compiles the same checks and the same unchanged
 * learner files run after run, and gets them back from here.
 *
 * @example
 * COMPILE_CACHE_CHARS // 4_000_000
 */
export const COMPILE_CACHE_CHARS = 4_000_000
const compiledCode = new Map<string, string>()
let cachedChars = 0

/**
 * Load a set of learner files as CommonJS modules, with `require` serving the builtins and the
 * files' relative imports. Returns the entry module's exports.
 *
 * @param files - sources by path
 * @param entry - the path to load first
 * @param builtins - modules the code may import by name
 * @param options - `compiled`: JavaScript already made by {@link compileModule}, by path (the
 *   WebContainer gets its code compiled in the page); other files are compiled here.
 *   `refuseRelative`: the message for any relative import (a learner's test file, which reaches
 *   the app only over HTTP)
 * @returns the entry's `module.exports`
 * @throws CompileError for a syntax error, or whatever the code throws while loading
 * @example
 * const exports = loadModules({ 'app.ts': source }, 'app.ts', { hono })
 * const app = exports.default
 */
export function loadModules(
  files: Record<string, string>,
  entry: string,
  builtins: Builtins,
  options: {
    compiled?: Readonly<Record<string, string>>
    refuseRelative?: (from: string, specifier: string) => string
  } = {},
): Record<string, unknown> {
  return runModules(files, entry, builtins, { ...options, compile: compileModule })
}

/**
 * Load an exercise's `checks.ts`, with the shared check files it imports, and return its default
 * export. The checks are `checks.ts` at the top of their own module set, so
 * `import … from '../_shared/current-user'` finds `_shared/current-user.ts` in `checkModules`; they
 * never see the learner's files. Every runtime and the build load checks through this function, or
 * through `runChecks` (module-core.ts) where all of them arrive compiled.
 *
 * @param checks - the TypeScript source of checks.ts
 * @param checkModules - shared check files by path under `exercises/` (`_shared/…`)
 * @param builtins - modules the checks may import by name (`signed-in/checks`, …)
 * @param compiled - JavaScript already compiled, by the same paths (`checks.ts` for checks.ts)
 * @returns the default export (`defineChecks([...])` or `defineScenario([...])`, when well written)
 * @throws CompileError for a syntax error, or whatever the checks throw while loading
 * @example
 * const module = loadChecks(bundle.checks, bundle.checkModules, courseBuiltins)
 */
export function loadChecks(
  checks: string,
  checkModules: Readonly<Record<string, string>> = {},
  builtins: Builtins = {},
  compiled: Readonly<Record<string, string>> = {},
): unknown {
  return runChecks(checks, checkModules, builtins, compiled, compileModule)
}

/**
 * Describe an error thrown by learner code: its message, and the learner's file, line and column
 * from the first stack frame in one of their files. Sucrase keeps lines but not always columns
 * (it removes types and adds a prologue on line 1), so with the sources at hand the column is
 * mapped back through sucrase's source map, made only now that it is needed.
 *
 * @param error - anything thrown
 * @param sources - the TypeScript sources by path, to map columns back
 * @returns the message and, when known, where
 * @example
 * describeCodeError(error, request.files) // { message: 'TypeError: …', file: 'app.ts', line: 15, column: 7 }
 */
export function describeCodeError(
  error: unknown,
  sources: Readonly<Record<string, string>> = {},
): CodeError {
  const described = describeThrown(error)
  const { file, line, column } = described
  if (error instanceof CompileError || file === undefined || line === undefined) return described
  const source = sources[file]
  const original = source === undefined ? null : originalPosition(file, source, line, column ?? 1)
  return original ? { ...described, ...original } : described
}

/** Where a 1-based line and column of compiled code came from in the TypeScript source. */
function originalPosition(
  path: string,
  source: string,
  line: number,
  column: number,
): { line: number; column: number } | null {
  let mappings: string
  try {
    const result = transform(source, {
      ...compileOptions,
      filePath: path,
      sourceMapOptions: { compiledFilename: path },
    })
    mappings = result.sourceMap?.mappings ?? ''
  } catch {
    return null
  }
  // Source map segments: generated column, source index, source line, source column (all deltas).
  let sourceLine = 0
  let sourceColumn = 0
  let best: { generated: number; line: number; column: number } | null = null
  const lines = mappings.split(';')
  for (let index = 0; index < line && index < lines.length; index++) {
    let generated = 0
    for (const segment of (lines[index] ?? '').split(',')) {
      if (!segment) continue
      const values = decodeVlq(segment)
      generated += values[0] ?? 0
      if (values.length < 4) continue
      sourceLine += values[2] ?? 0
      sourceColumn += values[3] ?? 0
      if (index === line - 1 && generated <= column - 1)
        best = { generated, line: sourceLine, column: sourceColumn }
    }
  }
  if (!best) return null
  return { line: best.line + 1, column: best.column + (column - 1 - best.generated) + 1 }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function decodeVlq(segment: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = BASE64.indexOf(char)
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}
