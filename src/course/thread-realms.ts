// App realms in Node worker threads, one fresh thread per run and per restart, with a spare kept
// started. Used by the Node runtime (tests, the authoring CLI) and by the project a learner
// downloads, each with its own way of making the thread, and both with SQLite's WebAssembly
// compiled once per process from node_modules/sql.js.
import type { Worker } from 'node:worker_threads'
import type { ThreadCall, ThreadReply } from './node-app-thread'
import type { AppConnection, AppReply, AskHandler, RealmSource } from '../grader/realm/protocol'
import { answerAsk } from '../grader/realm/wire'
import { MUTANT_TIME_LIMIT_MS, RUN_TIME_LIMIT_MS } from '../grader/time-limit'
import { compileSqliteWasm } from './sqlite-wasm'

/**
 * The Node runtime's time limit: four times the browser's, since tests and the CLI share a busy
 * machine; it is there so that a loop that never ends cannot hang the command.
 *
 * @example
 * await runInNode(bundle, files, {}, { timeLimitMs: NODE_TIME_LIMIT_MS })
 */
export const NODE_TIME_LIMIT_MS = RUN_TIME_LIMIT_MS * 4

/**
 * The Node runtime's limit for a learner's tests against one app (mutant grading): four times the
 * browser's, for the same reason. Each run there starts two worker threads.
 *
 * @example
 * await gradeInRealm(request, nodeRealms, courseBuiltins, {}, signal, NODE_MUTANT_TIME_LIMIT_MS)
 */
export const NODE_MUTANT_TIME_LIMIT_MS = MUTANT_TIME_LIMIT_MS * 4

/** Start an app thread and wait until it is ready. It does not keep the process alive. */
async function startThread(makeWorker: () => Worker | Promise<Worker>): Promise<Worker> {
  const worker = await makeWorker()
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
 * next spare in the background, so a run rarely waits for a thread to start. Every thread must run
 * `node-app-thread.ts` (bundled), which posts `{ ready: true }` once it can take calls. A run that
 * imports `signed-in/db` gets sql.js's WebAssembly from {@link compileSqliteWasm}.
 *
 * @param makeWorker - starts one app thread, with an empty environment
 * @returns where a run's app realms come from
 * @example
 * const realms = threadRealms(() => new Worker(new URL('./app-thread.mjs', import.meta.url), { env: {} }))
 * await gradeInRealm(request, realms, courseBuiltins)
 */
export function threadRealms(makeWorker: () => Worker | Promise<Worker>): RealmSource {
  let spare: Promise<Worker> | undefined
  return {
    sqliteWasm: compileSqliteWasm,
    async open(signal) {
      const next = spare ?? startThread(makeWorker)
      spare = startThread(makeWorker)
      spare.catch(() => (spare = undefined))
      const worker = await next
      if (signal?.aborted) {
        void worker.terminate()
        throw signal.reason
      }
      return connectThread(worker)
    },
  }
}

function connectThread(worker: Worker): AppConnection {
  worker.ref()
  let nextId = 1
  const pending = new Map<
    number,
    { resolve(reply: AppReply): void; reject(error: Error): void; answer?: AskHandler }
  >()
  let ended: Error | undefined
  const end = (error: Error) => {
    ended ??= error
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
  }
  worker.on('message', (message: ThreadReply) => {
    if (!('callId' in message)) return
    const waiting = pending.get(message.callId)
    if ('ask' in message) {
      void answerAsk(waiting?.answer, message.ask).then((reply) =>
        worker.postMessage({ answer: message.askId, reply } satisfies ThreadCall),
      )
      return
    }
    pending.delete(message.callId)
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
    call(call, signal, answer) {
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
          ...(answer ? { answer } : {}),
        })
        worker.postMessage({ callId: id, call } satisfies ThreadCall)
      })
    },
    close() {
      end(new Error('The app was stopped.'))
      void worker.terminate()
    },
  }
}
