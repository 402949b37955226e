import type { RunProgress } from '../harness/grade'
import type { RunRequest } from '../run-request'
import { RUN_TIME_LIMIT_MS, timeLimitVerdict } from '../time-limit'
import type { Verdict } from '../verdict'
import type { WorkerReply } from './worker-entry'

/**
 * How long learner code may run before the Worker is stopped: the limit every runtime shares.
 *
 * @example
 * new WorkerRuntime(createWorker, { timeLimitMs: DEFAULT_TIME_LIMIT_MS })
 */
export const DEFAULT_TIME_LIMIT_MS = RUN_TIME_LIMIT_MS

/**
 * The page side of the in-browser runtime. Starts a Worker (once, and again after a runaway run),
 * sends it runs, and stops it when code runs past the time limit.
 *
 * @example
 * const runtime = new WorkerRuntime(() => new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' }))
 * const verdict = await runtime.run(request)
 */
export class WorkerRuntime {
  readonly #createWorker: () => Worker
  readonly #timeLimitMs: number
  #worker: Worker | undefined
  #ready: Promise<void> | undefined
  #nextId = 1
  #queue: Promise<unknown> = Promise.resolve()

  /**
   * @param createWorker - makes a Worker running worker-entry.ts
   * @param options - `timeLimitMs` (default {@link RUN_TIME_LIMIT_MS})
   * @example
   * new WorkerRuntime(() => new Worker(url, { type: 'module' }), { timeLimitMs: 1000 })
   */
  constructor(createWorker: () => Worker, options: { timeLimitMs?: number } = {}) {
    this.#createWorker = createWorker
    this.#timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
  }

  /**
   * Start the Worker now, so the first run is fast.
   *
   * @returns when the Worker is ready
   * @example
   * button.addEventListener('pointerenter', () => void runtime.warm(), { once: true })
   */
  warm(): Promise<void> {
    if (!this.#ready) {
      let worker: Worker
      try {
        worker = this.#createWorker()
      } catch (error) {
        // No Worker here (or one refused): reject rather than throw, and try again next time.
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
      this.#worker = worker
      this.#ready = new Promise((resolve, reject) => {
        const onMessage = (event: MessageEvent<{ ready?: boolean }>) => {
          if (!event.data.ready) return
          worker.removeEventListener('message', onMessage)
          resolve()
        }
        worker.addEventListener('message', onMessage)
        worker.addEventListener(
          'error',
          (event) => reject(new Error(event.message || 'The runner could not start.')),
          {
            once: true,
          },
        )
      })
    }
    return this.#ready
  }

  /**
   * Run an exercise. Runs are queued, one at a time.
   *
   * @param request - files, checks and entry
   * @param progress - told of an example's printed lines as the Worker reports them
   * @returns the verdict; code that runs past the time limit gives an `error` verdict
   * @example
   * const verdict = await runtime.run(requestFor(bundle, { 'app.ts': code }), { onOutput: (line) => print(line) })
   */
  run(request: RunRequest, progress: RunProgress = {}): Promise<Verdict> {
    const result = this.#queue.then(() => this.#runNow(request, progress))
    this.#queue = result.catch(() => undefined)
    return result
  }

  async #runNow(request: RunRequest, progress: RunProgress): Promise<Verdict> {
    await this.warm()
    const worker = this.#worker as Worker
    const id = this.#nextId++
    return new Promise<Verdict>((resolve) => {
      const timer = setTimeout(() => {
        worker.removeEventListener('message', onMessage)
        this.dispose()
        resolve(timeLimitVerdict(this.#timeLimitMs))
      }, this.#timeLimitMs)
      const onMessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data
        if (!('id' in reply) || reply.id !== id) return
        if ('output' in reply) {
          progress.onOutput?.(reply.output, reply.index)
          return
        }
        clearTimeout(timer)
        worker.removeEventListener('message', onMessage)
        resolve(reply.verdict)
      }
      worker.addEventListener('message', onMessage)
      worker.postMessage({ id, request })
    })
  }

  /**
   * Stop the Worker; the next run starts a fresh one.
   *
   * @example
   * addEventListener('pagehide', () => runtime.dispose())
   */
  dispose(): void {
    this.#worker?.terminate()
    this.#worker = undefined
    this.#ready = undefined
  }
}
