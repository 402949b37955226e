// The Node runtime (tests and the authoring CLI): the grader runs in this thread, the learner's app
// in a worker thread of its own, fresh for every run, with a spare one kept started.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { courseBuiltins } from '../grader/builtins'
import type { ExerciseBundle } from '../schemas/exercise'
import type { RunProgress } from '../grader/harness/grade'
import { gradeInRealm } from '../grader/realm/grade-in-realm'
import type { ThreadCall, ThreadReply } from './node-app-thread'
import { compileSqliteWasm } from './sqlite-wasm'
import type { AppConnection, AppReply, RealmSource } from '../grader/realm/protocol'
import { requestFor, type RunRequest } from '../grader/run-request'
import { RUN_TIME_LIMIT_MS, runSignal } from '../grader/time-limit'
import type { Verdict } from '../grader/verdict'

/**
 * The Node runtime's time limit: four times the browser's, since tests and the CLI share a busy
 * machine; it is there so that a loop that never ends cannot hang the command.
 *
 * @example
 * await runInNode(bundle, files, {}, { timeLimitMs: NODE_TIME_LIMIT_MS })
 */
export const NODE_TIME_LIMIT_MS = RUN_TIME_LIMIT_MS * 4

let threadCode: Promise<string> | undefined
let spare: Promise<Worker> | undefined

/** The app thread's code: node-app-thread.ts with its imports, bundled once per process. */
function appThreadCode(): Promise<string> {
  threadCode ??= build({
    entryPoints: [fileURLToPath(new URL('./node-app-thread.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    // The browser build of sql.js needs no `require` (the thread removes it) and is the same
    // code the Worker runs; the realm hands it the compiled WebAssembly.
    alias: { 'sql.js': 'sql.js/dist/sql-wasm-browser.js' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '')
  return threadCode
}

/** Start an app thread and wait until it is ready. It does not keep the process alive. */
async function startThread(): Promise<Worker> {
  const worker = new Worker(await appThreadCode(), {
    eval: true,
    env: {},
  })
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: ThreadReply) => {
      if (!('ready' in message)) return
      worker.off('message', onMessage)
      resolve()
    }
    worker.on('message', onMessage)
    worker.once('error', reject)
    worker.once('exit', () => reject(new Error('The app thread ended before it was ready.')))
  })
  // After the listeners above (adding one refs the worker again), so a spare never keeps the
  // process alive; the run that takes it refs it.
  worker.unref()
  return worker
}

/**
 * App realms in worker threads: each `open` takes the spare thread (or starts one) and starts the
 * next spare in the background, so a run rarely waits for a thread to start.
 *
 * @example
 * await gradeInRealm(request, nodeRealms, courseBuiltins)
 */
export const nodeRealms: RealmSource = {
  async open(signal) {
    const next = spare ?? startThread()
    spare = startThread()
    spare.catch(() => (spare = undefined))
    const worker = await next
    if (signal?.aborted) {
      void worker.terminate()
      throw signal.reason
    }
    return connectThread(worker)
  },
  sqliteWasm: compileSqliteWasm,
}

function connectThread(worker: Worker): AppConnection {
  worker.ref()
  let nextId = 1
  const pending = new Map<number, { resolve(reply: AppReply): void; reject(error: Error): void }>()
  let ended: Error | undefined
  const end = (error: Error) => {
    ended ??= error
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
  }
  worker.on('message', (message: ThreadReply) => {
    if (!('id' in message)) return
    const waiting = pending.get(message.id)
    pending.delete(message.id)
    if ('reply' in message) waiting?.resolve(message.reply)
    else waiting?.reject(new Error(message.failed))
  })
  worker.on('error', (error) => end(error instanceof Error ? error : new Error(String(error))))
  worker.on('exit', (code) =>
    end(
      new Error(`The app stopped (its thread exited with code ${code}), so it could not answer.`),
    ),
  )
  return {
    call(call, signal) {
      if (ended) return Promise.reject(ended)
      return new Promise<AppReply>((resolve, reject) => {
        const id = nextId++
        const onAbort = () => {
          pending.delete(id)
          reject(signal?.reason instanceof Error ? signal.reason : new Error('Aborted'))
        }
        if (signal?.aborted) return onAbort()
        signal?.addEventListener('abort', onAbort, { once: true })
        pending.set(id, {
          resolve: (reply) => {
            signal?.removeEventListener('abort', onAbort)
            resolve(reply)
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort)
            reject(error)
          },
        })
        worker.postMessage({ id, call } satisfies ThreadCall)
      })
    },
    close() {
      end(new Error('The app was stopped.'))
      void worker.terminate()
    },
  }
}

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
  const { signal, done } = runSignal(options.timeLimitMs ?? NODE_TIME_LIMIT_MS, options.signal)
  try {
    return await gradeInRealm(request, nodeRealms, courseBuiltins, progress, signal)
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
