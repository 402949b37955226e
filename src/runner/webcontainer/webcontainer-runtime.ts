import { say } from '../../grader/sentences'
import type { FileSystemTree } from '@webcontainer/api'
import type { RunProgress } from '../../grader/harness/grade'
import type { RunRequest } from '../../grader/run-request'
import {
  abortedVerdict,
  RUN_TIME_LIMIT_MS,
  runSignal,
  TimeLimitReached,
  untilAborted,
  timeLimitFor,
} from '../../grader/time-limit'
import { errorVerdict, type Verdict } from '../../grader/verdict'
import { precompileRequest } from './precompile'
import { OUTPUT_MARKER, REQUEST_PATH, VERDICT_MARKER } from './protocol'

/** How much longer than the runner's own time limit the page waits before it kills the runner. */
const RUNNER_ANSWER_MS = 1000

/**
 * The parts of `@webcontainer/api`'s `WebContainer` this adapter uses (the fake honours the same).
 *
 * @example
 * const container: WebContainerLike = await WebContainer.boot()
 */
export interface WebContainerLike {
  mount(tree: FileSystemTree): Promise<void>
  spawn(
    command: string,
    args: string[],
  ): Promise<{ output: ReadableStream<string>; exit: Promise<number>; kill(): void }>
  fs: { writeFile(path: string, data: string): Promise<void> }
  on(event: 'server-ready', listener: (port: number, url: string) => void): () => void
  teardown(): void
}

/**
 * Where the WebContainer runtime stands.
 *
 * @example
 * runtime.status // { state: 'failed', reason: 'it did not start within 20 seconds …' }
 */
export type WebContainerStatus =
  | { state: 'idle' }
  | { state: 'booting' }
  | { state: 'ready' }
  | { state: 'failed'; reason: string }

/**
 * Options for {@link WebContainerRuntime}.
 *
 * @example
 * new WebContainerRuntime({ boot: () => WebContainer.boot(), loadTree, bootTimeoutMs: 20_000 })
 */
export interface WebContainerRuntimeOptions {
  /** Boots the container: `() => WebContainer.boot()` in the browser. */
  boot: () => Promise<WebContainerLike>
  /** Loads the prebuilt dependency tree (fetched from the site). */
  loadTree: () => Promise<FileSystemTree>
  /** How long to wait for boot before giving up (default 20 s). Offline, boot never settles. */
  bootTimeoutMs?: number
  /** How long a run may take (default {@link RUN_TIME_LIMIT_MS}, the limit every runtime shares). */
  runTimeoutMs?: number
  /** Told whenever the status changes. */
  onStatus?: (status: WebContainerStatus) => void
}

/**
 * Runs exercises in a WebContainer: real Node in the browser. Boots once, in the background, raced
 * against a timeout; mounts the prebuilt tree instead of `npm install`; compiles TypeScript in the
 * page; runs the same checks with `node runner.mjs`; and can serve the learner's app for a live
 * preview. When boot fails, the caller falls back to the Worker runtime.
 *
 * @example
 * const runtime = new WebContainerRuntime({ boot: () => WebContainer.boot(), loadTree: () => fetch('/runtime/webcontainer-tree.json').then((r) => r.json()) })
 * if (await runtime.start()) console.log(await runtime.run(request))
 */
export class WebContainerRuntime {
  readonly #options: Required<Omit<WebContainerRuntimeOptions, 'onStatus'>> &
    Pick<WebContainerRuntimeOptions, 'onStatus'>
  #container: Promise<WebContainerLike | null> | undefined
  #status: WebContainerStatus = { state: 'idle' }
  #preview: { kill(): void } | undefined
  readonly #serverListeners = new Set<(url: string, port: number) => void>()

  /**
   * @param options - boot, tree and timeouts
   * @example
   * new WebContainerRuntime({ boot: () => FakeWebContainer.boot(), loadTree: buildContainerTree })
   */
  constructor(options: WebContainerRuntimeOptions) {
    this.#options = { bootTimeoutMs: 20_000, runTimeoutMs: RUN_TIME_LIMIT_MS, ...options }
  }

  /**
   * The current status.
   *
   * @example
   * if (runtime.status.state === 'failed') note.textContent = runtime.status.reason
   */
  get status(): WebContainerStatus {
    return this.#status
  }

