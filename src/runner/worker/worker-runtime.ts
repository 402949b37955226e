import { say } from '../../grader/sentences'
import type { RunProgress } from '../../grader/harness/grade'
import { usesDatabase, type RunRequest } from '../../grader/run-request'
import {
  abortedVerdict,
  RUN_TIME_LIMIT_MS,
  runSignal,
  TimeLimitReached,
  timeLimitFor,
} from '../../grader/time-limit'
import { errorVerdict, type Verdict } from '../../grader/verdict'
import type { AppWorkerMessage } from './app-worker-entry'
import type { WorkerReply, WorkerRunMessage } from './worker-entry'

/**
 * How long learner code may run before the Worker is stopped: the limit every runtime shares.
 *
 * @example
 * new WorkerRuntime(workers, { timeLimitMs: DEFAULT_TIME_LIMIT_MS })
 */
export const DEFAULT_TIME_LIMIT_MS = RUN_TIME_LIMIT_MS

/** How long the page waits, at the time limit, for the grader to say what the app was doing. */
const GRADER_ANSWER_MS = 500

/**
 * The two kinds of Worker the runtime starts: the grader (worker-entry.ts, one, kept) and app
 * realms (app-worker-entry.ts, a fresh one per run and per restart).
 *
 * @example
 * const workers: RuntimeWorkers = { grader: () => new Worker(graderUrl, { type: 'module' }), app: () => new Worker(appUrl, { type: 'module' }) }
 */
export interface RuntimeWorkers {
  grader: () => Worker
  app: () => Worker
}

/**
 * Whether a run will open more than its first app realm: its checks restart the app, or it grades
 * learner tests against mutants (a realm for the tests and one per app). Only a hint for starting
 * Workers early; a run that opens more than expected still gets them, a little later.
 *
 * @param request - the run
 * @returns true when more realms are likely
 * @example
 * wantsMoreRealms({ ...request, checks: 'await restart()' }) // true
 */
export function wantsMoreRealms(
  request: Pick<RunRequest, 'checks' | 'mutants' | 'checkModules'>,
): boolean {
  if (request.mutants) return true
  return [request.checks, ...Object.values(request.checkModules ?? {})].some((source) =>
    /\brestart\s*\(/.test(source),
  )
}

/** Start a Worker and wait for its `{ ready: true }`; rejects when it cannot start. */
function started(create: () => Worker): Promise<Worker> {
  let worker: Worker
  try {
    worker = create()
  } catch (error) {
    // No Worker here (or one refused): reject rather than throw.
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ ready?: boolean }>) => {
      if (!event.data.ready) return
      worker.removeEventListener('message', onMessage)
      resolve(worker)
    }
    worker.addEventListener('message', onMessage)
    worker.addEventListener(
      'error',
      (event) => reject(new Error(event.message || 'The runner could not start.')),
      { once: true },
    )
  })
}

/**
 * The page side of the in-browser runtime. Keeps one grader Worker and a spare app Worker started,
 * hands the grader a fresh app Worker (through a `MessageChannel`) whenever it asks, ends a run's
 * app Workers when it finishes, and cancels a run through an `AbortSignal`: at the time limit, when
 * a newer run starts, or when the caller aborts (leaving the page).
 *
 * @example
 * const runtime = new WorkerRuntime({ grader: () => new Worker(graderUrl, { type: 'module' }), app: () => new Worker(appUrl, { type: 'module' }) })
 * const verdict = await runtime.run(request)
 */
export class WorkerRuntime {
  readonly #workers: RuntimeWorkers
  readonly #timeLimitMs: number
  readonly #sqliteWasm: (() => Promise<WebAssembly.Module>) | undefined
  #grader: Promise<Worker> | undefined
  /** A started app Worker nobody holds yet. */
  #spare: Promise<Worker> | undefined
  /** App Workers already told to warm up. */
  readonly #warmedUp = new WeakSet<Worker>()
  /** A ready app Worker whose port the grader already holds: the next run's first realm. */
  #handed: Worker | undefined
  #running = false
  /** SQLite's compiled module, once a run on this page has needed it: spares get it to load. */
  #sqliteModule: WebAssembly.Module | undefined
  #nextId = 1
  #current: AbortController | undefined
  #queue: Promise<unknown> = Promise.resolve()

