import { say } from '../grader/sentences'
// The page-facing API of the exercise engine. Everything here runs in the browser: no Node
// modules. The WebContainer adapter (with sucrase and @webcontainer/api) loads only when a
// WebContainer is tried, so a page that only uses the Worker stays small.
import type { FileSystemTree } from '@webcontainer/api'
import type { ExerciseBundle } from '../schemas/exercise'
import type { RunProgress } from '../grader/harness/grade'
import { requestFor } from '../grader/run-request'
import { errorVerdict, type Verdict } from '../grader/verdict'
import type {
  WebContainerLike,
  WebContainerRuntime,
  WebContainerStatus,
} from './webcontainer/webcontainer-runtime'
import { DEFAULT_TIME_LIMIT_MS, WorkerRuntime } from './worker/worker-runtime'
import { loadSqliteWasm } from './sqlite-wasm'

export { BLANK, blanksVerdict, findBlanks, nextBlank, type BlankPosition } from '../grader/blanks'
export {
  decodeCookie,
  decodeSignedCookie,
  tamperWith,
  type DecodedCookie,
  type SignedCookieExplained,
} from '../inspector/cookie-decoder'
export type { RunProgress } from '../grader/harness/grade'
export { requestFor, type RunRequest } from '../grader/run-request'
export { RUN_TIME_LIMIT_MS, timeLimitVerdict } from '../grader/time-limit'
export {
  formatCodeLocation,
  type BlankLocation,
  type CheckResult,
  type CodeError,
  type TimelineEntry,
  type Verdict,
} from '../grader/verdict'
export type { WebContainerStatus } from './webcontainer/webcontainer-runtime'
export { DEFAULT_TIME_LIMIT_MS, WorkerRuntime, type RuntimeWorkers } from './worker/worker-runtime'

/**
 * Which runtime the learner wants: `auto` (a WebContainer once it is ready, the Worker until
 * then), `worker` (always in the page) or `webcontainer` (wait for it to boot, then fall back).
 *
 * @example
 * runner.chooseRuntime('worker')
 */
export type RuntimePreference = 'auto' | 'worker' | 'webcontainer'

/**
 * Where the runner stands, for the runtime picker and its note.
 *
 * @example
 * runner.onStatus((status) => (note.textContent = status.note))
 */
export interface RunnerStatus {
  /** The runtime the next run uses. */
  runtime: 'worker' | 'webcontainer'
  preference: RuntimePreference
  /** `idle` until a WebContainer is tried; `failed` carries the reason. */
  webcontainer: WebContainerStatus
  /** One sentence for the learner about where their code runs (empty when there is nothing to say). */
  note: string
  /** True when `startPreview` can serve the app (a WebContainer is ready). */
  previewAvailable: boolean
}

/**
 * Options for {@link createRunner}. Every one has a default that suits the site.
 *
 * @example
 * createRunner({ timeLimitMs: 5000, webcontainer: { bootTimeoutMs: 20_000 } })
 */
export interface RunnerOptions {
  /** Makes the grader Worker; by default Vite's `new Worker(new URL('./worker/worker-entry.ts', import.meta.url))`. */
  createWorker?: () => Worker
  /** Makes an app Worker, one per run; by default from `./worker/app-worker-entry.ts` likewise. */
  createAppWorker?: () => Worker
  /** The learner's saved preference to start with (default `auto`); setting it boots nothing. */
  preference?: RuntimePreference
  /** How long learner code may run, in the Worker and the WebContainer (default {@link RUN_TIME_LIMIT_MS}). */
  timeLimitMs?: number
  /**
   * sql.js's compiled WebAssembly, asked for only by runs whose code imports `signed-in/db`
   * (default: the site's own copy, fetched and compiled once per page).
   */
  sqliteWasm?: () => Promise<WebAssembly.Module>
  /** `false` never tries a WebContainer. */
  webcontainer?:
    | false
    | {
        /** Boots the container (default `WebContainer.boot()` from `@webcontainer/api`). */
        boot?: () => Promise<WebContainerLike>
        /** The prebuilt tree (default: fetched from `/runtime/webcontainer-tree.json`). */
        loadTree?: () => Promise<FileSystemTree>
        /** Default 20 s; offline, boot never settles. */
        bootTimeoutMs?: number
        /** Whether this page can host one (default: cross-origin isolated, not a touch screen). */
        supported?: () => boolean
      }
}

/**
 * The exercise engine as the page sees it: run a bundle with the learner's files in the best
 * runtime, watch the status, serve a live preview.
 *
 * @example
 * const runner = createRunner()
 * const verdict = await runner.run(bundle, { 'app.ts': editor.getValue() })
 */
