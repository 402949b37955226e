import { reasonOf, say } from '../sentences'
// The app's side of a run: load the learner's modules, answer requests, and report what the
// grader asks about (the clock, the work counters). It runs in its own realm in every runtime
// (an app Worker, a worker thread, a process in the WebContainer) and never decides a verdict.
// A realm of the same kind, with no app started, runs a learner's test file (mutant grading).
import type { WorkCounters } from '../../login-manager/work-counters'
import { importedSpecifiers, loadBuiltins, type BuiltinLoaders } from '../builtin-modules'
import { describeThrown, runModules } from '../module-core'
import type { CodeError } from '../verdict'
import { collectTests, runTests } from '../testing/suite'
import type { AppCall, AppReply, AppStart, AskHandler, TestRun, WireRequest } from './protocol'
import { fromWire, toWire } from './wire'

// Loaded only when needed, so a realm starts with neither sucrase nor SQLite compiled: the
// compiler, for code that arrives uncompiled and to map an error's column back to the learner's
// TypeScript; the disk, for an app that imports `signed-in/db`.
const compiler = () => import('../module-loader')
const errorWords = () => import('./server-errors')
const disk = () => import('../../db/disk')
/**
 * Load now what a realm otherwise loads when first needed (the compiler, the words for server
 * errors, the disk): a spare realm does so while it waits, and a Node realm before learner code
 * runs, as Node builds some of its globals lazily and learner code may patch built-ins.
 *
 * @returns once loaded
 * @example
 * await loadRealmHelpers()
 */
export async function loadRealmHelpers(): Promise<void> {
  await Promise.all([compiler(), errorWords(), disk()])
}
/** Which files are code, and so need compiling. */
const CODE_FILE = /\.[cm]?[jt]sx?$/

interface HonoLike {
  request(url: string, init: RequestInit): Response | Promise<Response>
  fetch?: (request: Request) => Response | Promise<Response>
  onError?: (
    handler: (
      error: Error,
      c: {
        text(body: string, status: number): Response
        newResponse(body: ReadableStream | null, init: Response): Response
        req: { method: string; path: string }
      },
    ) => Response,
  ) => unknown
}

/**
 * Options for {@link createAppRealm}.
 *
 * @example
 * createAppRealm(courseBuiltins, { scope: globalThis })
 */
export interface AppRealmOptions {
  /**
   * The realm's global object, when this realm is the app's alone: its `process.env` and `Date`
   * are then set from the start call and the clock calls. Leave it out in a shared realm (the
   * in-process runtime), where the app sees the host's environment and clock.
   */
  scope?: typeof globalThis
  /**
   * Where this realm gets sql.js's compiled WebAssembly when the start call brings none (the
   * WebContainer's app process compiles its own copy from the mounted tree).
   */
  sqliteWasm?: () => Promise<WebAssembly.Module>
}

/**
 * An app realm: answers {@link AppCall}s with {@link AppReply}s, as plain data.
 *
 * @example
 * const realm = createAppRealm(courseModules, { scope: globalThis })
 * await realm.handle({ type: 'start', files, entry: 'app.ts', env: {}, clockOffsetMs: 0 })
 */
export interface AppRealm {
  /** Answer `call`; `ask` reaches the grader while answering (a test realm's requests). */
  handle(call: AppCall, ask?: AskHandler): Promise<AppReply>
  /** The learner's app once started, for servers that pass it real requests (the WebContainer). */
  readonly app: HonoLike | undefined
}

/**
 * Make the app's side of a run. The first call must be `start`. The realm loads, of `modules`,
 * only what the learner's code imports, when it starts.
 *
 * @param modules - the modules the learner's code may import (this realm's own copies), as loaders
 * @param options - see {@link AppRealmOptions}
 * @returns the realm
 * @example
 * const realm = createAppRealm(courseModules, { scope: globalThis })
 * const reply = await realm.handle({ type: 'request', url: '/', method: 'GET', headers: [], body: null })
 */
