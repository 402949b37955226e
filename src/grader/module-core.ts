// Running learner code that is already JavaScript: the CommonJS loader with its `require`, and
// the description of what the code throws. No compiler in here, so a realm whose code arrives
// compiled (the app Worker) never loads sucrase; `module-loader.ts` adds the compiler on top.
import type { CodeError } from './verdict'

/**
 * Modules learner code may import, by specifier (`hono`, `signed-in/login-manager`, …).
 *
 * @example
 * const builtins: Builtins = { hono: await import('hono') }
 */
export type Builtins = Readonly<Record<string, unknown>>

/**
 * The scheme learner files get in stack traces, so errors can name the file.
 *
 * @example
 * new Error().stack // '… at exercise:///app.ts:15:7'
 */
export const SOURCE_SCHEME = 'exercise:///'
const WRAPPER_START = '(function (require, module, exports) {'
// Captured when this module loads: the Worker removes `eval` from its global scope before learner
// code runs (see worker/sandbox.ts), and only this loader may still turn text into code. Calling it
// through a variable is an indirect eval, so code runs in the global scope, not in here.
const evaluate = globalThis.eval

/**
 * Thrown when the code cannot even be compiled; carries the file and position.
 *
 * @example
 * throw new CompileError({ message: 'Syntax error in app.ts: Unexpected token', file: 'app.ts', line: 3, column: 1 })
 */
export class CompileError extends Error {
  readonly location: CodeError
  /** @param location - what went wrong and where */
  constructor(location: CodeError) {
    super(location.message)
    this.location = location
  }
}

/**
 * Run a set of learner files as CommonJS modules, with `require` serving the builtins and the
 * files' relative imports, and return the entry module's exports. This is the loader without a
 * compiler: each file's JavaScript comes from `compiled`, or from `compile` when it is missing
 * there. `module-loader.ts` passes sucrase as `compile`; a realm whose code arrives compiled (the
 * app Worker) runs without one.
 *
 * @param files - sources by path
 * @param entry - the path to load first
 * @param builtins - modules the code may import by name
 * @param options - `compiled`: JavaScript already compiled, by path. `compile`: turns a file's
 *   source into JavaScript, throwing for a syntax error. `refuseRelative`: the message for any
 *   relative import (a learner's test file, which reaches the app only over HTTP)
 * @returns the entry's `module.exports`
 * @throws CompileError for a syntax error, or whatever the code throws while loading
 * @example
 * const exports = runModules(files, 'app.ts', builtins, { compiled })
 * const app = exports.default
 */
export function runModules(
  files: Record<string, string>,
  entry: string,
  builtins: Builtins,
  options: {
    compiled?: Readonly<Record<string, string>>
    compile?: (path: string, source: string) => string
    refuseRelative?: (from: string, specifier: string) => string
  } = {},
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
      code = options.compiled?.[path] ?? compileWith(options.compile, path, files[path] ?? '')
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const position = /\((\d+):(\d+)\)/.exec(message)
      throw new CompileError({
        // The position is kept as line and column (1-based) and shown once, from those.
        message: `Syntax error in ${path}: ${message.replace(/^Error transforming [^:]+: /, '').replace(/\s*\(\d+:\d+\)$/, '')}`,
        file: path,
        ...(position ? { line: Number(position[1]), column: Number(position[2]) + 1 } : {}),
      })
    }
    const require = (specifier: string) => {
      if (specifier.startsWith('.')) {
        if (options.refuseRelative) throw new Error(options.refuseRelative(path, specifier))
        const target = resolve(path, specifier)
        if (!target)
          throw new Error(
            `${path} imports "${specifier}", but there is no such file in this exercise.`,
          )
        return load(target)
      }
      if (Object.hasOwn(builtins, specifier)) return builtins[specifier]
      throw new Error(
        `${path} imports "${specifier}", which is not available here. You can import ${describeBuiltins(builtins)}, and this exercise's own files.`,
      )
    }
    // Indirect eval runs in the global scope, not here, and the wrapper shares the first line so
    // line numbers in stack traces match the learner's file.
    const factory = evaluate(
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

/**
 * Run an exercise's `checks.ts`, with the shared check files it imports, and return its default
 * export. The checks are `checks.ts` at the top of their own module set, so
 * `import … from '../_shared/current-user'` finds `_shared/current-user.ts` in `checkModules`; they
 * never see the learner's files. `loadChecks` in `module-loader.ts` is this with the compiler.
 *
 * @param checks - the TypeScript source of checks.ts
 * @param checkModules - shared check files by path under `exercises/` (`_shared/…`)
 * @param builtins - modules the checks may import by name (`signed-in/checks`, …)
 * @param compiled - JavaScript already compiled, by the same paths (`checks.ts` for checks.ts)
 * @param compile - compiles a file missing from `compiled`
 * @returns the default export (`defineChecks([...])` or `defineScenario([...])`, when well written)
 * @throws CompileError for a syntax error, or whatever the checks throw while loading
 * @example
 * const module = runChecks(bundle.checks, bundle.checkModules, checksBuiltins, compiled)
 */
export function runChecks(
  checks: string,
  checkModules: Readonly<Record<string, string>> = {},
  builtins: Builtins = {},
  compiled: Readonly<Record<string, string>> = {},
  compile?: (path: string, source: string) => string,
): unknown {
  return runModules({ ...checkModules, 'checks.ts': checks }, 'checks.ts', builtins, {
    compiled,
    ...(compile ? { compile } : {}),
  })['default']
}

/** The importable names, with a package's many subpaths summed up: `"hono" (and 64 "hono/…" subpaths such as "hono/cookie")`. */
function describeBuiltins(builtins: Builtins): string {
  const names = Object.keys(builtins)
  return names
    .filter((name) => !names.includes(name.split('/')[0] ?? '') || !name.includes('/'))
    .map((name) => {
      const subpaths = names.filter((other) => other.startsWith(`${name}/`))
      return subpaths.length > 2
        ? `"${name}" (and ${subpaths.length} "${name}/…" subpaths such as "${subpaths.includes(`${name}/cookie`) ? `${name}/cookie` : subpaths[0]}")`
        : [name, ...subpaths].map((each) => `"${each}"`).join(', ')
    })
    .join(', ')
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
 * Describe an error thrown by learner code from what it carries: its message and, from the first
 * stack frame in a learner's file, that file with the line and column in the compiled JavaScript.
 * Sucrase keeps lines, so the line is the learner's; `describeCodeError` in `module-loader.ts`
 * maps the column back to the TypeScript source as well.
 *
 * @param error - anything thrown
 * @returns the message and, when known, where
 * @example
 * describeThrown(error) // { message: 'TypeError: …', file: 'app.ts', line: 15, column: 7 }
 */
export function describeThrown(error: unknown): CodeError {
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
  // Line 1 of the evaluated text starts with the CommonJS wrapper.
  const column =
    line === 1 ? Math.max(1, Number(frame[3]) - WRAPPER_START.length) : Number(frame[3])
  return { message, file: frame[1] ?? '', line, column }
}

/** A file's JavaScript from `compile`, or a clear error when there is no compiler here. */
function compileWith(
  compile: ((path: string, source: string) => string) | undefined,
  path: string,
  source: string,
): string {
  if (!compile) throw new Error(`${path} was not compiled, and there is no compiler here.`)
  return compile(path, source)
}
