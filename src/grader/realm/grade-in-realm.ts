import { say } from '../sentences'
// The grader's side of a run: blanks, the checks (loaded here, in the grader's realm), then the
// app in a realm of its own, reached only through plain-data calls. The verdict is made here.
import type { WorkCounters } from '../../login-manager/work-counters'
import { blanksAsErrors, blanksVerdict } from '../blanks'
import type { ChecksModule } from '../harness/checks'
import { grade, type GradedApp, type RunProgress } from '../harness/grade'
import { describeThrown, runChecks, type Builtins } from '../module-core'
import { gradeMutantsInRealm } from '../mutants/grade-mutants'
import { usesDatabase, type RunRequest } from '../run-request'
import { abortedVerdict, type InFlight } from '../time-limit'
import { errorVerdict, type CodeError, type Verdict } from '../verdict'
import type { AppConnection, AppReply, RealmSource } from './protocol'
import { fromWire, toWire } from './wire'

// The compiler (sucrase), loaded the first time a run brings code that did not arrive compiled:
// an example's run, whose files and checks the page ships compiled, never needs it.
const compiler = () => import('../module-loader')
/** Which files are code, and so need compiling. */
const CODE_FILE = /\.[cm]?[jt]sx?$/

/**
 * Thrown on the grader's side when the app's code threw: carries the description the app's realm
 * made (file, line and column in the learner's files), never the app's own error object.
 *
 * @example
 * throw new AppThrew({ message: 'boom', file: 'app.ts', line: 3, column: 7 })
 */
export class AppThrew extends Error {
  readonly location: CodeError
  /** @param location - what the app threw, and where */
  constructor(location: CodeError) {
    super(location.message)
    this.name = 'AppThrew'
    this.location = location
  }
}

/**
 * Grade a run request against a fresh app realm from `realms`, with the checks loaded in this
 * realm. A restart opens another fresh realm. When `signal` aborts (the time limit, a newer run,
 * leaving the page), the realm is closed and the verdict says why.
 *
 * @param request - files, checks and entry
 * @param realms - where app realms come from
 * @param builtins - the modules the checks may import (this realm's copies)
 * @param progress - told of an example's printed lines as they happen
 * @param signal - cancels the run
 * @param mutantLimitMs - for an exercise graded by mutants, the tests' limit against each app
 *   (default `MUTANT_TIME_LIMIT_MS`; the Node runtime, on a busy machine, gives more)
 * @returns the verdict
 * @example
 * const verdict = await gradeInRealm(request, nodeRealms, courseBuiltins, {}, signal)
 */
