import { persistentAtom } from '@nanostores/persistent'
import { atom, computed, type ReadableAtom } from 'nanostores'
import type { PageExerciseBundle } from '../course/exercises'
import { requestFor } from '../runner/run-request'
import type { Verdict } from '../runner/verdict'
import type {
  WebContainerRuntime,
  WebContainerStatus,
} from '../runner/webcontainer/webcontainer-runtime'
import { WorkerRuntime } from '../runner/worker/worker-runtime'

/** Which runtime the learner wants: the best available, the in-page Worker, or a WebContainer. */
export type RuntimeChoice = 'auto' | 'worker' | 'webcontainer'

/** Which runtime runs learner code now, and a sentence for the learner about it. */
export interface RuntimeStatus {
  kind: 'worker' | 'webcontainer'
  note: string
  /** True when a live preview can be started. */
  previewAvailable: boolean
}

const $choice = persistentAtom<RuntimeChoice>('signed-in:runtime', 'auto', {
  encode: (value) => value,
  decode: (text) => (text === 'worker' || text === 'webcontainer' ? text : 'auto'),
})
const $container = atom<WebContainerStatus>({ state: 'idle' })

/**
 * The learner's runtime choice, read-only.
 *
 * @example
 * $runtimeChoice.get() // 'auto'
 */
export const $runtimeChoice: ReadableAtom<RuntimeChoice> = computed($choice, (value) => value)

/**
 * The runtime in use and what to tell the learner about it.
 *
 * @example
 * $runtimeStatus.subscribe((status) => (note.textContent = status.note))
 */
export const $runtimeStatus: ReadableAtom<RuntimeStatus> = computed(
  [$choice, $container],
  (choice, container): RuntimeStatus => {
    if (choice === 'worker') {
      return {
        kind: 'worker',
        note: 'Your code runs in this page (chosen). Checks are the same everywhere.',
        previewAvailable: false,
      }
    }
    if (container.state === 'ready') {
      return {
        kind: 'webcontainer',
        note: 'Your code runs in a WebContainer: real Node in your browser.',
        previewAvailable: true,
      }
    }
    if (container.state === 'booting') {
      return {
        kind: 'worker',
        note: 'Starting Node in your browser (a WebContainer). Until it is ready, checks run in this page.',
        previewAvailable: false,
      }
    }
    if (container.state === 'failed') {
      return {
        kind: 'worker',
        note: `Node in the browser could not start: ${container.reason}. Your code runs in this page instead; the checks are the same.`,
        previewAvailable: false,
      }
    }
    return { kind: 'worker', note: '', previewAvailable: false }
  },
)

let worker: WorkerRuntime | undefined
let container: Promise<WebContainerRuntime | null> | undefined

function workerRuntime(): WorkerRuntime {
  worker ??= new WorkerRuntime(
    () =>
      new Worker(new URL('../runner/worker/worker-entry.ts', import.meta.url), {
        type: 'module',
        name: 'signed-in-runner',
      }),
  )
  return worker
}

/** WebContainers need a cross-origin isolated page and a desktop browser; phones cannot run them. */
function canTryWebContainer(): boolean {
  return globalThis.crossOriginIsolated === true && !matchMedia('(pointer: coarse)').matches
}

function startWebContainer(): Promise<WebContainerRuntime | null> {
  container ??= (async () => {
    if (!canTryWebContainer()) {
      $container.set({ state: 'failed', reason: 'this browser or page cannot host one' })
      return null
    }
    const [{ WebContainer }, { WebContainerRuntime }] = await Promise.all([
      import('@webcontainer/api'),
      import('../runner/webcontainer/webcontainer-runtime'),
    ])
    const runtime = new WebContainerRuntime({
      boot: () => WebContainer.boot(),
      loadTree: async () => (await fetch('/runtime/webcontainer-tree.json')).json(),
      onStatus: (status) => $container.set(status),
    })
    return (await runtime.start()) ? runtime : null
  })()
  return container
}

/**
 * Start the runtimes ahead of the first run (call on first interaction): the Worker at once, and a
 * WebContainer in the background unless the learner chose the in-page runtime.
 *
 * @example
 * panel.addEventListener('pointerenter', () => warmRuntime(), { once: true })
 */
export function warmRuntime(): void {
  void workerRuntime()
    .warm()
    .catch(() => undefined)
  if ($choice.get() !== 'worker') void startWebContainer()
}

/**
 * Remember which runtime to use.
 *
 * @param choice - `auto`, `worker` or `webcontainer`
 * @example
 * chooseRuntime('worker')
 */
export function chooseRuntime(choice: RuntimeChoice): void {
  $choice.set(choice)
  if (choice !== 'worker') void startWebContainer()
}

/**
 * Run an exercise with the learner's files in the runtime in use: the WebContainer when it is
 * ready (and not declined), otherwise the Worker.
 *
 * @param bundle - the exercise's page bundle
 * @param files - the learner's files
 * @returns the verdict
 * @example
 * const verdict = await runInChosenRuntime(bundle, { 'app.ts': code })
 */
export async function runInChosenRuntime(
  bundle: unknown,
  files: Record<string, string>,
): Promise<Verdict> {
  const request = requestFor(bundle as PageExerciseBundle, files)
  if ($runtimeStatus.get().kind === 'webcontainer') {
    const runtime = await container
    if (runtime) return runtime.run(request)
  }
  return workerRuntime().run(request)
}

/**
 * Serve the learner's app in the WebContainer for the live preview.
 *
 * @param bundle - the exercise's page bundle
 * @param files - the learner's files
 * @param onReady - receives the preview URL
 * @returns false when no WebContainer is ready
 * @example
 * await startPreview(bundle, files, (url) => (iframe.src = url))
 */
export async function startPreview(
  bundle: unknown,
  files: Record<string, string>,
  onReady: (url: string) => void,
): Promise<boolean> {
  const runtime = await container
  if (!runtime) return false
  await runtime.startPreview(requestFor(bundle as PageExerciseBundle, files), onReady)
  return true
}