export interface Runner {
  /**
   * The current status.
   *
   * @example
   * runner.status.runtime // 'worker'
   */
  readonly status: RunnerStatus
  /**
   * Be told of every status change (and once at once).
   *
   * @returns a function that unsubscribes
   * @example
   * const stop = runner.onStatus((status) => (note.textContent = status.note))
   */
  onStatus(listener: (status: RunnerStatus) => void): () => void
  /**
   * Start the Worker now, so the first run is fast. It boots no WebContainer: see
   * {@link Runner.bootInBackground}.
   *
   * @example
   * button.addEventListener('pointerenter', () => runner.warm(), { once: true })
   */
  warm(): void
  /**
   * Boot a WebContainer in the background, unless the preference is `worker` or one was tried
   * already. Booting takes the page's main thread for a few hundred milliseconds, so call it when
   * the learner is not waiting on anything else: after a first run, or once the editor is ready.
   *
   * @example
   * await runner.run(bundle, files)
   * runner.bootInBackground()
   */
  bootInBackground(): void
  /**
   * Set the preference; returns the new status.
   *
   * @example
   * picker.addEventListener('change', () => runner.chooseRuntime(picker.value as RuntimePreference))
   */
  chooseRuntime(preference: RuntimePreference): RunnerStatus
  /**
   * Grade the learner's files (missing files come from the starter). Never rejects. An example's
   * lines reach `progress.onOutput` as they are printed (the Worker and the WebContainer report
   * each one as it happens), and the verdict carries them all again. `only` names the checks to
   * run, for a multi-step exercise's steps so far.
   *
   * @example
   * const verdict = await runner.run(bundle, { 'app.ts': editor.getValue() }, { onOutput: print })
   */
  run(
    bundle: ExerciseBundle,
    files: Record<string, string>,
    progress?: RunProgress,
    only?: readonly string[],
  ): Promise<Verdict>
  /**
   * Serve the learner's app in the WebContainer. The URL arrives through `onServerReady`, and
   * through `onReady` (once) when given.
   *
   * @returns false when no WebContainer is ready
   * @example
   * if (!(await runner.startPreview(bundle, files, (url) => (iframe.src = url)))) preview.hidden = true
   */
  startPreview(
    bundle: ExerciseBundle,
    files: Record<string, string>,
    onReady?: (url: string) => void,
  ): Promise<boolean>
  /**
   * Be told the live preview's URL whenever a server starts in the WebContainer.
   *
   * @returns a function that unsubscribes
   * @example
   * runner.onServerReady((url) => (iframe.src = url))
   */
  onServerReady(listener: (url: string) => void): () => void
  /**
   * Stop the Worker and tear down the WebContainer.
   *
   * @example
   * addEventListener('pagehide', () => void runner.dispose())
   */
  dispose(): Promise<void>
}

/**
 * The learner-facing sentence for a status.
 *
 * @param preference - what the learner chose
 * @param container - where the WebContainer stands
 * @returns the runtime in use and a note
 * @example
 * describeRuntime('auto', { state: 'failed', reason: 'it did not start within 20 seconds' }).note
 * // 'Node in the browser could not start: it did not start within 20 seconds. Your code runs in this page instead; the checks are the same.'
 */
export function describeRuntime(
  preference: RuntimePreference,
  container: WebContainerStatus,
): Pick<RunnerStatus, 'runtime' | 'note' | 'previewAvailable'> {
  if (preference === 'worker')
    return {
      runtime: 'worker',
      note: 'Your code runs in this page (chosen). Checks are the same everywhere.',
      previewAvailable: false,
    }
  switch (container.state) {
    case 'ready':
      return {
        runtime: 'webcontainer',
        note: 'Your code runs in a WebContainer: real Node in your browser.',
        previewAvailable: true,
      }
    case 'booting':
      return {
        runtime: 'worker',
        note: 'Starting Node in your browser (a WebContainer). Until it is ready, checks run in this page.',
        previewAvailable: false,
      }
    case 'failed':
      return {
        runtime: 'worker',
        note: `Node in the browser could not start: ${container.reason}. Your code runs in this page instead; the checks are the same.`,
        previewAvailable: false,
      }
    default:
      return { runtime: 'worker', note: '', previewAvailable: false }
  }
}

const defaultCreateWorker = () =>
  new Worker(new URL('./worker/worker-entry.ts', import.meta.url), {
    type: 'module',
    name: 'signed-in-runner',
  })

const defaultCreateAppWorker = () =>
  new Worker(new URL('./worker/app-worker-entry.ts', import.meta.url), {
    type: 'module',
    name: 'signed-in-app',
  })

const defaultSupported = () =>
  globalThis.crossOriginIsolated === true &&
  !(typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches)

/**
 * Make the page's runner: a Worker runtime that always works (offline, any modern browser) and,
 * where the page allows, a WebContainer booted in the background, raced against a timeout. A
 * WebContainer that fails to boot, or fails during a run, leaves the Worker in charge with a note
 * saying why. Make one per page.
 *
 * @param options - see {@link RunnerOptions}
 * @returns the runner
 * @example
 * const runner = createRunner()
 * runner.onStatus((status) => (note.textContent = status.note))
 * button.addEventListener('pointerenter', () => runner.warm(), { once: true })
 * button.addEventListener('click', async () => {
 *   show(await runner.run(bundle, editorFiles()))
 *   runner.bootInBackground()
 * })
 */
