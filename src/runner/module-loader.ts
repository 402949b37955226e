import { transform } from 'sucrase'
import type { CodeError } from './verdict'

/** Modules learner code may import, by specifier (`hono`, `signed-in/login-manager`, …). */
export type Builtins = Readonly<Record<string, unknown>>

/** The scheme learner files get in stack traces, so errors can name the file. */
export const SOURCE_SCHEME = 'exercise:///'
const WRAPPER_START = '(function (require, module, exports) {'

/**
 * Turn a learner's TypeScript file into a CommonJS function body. Sucrase only strips types and
 * rewrites imports, so line numbers stay the same.
 *
 * @param path - the file's path, e.g. `app.ts`
 * @param source - its TypeScript source
 * @returns JavaScript
 * @example
 * compileModule('app.ts', "import { Hono } from 'hono'\nexport default new Hono()")
 */
export function compileModule(path: string, source: string): string {
  return transform(source, {
    transforms: ['typescript', 'imports'],
    filePath: path,
    production: true,
    keepUnusedImports: false,
  }).code
}

/** Thrown when the code cannot even be compiled; carries the file and position. */
export class CompileError extends Error {
  readonly location: CodeError
  /** @param location - what went wrong and where */
  constructor(location: CodeError) {
    super(location.message)
    this.location = location
  }
}

/**
 * Load a set of learner files as CommonJS modules, with `require` serving the builtins and the
 * files' relative imports. Returns the entry module's exports.
 *
 * @param files - sources by path
 * @param entry - the path to load first
 * @param builtins - modules the code may import by name
 * @param options - `precompiled` when the files are already CommonJS JavaScript
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
  options: { precompiled?: boolean } = {},
): Record<string, unknown> {
  const cache = new Map<string, { exports: Record<string, unknown> }>()
  const resolve = (from: string, specifier: string): string | null => {
    const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : ''
    const joined = normalisePath(base + specifier)
    for (const candidate of [
      joined,
      `${joined}.ts`,
      joined.replace(/\.js$/, '.ts'),
      `${joined}/index.ts`,
    ]) {
      if (Object.hasOwn(files, candidate)) return candidate
    }
    return null
  }
  const load = (path: string): Record<string, unknown> => {
    const cached = cache.get(path)
    if (cached) return cached.exports
    const module = { exports: {} as Record<string, unknown> }
    cache.set(path, module)
    let code: string
    try {
      code = options.precompiled ? (files[path] ?? '') : compileModule(path, files[path] ?? '')
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const position = /\((\d+):(\d+)\)/.exec(message)
      throw new CompileError({
        message: `Syntax error in ${path}: ${message.replace(/^Error transforming [^:]+: /, '')}`,
        file: path,
        ...(position ? { line: Number(position[1]), column: Number(position[2]) + 1 } : {}),
      })
    }
    const require = (specifier: string) => {
      if (specifier.startsWith('.')) {
        const target = resolve(path, specifier)
        if (!target)
          throw new Error(
            `${path} imports "${specifier}", but there is no such file in this exercise.`,
          )
        return load(target)
      }
      if (Object.hasOwn(builtins, specifier)) return builtins[specifier]
      throw new Error(
        `${path} imports "${specifier}", which is not available here. You can import ${Object.keys(
          builtins,
        )
          .map((name) => `"${name}"`)
          .join(', ')}, and this exercise's own files.`,
      )
    }
    // Indirect eval runs in the global scope, not here, and the wrapper shares the first line so
    // line numbers in stack traces match the learner's file.
    const factory = (0, eval)(
      `${WRAPPER_START}${code}\n})\n//# sourceURL=${SOURCE_SCHEME}${path}`,
    ) as (
      require: (specifier: string) => unknown,
      module: { exports: Record<string, unknown> },
      exports: Record<string, unknown>,
    ) => void
    factory(require, module, module.exports)
    return module.exports
  }
  return load(entry)
}

function normalisePath(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

/**
 * Describe an error thrown by learner code: its message, and the learner's file, line and column
 * from the first stack frame in one of their files.
 *
 * @param error - anything thrown
 * @returns the message and, when known, where
 * @example
 * describeCodeError(new Error('boom')) // { message: 'Error: boom', … }
 */
export function describeCodeError(error: unknown): CodeError {
  if (error instanceof CompileError) return error.location
  const message =
    error instanceof Error
      ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
      : String(error)
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  const frame = new RegExp(`${SOURCE_SCHEME.replace(/[/]/g, '\\/')}([^:\\s)]+):(\\d+):(\\d+)`).exec(
    stack,
  )
  if (!frame) return { message }
  const line = Number(frame[2])
  const column =
    line === 1 ? Math.max(1, Number(frame[3]) - WRAPPER_START.length) : Number(frame[3])
  return { message, file: frame[1] ?? '', line, column }
}