export async function gradeInRealm(
  request: RunRequest,
  realms: RealmSource,
  builtins: Builtins,
  progress: RunProgress = {},
  signal?: AbortSignal,
  mutantLimitMs?: number,
): Promise<Verdict> {
  // An exercise graded by mutants has no checks: the learner's tests are graded instead.
  if (request.mutants)
    return gradeMutantsInRealm(request, request.mutants, realms, signal, mutantLimitMs)
  // Blanks left in the code fail the checks that reach them, naming the blank; the others run.
  const files = blanksAsErrors(request.editable, request.files)
  // The app realm is fresh and cold; this side lives on and keeps what it compiled, so the app
  // gets JavaScript (a file with a syntax error is left for the app to report, as it always is).
  // JavaScript compiled in the page still has the blanks: those files are compiled again here.
  const fromPage = request.compiled?.files ?? {}
  const usable = (path: string) =>
    fromPage[path] !== undefined && files[path] === request.files[path]
  const toCompile = Object.fromEntries(
    Object.entries(files).filter(([path]) => !usable(path) && CODE_FILE.test(path)),
  )
  const checksCompiled: Record<string, string> = {
    ...request.compiled?.checkModules,
    ...(request.compiled?.checks === undefined ? {} : { 'checks.ts': request.compiled.checks }),
  }
  const checksToCompile = [...Object.keys(request.checkModules ?? {}), 'checks.ts'].some(
    (path) => checksCompiled[path] === undefined,
  )
  const loader = Object.keys(toCompile).length > 0 || checksToCompile ? await compiler() : undefined
  const compiledFiles = {
    ...loader?.compileWhatCompiles(toCompile),
    ...Object.fromEntries(
      Object.keys(files)
        .filter(usable)
        .map((path) => [path, fromPage[path] as string]),
    ),
  }
  let checks: ChecksModule
  try {
    checks = runChecks(
      request.checks,
      request.checkModules,
      builtins,
      checksCompiled,
      loader?.compileModule,
    ) as ChecksModule
    if (checks?.kind !== 'checks' && checks?.kind !== 'scenario')
      throw new Error('checks.ts must export default defineChecks([...]) or defineScenario([...])')
    const only = request.only
    if (checks.kind === 'checks' && only)
      checks = { ...checks, checks: checks.checks.filter((check) => only.includes(check.name)) }
  } catch (error) {
    return errorVerdict(say.checksFailedToLoad(describeThrown(error).message))
  }
  let env: Readonly<Record<string, string>> = Object.freeze({ ...checks.env })
  let clockOffsetMs = 0
  let connection: AppConnection | undefined
  const serverErrors: CodeError[] = []
  // SQLite only for code that imports it; its files outlive a restart, as a real disk would.
  let wasm: WebAssembly.Module | undefined
  let databaseFiles: Record<string, Uint8Array> | undefined = usesDatabase(files) ? {} : undefined
  // What the app is doing right now, so a run stopped at the time limit can say so.
  let doing: InFlight | undefined
  const call = async (message: Parameters<AppConnection['call']>[0]) => {
    if (!connection) throw new Error('The app is not running.')
    if (message.type === 'start') doing = { kind: 'start', entry: request.entry }
    if (message.type === 'request')
      doing = { kind: 'request', method: message.method, url: message.url }
    const reply = await connection.call(message, signal)
    doing = undefined
    if ('serverErrors' in reply) serverErrors.push(...reply.serverErrors)
    return reply
  }
  const start = async (): Promise<Extract<AppReply, { type: 'start-failed' }> | undefined> => {
    if (connection && databaseFiles) {
      const saved = await call({ type: 'save' }).catch(() => undefined)
      if (saved?.type === 'saved') databaseFiles = saved.files
    }
    connection?.close()
    connection = undefined
    if (databaseFiles && !wasm && realms.sqliteWasm) {
      try {
        wasm = await realms.sqliteWasm()
      } catch (error) {
        throw new Error(say.sqliteUnavailable(error))
      }
    }
    connection = await realms.open(signal)
    const reply = await call({
      type: 'start',
      files,
      entry: request.entry,
      compiled: compiledFiles,
      env: { ...env },
      clockOffsetMs,
      ...(databaseFiles
        ? {
            database: {
              files: databaseFiles,
              ...(wasm ? { wasm } : {}),
              ...(request.seed === undefined ? {} : { seed: request.seed }),
            },
          }
        : {}),
    })
    return reply.type === 'start-failed' ? reply : undefined
  }
  try {
    const failed = await start()
    // Code that cannot even be read with its blanks in place (a blank where a name is declared).
    const blanks = failed && blanksVerdict(request.editable, request.files)
    if (blanks && failed.message.includes('Syntax error')) return blanks
    if (failed) {
      const blank = /blank left at (\S+ line \d+)/.exec(failed.message)?.[1]
      // A blank in code that runs as the server starts stops every check: say so plainly.
      return errorVerdict(blank ? say.blankAtStartUp(blank) : failed.message, {
        error: failed.error,
      })
    }
    const app: GradedApp = {
      handler: async (url, init) =>
        fromWire(
          await call({ type: 'request', ...(await toWire(url, init)) }),
          (error) => new AppThrew(error),
        ),
      takeServerErrors: () => serverErrors.splice(0),
      restart: async (changes = {}) => {
        env = Object.freeze({ ...env, ...changes })
        const again = await start()
        if (again)
          throw new AppThrew({ ...again.error, message: `after a restart, ${again.message}` })
      },
      get env() {
        return env
      },
      clock: {
        now: () => Date.now() + clockOffsetMs,
        advance: async (ms) => {
          clockOffsetMs += Math.max(0, ms)
          await call({ type: 'clock', offsetMs: clockOffsetMs })
        },
      },
      readWork: async (): Promise<WorkCounters> => {
        const reply = await call({ type: 'work' })
        if (reply.type !== 'work') throw new Error(`Unexpected reply ${reply.type}`)
        return reply.counters
      },
    }
    const verdict = await grade(app, checks, describeOnGraderSide, progress)
    return signal?.aborted ? abortedVerdict(signal.reason, doing, request.files) : verdict
  } catch (error) {
    if (signal?.aborted) return abortedVerdict(signal.reason, doing, request.files)
    const described = describeOnGraderSide(error)
    return errorVerdict(say.codeStoppedTheRun(described.message), { error: described })
  } finally {
    connection?.close()
  }
}

/** What the app threw arrives described; anything else was thrown by the checks themselves. */
function describeOnGraderSide(error: unknown): CodeError {
  return error instanceof AppThrew ? error.location : describeThrown(error)
}