export function createRunner(options: RunnerOptions = {}): Runner {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
  const worker = new WorkerRuntime(
    {
      grader: options.createWorker ?? defaultCreateWorker,
      app: options.createAppWorker ?? defaultCreateAppWorker,
    },
    { timeLimitMs, sqliteWasm: options.sqliteWasm ?? loadSqliteWasm },
  )
  const containerOptions = options.webcontainer === false ? null : (options.webcontainer ?? {})
  const listeners = new Set<(status: RunnerStatus) => void>()
  const serverListeners = new Set<(url: string) => void>()
  let preference: RuntimePreference = options.preference ?? 'auto'
  let container: WebContainerStatus = { state: 'idle' }
  let containerRuntime: Promise<WebContainerRuntime | null> | undefined
  let status = compute()
  // The WebContainer run in progress: a newer Check, or leaving the page, cancels it. (The Worker
  // runtime cancels its own runs the same way.)
  let currentRun: AbortController | undefined

  function compute(): RunnerStatus {
    return { ...describeRuntime(preference, container), preference, webcontainer: container }
  }
  function update(next: WebContainerStatus = container) {
    container = next
    status = compute()
    for (const listener of listeners) listener(status)
  }

  function startWebContainer(): Promise<WebContainerRuntime | null> {
    containerRuntime ??= (async () => {
      if (!containerOptions) {
        update({ state: 'failed', reason: 'this site runs code in the page only' })
        return null
      }
      if (!(containerOptions.supported ?? defaultSupported)()) {
        update({ state: 'failed', reason: 'this browser or page cannot host one' })
        return null
      }
      try {
        const { WebContainerRuntime } = await import('./webcontainer/webcontainer-runtime')
        const runtime = new WebContainerRuntime({
          boot:
            containerOptions.boot ??
            (async () => (await import('@webcontainer/api')).WebContainer.boot()),
          loadTree:
            containerOptions.loadTree ??
            (async () => (await fetch('/runtime/webcontainer-tree.json')).json()),
          ...(containerOptions.bootTimeoutMs
            ? { bootTimeoutMs: containerOptions.bootTimeoutMs }
            : {}),
          runTimeoutMs: timeLimitMs,
          onStatus: (next) => update(next),
        })
        runtime.onServerReady((url) => {
          for (const listener of serverListeners) listener(url)
        })
        return (await runtime.start()) ? runtime : null
      } catch (error) {
        update({ state: 'failed', reason: error instanceof Error ? error.message : String(error) })
        return null
      }
    })()
    return containerRuntime
  }

  async function runInWorker(
    bundle: ExerciseBundle,
    files: Record<string, string>,
    progress: RunProgress,
    only?: readonly string[],
  ) {
    try {
      return await worker.run(requestFor(bundle, files, only), progress)
    } catch (error) {
      return errorVerdict(say.runnerCouldNotStart(error))
    }
  }

  return {
    get status() {
      return status
    },
    onStatus(listener) {
      listeners.add(listener)
      listener(status)
      return () => void listeners.delete(listener)
    },
    warm() {
      // A Worker that cannot start (no Worker at all, or one refused) is reported by the next run.
      void worker.warm().catch(() => undefined)
    },
    bootInBackground() {
      if (preference !== 'worker') void startWebContainer()
    },
    chooseRuntime(next) {
      preference = next
      update()
      if (next !== 'worker') void startWebContainer()
      return status
    },
    async run(bundle, files, progress = {}, only) {
      if (preference === 'webcontainer') await startWebContainer()
      if (status.runtime === 'webcontainer') {
        const runtime = await containerRuntime
        if (runtime) {
          currentRun?.abort(new Error('a newer run replaced it'))
          const controller = (currentRun = new AbortController())
          try {
            return await runtime.run(requestFor(bundle, files, only), progress, controller.signal)
          } catch (error) {
            update({
              state: 'failed',
              reason: `it stopped working (${error instanceof Error ? error.message : String(error)})`,
            })
          }
        }
      }
      return runInWorker(bundle, files, progress, only)
    },
    async startPreview(bundle, files, onReady) {
      if (!status.previewAvailable) return false
      const runtime = await containerRuntime
      if (!runtime) return false
      await runtime.startPreview(requestFor(bundle, files), onReady)
      return true
    },
    onServerReady(listener) {
      serverListeners.add(listener)
      return () => void serverListeners.delete(listener)
    },
    async dispose() {
      currentRun?.abort(new Error('the page is closing'))
      worker.dispose()
      const runtime = await containerRuntime
      containerRuntime = undefined
      await runtime?.dispose()
      update({ state: 'idle' })
    },
  }
}