export function createAppRealm(modules: BuiltinLoaders, options: AppRealmOptions = {}): AppRealm {
  const clock = options.scope ? installClock(options.scope) : undefined
  let loginManager: { readWorkCounters?: () => WorkCounters } | undefined
  let app: HonoLike | undefined
  let files: Record<string, string> = {}
  // What Hono caught, described when the reply is sent (describing may load the compiler).
  const caught: { error: unknown; request: { method: string; path: string } }[] = []
  // A position in the learner's TypeScript needs sucrase's source map. Should sucrase fail to
  // load (learner code may have broken a built-in it relies on), the compiled position still helps.
  const describe = async (error: unknown): Promise<CodeError> => {
    try {
      return (await compiler()).describeCodeError(error, files)
    } catch {
      return describeThrown(error)
    }
  }
  const take = async (): Promise<CodeError[]> => {
    const taken = caught.splice(0)
    if (taken.length === 0) return []
    const words = await errorWords().catch(() => undefined)
    return Promise.all(
      taken.map(({ error, request }) =>
        words ? words.describeServerError(error, request, files) : describe(error),
      ),
    )
  }

  async function start(call: AppStart): Promise<AppReply> {
    files = call.files
    if (options.scope) setEnvironment(options.scope, call.env)
    clock?.set(call.clockOffsetMs)
    if (call.database) {
      try {
        const wasm = call.database.wasm ?? (await options.sqliteWasm?.())
        if (!wasm) throw new Error('SQLite is not available in this runtime.')
        const { mountDisk } = await disk()
        await mountDisk({ wasm, files: call.database.files, seed: call.database.seed })
      } catch (error) {
        const message = reasonOf(error)
        return { type: 'start-failed', message: say.databaseFailed(message), error: { message } }
      }
    }
    let loaded: HonoLike
    try {
      const { compiled, compile } = await compiledCode(call.files, call.compiled ?? {})
      const imported = importedSpecifiers(Object.values(compiled))
      const builtins = await loadBuiltins(modules, imported)
      if (imported.has('signed-in/login-manager'))
        loginManager = builtins['signed-in/login-manager'] as typeof loginManager
      loaded = runModules(call.files, call.entry, builtins, {
        compiled,
        ...(compile ? { compile } : {}),
      })['default'] as HonoLike
    } catch (error) {
      const described = await describe(error)
      return {
        type: 'start-failed',
        message: say.couldNotStart(described.message),
        error: described,
      }
    }
    if (!loaded || typeof loaded.request !== 'function') {
      return {
        type: 'start-failed',
        message: say.noDefaultExport(call.entry),
        error: { message: 'No default export of a Hono app', file: call.entry },
      }
    }
    // Hono turns a thrown error into a bare 500. Unless the learner handles errors themselves,
    // keep the error so a failing check can say what was thrown and where. An HTTPException (the
    // 403 of hono/csrf, say) is an answer, not a crash: it keeps its own response, as in Hono.
    if (
      !Object.values(call.files).some((source) => source.includes('.onError(')) &&
      typeof loaded.onError === 'function'
    ) {
      loaded.onError((error, c) => {
        // An HTTPException (hono/csrf's 403, a thrown 401) is an answer, not a crash: Hono's
        // own handler would send its response, and so does this one.
        const answer = (error as { getResponse?: () => Response }).getResponse
        if (typeof answer === 'function') return answer.call(error)
        caught.push({ error, request: { method: c.req.method, path: c.req.path } })
        return c.text('Internal Server Error', 500)
      })
    }
    app = loaded
    return { type: 'started' }
  }

  async function request(call: WireRequest): Promise<AppReply> {
    if (!app) throw new Error('The app has not started.')
    try {
      const init: RequestInit = { method: call.method, headers: new Headers(call.headers) }
      if (call.body !== null) init.body = call.body
      const response = await app.request(call.url, init)
      const body = await response.text()
      const headers: [string, string][] = []
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') headers.push([name, value])
      })
      for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie])
      const serverErrors = await take()
      return { type: 'response', status: response.status, headers, body, serverErrors }
    } catch (error) {
      return { type: 'threw', error: await describe(error), serverErrors: await take() }
    }
  }

  // A learner's test file runs in a realm of its own, which holds no app: each request its tests
  // send goes to the grader (`ask`), which passes it to the app's realm. The test file may import
  // only `signed-in/testing`, so it knows the app by its answers alone, as a browser does.
  async function runTestFile(call: TestRun, ask: AskHandler | undefined): Promise<AppReply> {
    if (app || !ask) throw new Error('Tests run in a realm of their own, with no app in it.')
    const testFiles = { [call.file]: call.source }
    // The tests describe their failures as they run, so the compiler is loaded first.
    const { compileModule, describeCodeError } = await compiler()
    const describeTest = (error: unknown) => describeCodeError(error, testFiles)
    const builtins = await loadBuiltins(modules, ['signed-in/testing'])
    let tests: ReturnType<typeof collectTests>
    try {
      tests = collectTests(() => {
        runModules(
          testFiles,
          call.file,
          { 'signed-in/testing': builtins['signed-in/testing'] },
          {
            compiled: call.compiled === undefined ? {} : { [call.file]: call.compiled },
            compile: compileModule,
            refuseRelative: say.testImportsApp,
          },
        )
      })
    } catch (error) {
      const described = describeTest(error)
      return {
        type: 'tests-failed',
        message: say.testsCouldNotLoad(described.message),
        error: described,
      }
    }
    const outcomes = await runTests(
      tests,
      async (url, init) =>
        fromWire(
          await ask({ type: 'request', ...(await toWire(url, init)) }),
          (error) => new Error(error.message),
        ),
      describeTest,
    )
    return { type: 'tests', outcomes }
  }

  return {
    get app() {
      return app
    },
    async handle(call, ask) {
      switch (call.type) {
        case 'start':
          return await start(call)
        case 'request':
          return await request(call)
        case 'clock':
          clock?.set(call.offsetMs)
          return { type: 'clock' }
        case 'tests':
          return await runTestFile(call, ask)
        case 'work':
          return {
            type: 'work',
            counters: loginManager?.readWorkCounters?.() ?? { passwordHashes: 0 },
          }
        case 'save':
          return { type: 'saved', files: (await disk()).saveDisk() }
      }
    },
  }
}