  #setStatus(status: WebContainerStatus) {
    this.#status = status
    this.#options.onStatus?.(status)
  }

  /**
   * Boot and mount, once; later calls share the first. Never rejects.
   *
   * @returns true when ready, false when boot failed or timed out (see `status.reason`)
   * @example
   * if (!(await runtime.start())) useWorkerInstead(runtime.status)
   */
  async start(): Promise<boolean> {
    this.#container ??= this.#boot()
    return (await this.#container) !== null
  }

  async #boot(): Promise<WebContainerLike | null> {
    this.#setStatus({ state: 'booting' })
    const seconds = Number((this.#options.bootTimeoutMs / 1000).toFixed(1))
    const controller = new AbortController()
    const timer = setTimeout(
      () =>
        controller.abort(
          new Error(
            `it did not start within ${seconds} seconds (StackBlitz's servers may be unreachable)`,
          ),
        ),
      this.#options.bootTimeoutMs,
    )
    try {
      const container = await untilAborted(this.#options.boot(), controller.signal)
      await untilAborted(
        this.#options.loadTree().then((tree) => container.mount(tree)),
        controller.signal,
      )
      container.on('server-ready', (port, url) => {
        for (const listener of this.#serverListeners) listener(url, port)
      })
      this.#setStatus({ state: 'ready' })
      return container
    } catch (error) {
      this.#setStatus({
        state: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      })
      return null
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * Grade an exercise in the container.
   *
   * @param request - files, checks and entry, in TypeScript
   * @param progress - told of an example's printed lines as runner.mjs reports them
   * @param signal - cancels the run (the time limit applies as well)
   * @returns the verdict
   * @throws when the container is not ready (call `start()` first)
   * @example
   * const verdict = await runtime.run(requestFor(bundle, { 'app.ts': code }))
   */
  async run(
    request: RunRequest,
    progress: RunProgress = {},
    signal?: AbortSignal,
  ): Promise<Verdict> {
    const container = await this.#ready()
    await container.fs.writeFile(REQUEST_PATH, JSON.stringify(precompileRequest(request)))
    const limitMs = timeLimitFor(request, this.#options.runTimeoutMs)
    const process = await container.spawn('node', ['runner.mjs', REQUEST_PATH, String(limitMs)])
    const output = collectLines(process.output, (line) => {
      if (!line.startsWith(OUTPUT_MARKER)) return
      const reported = JSON.parse(line.slice(OUTPUT_MARKER.length)) as {
        output: string
        index: number
      }
      progress.onOutput?.(reported.output, reported.index)
    })
    // One signal for the run: the time limit, or the caller cancelling (a newer Check, leaving the
    // page). Either way the process is killed and the verdict says which.
    // The runner keeps the same limit and answers first, saying what the app was doing; this one
    // is the backstop, a moment later, should the runner itself not answer.
    const { signal: runSignalled, done } = runSignal(limitMs + RUNNER_ANSWER_MS, signal)
    let result: number
    try {
      result = await untilAborted(process.exit, runSignalled)
    } catch {
      process.kill()
      const reason: unknown = runSignalled.reason
      return abortedVerdict(
        reason instanceof TimeLimitReached ? new TimeLimitReached(limitMs) : reason,
      )
    } finally {
      done()
    }
    // The output stream closes when the process ends; don't wait on it forever if it does not.
    const text = await untilAborted(output, AbortSignal.timeout(2000)).catch(() => '')
    const line = text
      .split('\n')
      .map((candidate) => candidate.replace(/\r$/, ''))
      .find((candidate) => candidate.startsWith(VERDICT_MARKER))
    if (!line) {
      return errorVerdict(
        say.nodeStoppedEarly(
          result,
          text
            .split('\n')
            .filter((each) => !each.startsWith(OUTPUT_MARKER))
            .join('\n')
            .trim()
            .slice(-500),
        ),
      )
    }
    return JSON.parse(line.slice(VERDICT_MARKER.length)) as Verdict
  }

  /**
   * Be told whenever a server inside the container starts listening (the live preview).
   *
   * @param listener - receives the URL to show in an iframe, and the port
   * @returns a function that unsubscribes
   * @example
   * const stop = runtime.onServerReady((url) => (iframe.src = url))
   */
  onServerReady(listener: (url: string, port: number) => void): () => void {
    this.#serverListeners.add(listener)
    return () => void this.#serverListeners.delete(listener)
  }

  /**
   * Serve the learner's app inside the container for the live preview, stopping the previous one.
   * The URL arrives through {@link onServerReady} (and `onReady`, once, when given).
   *
   * @param request - the learner's files
   * @param onReady - called once with the preview URL when this server listens
   * @example
   * await runtime.startPreview(request, (url) => (iframe.src = url))
   */
  async startPreview(request: RunRequest, onReady?: (url: string) => void): Promise<void> {
    const container = await this.#ready()
    this.#preview?.kill()
    if (onReady) {
      const stop = this.onServerReady((url) => {
        stop()
        onReady(url)
      })
    }
    await container.fs.writeFile('preview-request.json', JSON.stringify(precompileRequest(request)))
    this.#preview = await container.spawn('node', ['preview.mjs', 'preview-request.json'])
  }

  async #ready(): Promise<WebContainerLike> {
    const container = await (this.#container ?? Promise.resolve(null))
    if (!container) throw new Error('The WebContainer is not running; use the in-page runtime.')
    return container
  }

  /**
   * Stop the preview and tear the container down.
   *
   * @example
   * await runtime.dispose()
   */
  async dispose(): Promise<void> {
    this.#preview?.kill()
    ;(await this.#container)?.teardown()
    this.#container = undefined
    this.#setStatus({ state: 'idle' })
  }
}

/** Read a process's output to the end, handing each complete line to `onLine` as it arrives. */
async function collectLines(
  stream: ReadableStream<string>,
  onLine: (line: string) => void,
): Promise<string> {
  let text = ''
  let lineStart = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text
    text += value
    for (let end = text.indexOf('\n', lineStart); end >= 0; end = text.indexOf('\n', lineStart)) {
      onLine(text.slice(lineStart, end).replace(/\r$/, ''))
      lineStart = end + 1
    }
  }
}
