import { say } from '../../grader/sentences'
// The grader of the in-browser runtime: a module Worker that loads the checks and makes the
// verdict. The learner's app never runs here: each run (and each restart) gets a fresh app Worker
// from the page, reached over a MessagePort with plain cloned data (see app-worker-entry.ts).
import { checksBuiltins } from '../../grader/checks-builtins'
import { warmUpGrader } from '../../grader/grader-warm-up'
import type {
  AppCall,
  AppConnection,
  AppReply,
  AskHandler,
  RealmSource,
} from '../../grader/realm/protocol'
import type { CallMessage, ReplyMessage } from '../../grader/realm/answer-calls'
import { answerAsk } from '../../grader/realm/wire'
import { gradeInRealm } from '../../grader/realm/grade-in-realm'
import type { RunRequest } from '../../grader/run-request'
import { TimeLimitReached } from '../../grader/time-limit'
import { errorVerdict, type Verdict } from '../../grader/verdict'
import { installHeaderShim } from './header-shim'
import { lockDownEvaluators, lockDownWorkerScope } from './sandbox'

/**
 * A message from the page: run this exercise, here is the app realm you asked for, cancel, or
 * (between runs) here is a ready spare realm's port: the next run's first realm, when that run's
 * message says `spare: true`.
 *
 * @example
 * grader.postMessage({ id: 1, request } satisfies WorkerRunMessage)
 */
export type WorkerRunMessage =
  | { id: number; request: RunRequest; sqlite?: WebAssembly.Module; spare?: boolean }
  | { id: number; realm: number; port: MessagePort }
  | { id: number; cancel: true; limitMs?: number }
  | { spare: MessagePort }

/**
 * A message to the page: ready (once), a request for a fresh app realm, a line an example printed
 * (as it happens), or the verdict.
 *
 * @example
 * grader.addEventListener('message', (event: MessageEvent<WorkerReply>) => { if ('output' in event.data) append(event.data.output) })
 */
export type WorkerReply =
  | { ready: true }
  | { id: number; needRealm: number }
  | { id: number; output: string; index: number }
  | { id: number; verdict: Verdict }

// The grader rebuilds each response as a Response; keep its Set-Cookie headers.
installHeaderShim(self as unknown as Parameters<typeof installHeaderShim>[0])
const post = self.postMessage.bind(self) as (reply: WorkerReply) => void
const runs = new Map<
  number,
  { controller: AbortController; realms: Map<number, (port: MessagePort) => void>; next: number }
>()

/**
 * The connection to a ready spare app Worker, whose port the page handed over between runs. A
 * first call goes over it at once, so the channel is set up before a run needs it.
 */
let heldSpare: AppConnection | undefined
/** Whether the grader's own warm-up has run (it runs once, between the first runs). */
let warmedUp = false

/**
 * App realms for one run: the first `open` takes the spare's port the page handed over, if this
 * run was given it; each other `open` asks the page for a fresh app Worker's port. SQLite's
 * module, compiled once in the page, goes to each realm as it is (a compiled module clones).
 */
function realmsFor(
  id: number,
  sqlite: WebAssembly.Module | undefined,
  spare: AppConnection | undefined,
): RealmSource {
  let first = spare
  return {
    ...(sqlite ? { sqliteWasm: () => Promise.resolve(sqlite) } : {}),
    open: (signal) =>
      new Promise((resolve, reject) => {
        const run = runs.get(id)
        if (!run || signal?.aborted) return reject(new Error('The run was cancelled.'))
        if (first) {
          resolve(first)
          first = undefined
          return
        }
        const number = run.next++
        run.realms.set(number, (port) => resolve(connect(port)))
        post({ id, needRealm: number })
      }),
  }
}

function connect(port: MessagePort): AppConnection {
  let nextCall = 1
  let closed = false
  const pending = new Map<
    number,
    { resolve(reply: AppReply): void; reject(error: Error): void; answer?: AskHandler }
  >()
  port.addEventListener('message', (event: MessageEvent<ReplyMessage>) => {
    const waiting = pending.get(event.data.callId)
    if ('ask' in event.data) {
      const { askId, ask } = event.data
      void answerAsk(waiting?.answer, ask).then((reply) => {
        if (!closed) port.postMessage({ answer: askId, reply } satisfies CallMessage)
      })
      return
    }
    pending.delete(event.data.callId)
    if ('reply' in event.data) waiting?.resolve(event.data.reply)
    else waiting?.reject(new Error(event.data.failed))
  })
  port.start()
  return {
    call: (call: AppCall, signal?: AbortSignal, answer?: AskHandler) =>
      new Promise<AppReply>((resolve, reject) => {
        if (closed) return reject(new Error('The app was stopped.'))
        const callId = nextCall++
        const onAbort = () => {
          pending.delete(callId)
          reject(new Error('The run was cancelled.'))
        }
        if (signal?.aborted) return onAbort()
        signal?.addEventListener('abort', onAbort, { once: true })
        pending.set(callId, { resolve, reject, ...(answer ? { answer } : {}) })
        port.postMessage({ callId, call } satisfies CallMessage)
      }),
    close: () => {
      closed = true
      for (const { reject } of pending.values()) reject(new Error('The app was stopped.'))
      pending.clear()
      port.close()
    },
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRunMessage>) => {
  const message = event.data
  if (!('id' in message)) {
    heldSpare?.close()
    heldSpare = connect(message.spare)
    heldSpare.call({ type: 'work' }).catch(() => undefined)
    // Between runs, with the next realm ready: the moment to warm the grader up, once. (A first
    // run that comes straight away is sent without a spare handed over, and is not delayed.)
    if (!warmedUp) {
      warmedUp = true
      void warmUpGrader(checksBuiltins, () => runs.size > 0)
    }
    return
  }
  if ('realm' in message) {
    runs.get(message.id)?.realms.get(message.realm)?.(message.port)
    return
  }
  if ('cancel' in message) {
    // At the time limit, the verdict says what the app was doing (only this side knows).
    runs
      .get(message.id)
      ?.controller.abort(
        message.limitMs === undefined
          ? new Error('Cancelled')
          : new TimeLimitReached(message.limitMs),
      )
    return
  }
  const { id, request, sqlite } = message
  // The held spare belongs to this run if the page says so (the page ends it with the run).
  const spare = message.spare ? heldSpare : undefined
  if (message.spare) heldSpare = undefined
  const controller = new AbortController()
  runs.set(id, { controller, realms: new Map(), next: 1 })
  gradeInRealm(
    request,
    realmsFor(id, sqlite, spare),
    checksBuiltins,
    { onOutput: (output, index) => post({ id, output, index }) },
    controller.signal,
  )
    .catch((error: unknown): Verdict => errorVerdict(say.runnerFailed(error)))
    .then((verdict) => {
      runs.delete(id)
      spare?.close()
      post({ id, verdict })
    })
})
lockDownWorkerScope(self)
lockDownEvaluators(self)
post({ ready: true })