/**
 * The JavaScript for every code file: what arrived compiled, and the rest compiled here by the
 * compiler, loaded for the purpose. A file that does not compile is left to the loader, which
 * reports its syntax error.
 */
async function compiledCode(
  files: Readonly<Record<string, string>>,
  arrived: Readonly<Record<string, string>>,
): Promise<{
  compiled: Record<string, string>
  compile?: (path: string, source: string) => string
}> {
  const missing = Object.keys(files).filter(
    (path) => CODE_FILE.test(path) && arrived[path] === undefined,
  )
  if (missing.length === 0) return { compiled: { ...arrived } }
  const { compileModule, compileWhatCompiles } = await compiler()
  const made = compileWhatCompiles(
    Object.fromEntries(missing.map((path) => [path, files[path] ?? ''])),
  )
  return { compiled: { ...arrived, ...made }, compile: compileModule }
}

/** Give the realm a `process.env` holding exactly `env` (a Worker has no `process` of its own). */
function setEnvironment(scope: typeof globalThis, env: Record<string, string>): void {
  const holder = scope as unknown as { process?: { env?: Record<string, string | undefined> } }
  if (!holder.process) {
    Object.defineProperty(scope, 'process', {
      value: { env: {} },
      writable: true,
      configurable: true,
    })
  }
  const target = (holder.process as { env?: Record<string, string | undefined> }).env
  if (!target) {
    ;(holder.process as { env: Record<string, string> }).env = { ...env }
    return
  }
  for (const key of Object.keys(target)) delete target[key]
  Object.assign(target, env)
}

/**
 * Make this realm's `Date` read a clock the grader moves: `Date.now()`, `new Date()` and `Date()`
 * see real time plus an offset. Dates built from a value, and `Date.prototype`, are untouched.
 */
function installClock(scope: typeof globalThis): { set(offsetMs: number): void } {
  const RealDate = scope.Date
  const realNow = RealDate.now.bind(RealDate)
  let offset = 0
  const now = () => realNow() + offset
  scope.Date = new Proxy(RealDate, {
    construct: (target, args: unknown[], newTarget: new (...a: unknown[]) => object) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver: unknown) =>
      key === 'now' ? now : (Reflect.get(target, key, receiver) as unknown),
  })
  return { set: (offsetMs) => void (offset = offsetMs) }
}
