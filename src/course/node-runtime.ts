// The Node runtime (tests and the authoring CLI): the grader runs in this thread, the learner's app
// in a worker thread of its own, fresh for every run, with a spare one kept started.
import { checksBuiltins } from '../grader/checks-builtins'
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'
import { Worker } from 'node:worker_threads'
import type { ExerciseBundle } from '../schemas/exercise'
import type { RunProgress } from '../grader/harness/grade'
import { gradeInRealm } from '../grader/realm/grade-in-realm'
import type { RealmSource } from '../grader/realm/protocol'
import { NODE_MUTANT_TIME_LIMIT_MS, NODE_TIME_LIMIT_MS, threadRealms } from './thread-realms'
import { SQLITE_GLUE_ALIAS } from './sqlite-wasm'
import { requestFor, type RunRequest } from '../grader/run-request'
import { runSignal, timeLimitFor } from '../grader/time-limit'
import type { Verdict } from '../grader/verdict'

export { NODE_MUTANT_TIME_LIMIT_MS, NODE_TIME_LIMIT_MS }

/** The app thread's code, and V8's compiled form of it to start each thread from. */
interface ThreadCode {
  code: string
  cache: Buffer
}

let threadCode: Promise<ThreadCode> | undefined

/**
 * The app thread's code: node-app-thread.ts with its imports, bundled once per process and
 * compiled once, so each fresh thread starts from V8's cached code instead of parsing it again.
 */
function appThreadCode(): Promise<ThreadCode> {
  threadCode ??= build({
    entryPoints: [fileURLToPath(new URL('./node-app-thread.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    // The thread removes `require`, which the browser glue never needs.
    alias: SQLITE_GLUE_ALIAS,
    logLevel: 'silent',
  }).then((result) => {
    const code = `(function (require) {${result.outputFiles[0]?.text ?? ''}\n})`
    return { code, cache: new Script(code, { filename: THREAD_FILE }).createCachedData() }
  })
  return threadCode
}

const THREAD_FILE = 'signed-in-app-thread.js'
/** Each thread runs this, which runs the bundle from its cached compiled code. */
const THREAD_START = `const { workerData: start } = require('node:worker_threads')
const { Script: Compiled } = require('node:vm')
new Compiled(start.code, { filename: '${THREAD_FILE}', cachedData: start.cache }).runInThisContext()(require)`

/**
 * App realms in worker threads: each `open` takes the spare thread (or starts one) and starts the
 * next spare in the background, so a run rarely waits for a thread to start.
 *
 * @example
 * await gradeInRealm(request, nodeRealms, checksBuiltins)
 */
export const nodeRealms: RealmSource = threadRealms(
  async () => new Worker(THREAD_START, { eval: true, env: {}, workerData: await appThreadCode() }),
)

/**
 * Options for {@link runInNode}.
 *
 * @example
 * await runInNode(bundle, files, {}, { timeLimitMs: 1000 })
 */
export interface NodeRunOptions {
  /** How long the run may take (default {@link NODE_TIME_LIMIT_MS}). */
  timeLimitMs?: number
  /** Cancels the run. */
  signal?: AbortSignal
  /** The names of the checks to run (a multi-step exercise's steps so far); default all. */
  only?: readonly string[]
}

/**
 * Grade a run request in Node: the checks in this thread, the app in a fresh worker thread.
 *
 * @param request - files, checks and entry
 * @param progress - told of an example's printed lines as they happen
 * @param options - time limit and cancellation
 * @returns the verdict
 * @example
 * const verdict = await gradeInNode({ files, editable: ['app.ts'], checks, entry: 'app.ts' })
 */
export async function gradeInNode(
  request: RunRequest,
  progress: RunProgress = {},
  options: NodeRunOptions = {},
): Promise<Verdict> {
  const { signal, done, extend } = runSignal(
    timeLimitFor(request, options.timeLimitMs ?? NODE_TIME_LIMIT_MS, NODE_MUTANT_TIME_LIMIT_MS),
    options.signal,
  )
  // Starting a thread is the runtime's time, not the learner's: the limit moves by as much.
  const realms: RealmSource = {
    ...nodeRealms,
    open: async (openSignal) => {
      const asked = performance.now()
      const connection = await nodeRealms.open(openSignal)
      extend(performance.now() - asked)
      return connection
    },
  }
  try {
    return await gradeInRealm(
      request,
      realms,
      checksBuiltins,
      progress,
      signal,
      NODE_MUTANT_TIME_LIMIT_MS,
    )
  } finally {
    done()
  }
}

/**
 * Run an exercise in Node, with the learner's versions of its editable files (by default the
 * solution): the checks here, the app in a worker thread of its own. Used by the tests and the
 * authoring CLI.
 *
 * @param bundle - from `loadExercise`
 * @param files - the learner's files; missing ones come from the starter
 * @param progress - told of an example's printed lines as they happen
 * @param options - time limit and cancellation
 * @returns the verdict
 * @example
 * const verdict = await runInNode(loadExercise('complete-the-login-flow'), loadExercise('complete-the-login-flow').solution)
 */
export function runInNode(
  bundle: ExerciseBundle,
  files: Record<string, string>,
  progress: RunProgress = {},
  options: NodeRunOptions = {},
): Promise<Verdict> {
  return gradeInNode(requestFor(bundle, files, options.only), progress, options)
}