  /**
   * @param workers - makes the grader and the app Workers
   * @param options - `timeLimitMs` (default {@link RUN_TIME_LIMIT_MS}); `sqliteWasm`, sql.js's
   *   compiled WebAssembly for runs whose code imports `signed-in/db` (asked for only then)
   * @example
   * new WorkerRuntime(workers, { timeLimitMs: 1000, sqliteWasm: loadSqliteWasm })
   */
  constructor(
    workers: RuntimeWorkers,
    options: { timeLimitMs?: number; sqliteWasm?: () => Promise<WebAssembly.Module> } = {},
  ) {
    this.#workers = workers
    this.#timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
    this.#sqliteWasm = options.sqliteWasm
  }

  /**
   * Start the grader and a spare app Worker now, so the first run is fast. Once both are ready,
   * the grader gets the spare's port ahead of the run, so the run opens its first realm without a
   * round trip through the page.
   *
   * @returns when both are ready
   * @example
   * button.addEventListener('pointerenter', () => void runtime.warm(), { once: true })
   */
  async warm(): Promise<void> {
    const grader = (this.#grader ??= started(this.#workers.grader))
    grader.catch(() => {
      if (this.#grader === grader) this.#grader = undefined
    })
    if (!this.#handed) this.#startSpare()
    this.#handOver()
    await Promise.all([grader, this.#spare])
  }

  /** Start a spare app Worker unless one is already starting. */
  #startSpare(): void {
    if (this.#spare) return
    const spare = started(this.#workers.app)
    this.#spare = spare
    spare.then(
      (worker) => {
        // Once this page has used SQLite, a spare sets it up while it waits, as it warms up.
        if (this.#sqliteModule)
          worker.postMessage({ sqlite: this.#sqliteModule } satisfies AppWorkerMessage)
        this.#warmUpSpare()
      },
      () => {
        if (this.#spare === spare) this.#spare = undefined
      },
    )
  }

  /**
   * Let the ready spare warm up, once, and only between runs: during a run (above all a first run,
   * which waits for this very Worker) the warm-up would only compete with it for the processor.
   */
  #warmUpSpare(): void {
    void this.#spare?.then(
      (worker) => {
        if (this.#running || this.#warmedUp.has(worker)) return
        this.#warmedUp.add(worker)
        worker.postMessage({ warmUp: true } satisfies AppWorkerMessage)
      },
      () => undefined,
    )
  }

  /** Between runs, give the grader the ready spare's port (a `MessageChannel`'s other end). */
  #handOver(): void {
    const spare = this.#spare
    const graderReady = this.#grader
    if (!spare || !graderReady || this.#handed) return
    void Promise.all([graderReady, spare]).then(
      ([grader, worker]) => {
        // A run took the spare meanwhile, or one is going: the page hands realms over itself.
        if (this.#spare !== spare || this.#running || this.#handed) return
        this.#spare = undefined
        this.#handed = worker
        const channel = new MessageChannel()
        worker.postMessage({ port: channel.port1 } satisfies AppWorkerMessage, [channel.port1])
        grader.postMessage({ spare: channel.port2 } satisfies WorkerRunMessage, [channel.port2])
      },
      () => undefined,
    )
  }

  /**
   * The spare app Worker (or a new one). Another starts at once only for a run that will want
   * more realms (a restart, mutants); otherwise the next spare starts when the run is over, so it
   * never competes with the run for the processor.
   */
  #takeAppWorker(moreRealms: boolean): Promise<Worker> {
    const next = this.#spare ?? started(this.#workers.app)
    this.#spare = undefined
    if (moreRealms) this.#startSpare()
    return next
  }

  /**
   * Run an exercise. A newer run cancels one still going (its verdict says so); runs never overlap.
   *
   * @param request - files, checks and entry
   * @param progress - told of an example's printed lines as the grader reports them
   * @param signal - cancels the run (say, when the learner leaves the page)
   * @returns the verdict; code that runs past the time limit gives an `error` verdict
   * @example
   * const verdict = await runtime.run(requestFor(bundle, { 'app.ts': code }), { onOutput: (line) => print(line) })
   */
  run(request: RunRequest, progress: RunProgress = {}, signal?: AbortSignal): Promise<Verdict> {
    this.#current?.abort()
    const controller = new AbortController()
    this.#current = controller
    const follow = () => controller.abort(signal?.reason)
    if (signal?.aborted) follow()
    else signal?.addEventListener('abort', follow, { once: true })
    const result = this.#queue
      .then(() => {
        this.#running = true
        return this.#runNow(request, progress, controller.signal)
      })
      .finally(() => {
        // Between runs again: the next spare's port can go to the grader.
        this.#running = false
        this.#startSpare()
        this.#warmUpSpare()
        this.#handOver()
      })
    this.#queue = result.catch(() => undefined)
    return result.finally(() => signal?.removeEventListener('abort', follow))
  }

  async #runNow(request: RunRequest, progress: RunProgress, outer: AbortSignal): Promise<Verdict> {
    if (outer.aborted) return abortedVerdict(outer.reason)
    let sqlite: WebAssembly.Module | undefined
    if (this.#sqliteWasm && usesDatabase(request.files)) {
      try {
        sqlite = await this.#sqliteWasm()
        this.#sqliteModule = sqlite
      } catch (error) {
        return errorVerdict(say.sqliteUnavailable(error))
      }
    }
    await this.warm()
    const grader = await (this.#grader as Promise<Worker>)
    const id = this.#nextId++
    // The spare whose port the grader holds is this run's first realm, used or not: it ends with
    // the run like every other app Worker the run had.
    const handed = this.#handed
    this.#handed = undefined
    const apps: Promise<Worker>[] = handed ? [Promise.resolve(handed)] : []
    // A run that restarts the app, or grades mutants, opens more realms: start the next one now.
    const moreRealms = wantsMoreRealms(request)
    if (moreRealms) this.#startSpare()
    const { signal, done, extend } = runSignal(timeLimitFor(request, this.#timeLimitMs), outer)
    try {
      return await new Promise<Verdict>((resolve) => {
        const finish = (verdict: Verdict) => {
          grader.removeEventListener('message', onMessage)
          signal.removeEventListener('abort', onAbort)
          resolve(verdict)
        }
        const onAbort = () => {
          const reason: unknown = signal.reason
          const limit = reason instanceof TimeLimitReached ? { limitMs: reason.limitMs } : {}
          grader.postMessage({ id, cancel: true, ...limit } satisfies WorkerRunMessage)
          // At the time limit the grader answers at once with what the app was doing; the page's
          // own words are the fallback, should the grader not answer.
          if (reason instanceof TimeLimitReached)
            setTimeout(() => finish(abortedVerdict(reason)), GRADER_ANSWER_MS)
          else finish(abortedVerdict(reason))
        }
        const onMessage = (event: MessageEvent<WorkerReply>) => {
          const reply = event.data
          if (!('id' in reply) || reply.id !== id) return
          if ('needRealm' in reply) {
            // Waiting for a fresh app Worker to start is the runtime's time, not the learner's:
            // on a busy machine it can take seconds, and must not look like a loop in their code.
            const asked = performance.now()
            const app = this.#takeAppWorker(moreRealms)
            apps.push(app)
            void app.then(
              (worker) => {
                extend(performance.now() - asked)
                const channel = new MessageChannel()
                worker.postMessage({ port: channel.port1 } satisfies AppWorkerMessage, [
                  channel.port1,
                ])
                grader.postMessage(
                  { id, realm: reply.needRealm, port: channel.port2 } satisfies WorkerRunMessage,
                  [channel.port2],
                )
              },
              (error: unknown) => finish(errorVerdict(say.runnerCouldNotStart(error))),
            )
            return
          }
          if ('output' in reply) {
            progress.onOutput?.(reply.output, reply.index)
            return
          }
          finish(reply.verdict)
        }
        grader.addEventListener('message', onMessage)
        if (signal.aborted) return onAbort()
        signal.addEventListener('abort', onAbort, { once: true })
        grader.postMessage({
          id,
          request,
          spare: handed !== undefined,
          ...(sqlite ? { sqlite } : {}),
        } satisfies WorkerRunMessage)
      })
    } finally {
      done()
      // Every app Worker this run used ends with it: the next run gets a fresh realm.
      for (const app of apps)
        void app.then(
          (worker) => worker.terminate(),
          () => undefined,
        )
    }
  }

  /**
   * Stop every Worker; the next run starts fresh ones.
   *
   * @example
   * addEventListener('pagehide', () => runtime.dispose())
   */
  dispose(): void {
    this.#current?.abort()
    for (const worker of [this.#grader, this.#spare])
      void worker?.then(
        (each) => each.terminate(),
        () => undefined,
      )
    this.#handed?.terminate()
    this.#grader = undefined
    this.#spare = undefined
    this.#handed = undefined
  }
}
