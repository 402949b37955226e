import type { ExerciseBundle } from '../schemas/exercise'
import { persistentAtom } from '@nanostores/persistent'
import { atom, computed, type ReadableAtom } from 'nanostores'
import {
  createRunner,
  describeRuntime,
  type RunProgress,
  type Runner,
  type RunnerStatus,
  type RuntimePreference,
} from '../runner/index'
import type { Verdict } from '../grader/verdict'
import type { WebContainerStatus } from '../runner/webcontainer/webcontainer-runtime'

/**
 * Which runtime the learner wants: the best available, the in-page Worker, or a WebContainer.
 *
 * @example
 * const choice: RuntimeChoice = 'worker'
 */
export type RuntimeChoice = RuntimePreference

/**
 * Which runtime runs learner code now, and a sentence for the learner about it.
 *
 * @example
 * const status: RuntimeStatus = { runtime: 'worker', note: '', previewAvailable: false }
 */
export type RuntimeStatus = Pick<RunnerStatus, 'runtime' | 'note' | 'previewAvailable'>

const $choice = persistentAtom<RuntimeChoice>('signed-in:runtime', 'auto', {
  encode: (value) => value,
  decode: (text) => (text === 'worker' || text === 'webcontainer' ? text : 'auto'),
})
const $container = atom<WebContainerStatus>({ state: 'idle' })

/**
 * The learner's runtime choice, read-only. It is remembered across visits.
 *
 * @example
 * $runtimeChoice.get() // 'auto'
 */
export const $runtimeChoice: ReadableAtom<RuntimeChoice> = computed($choice, (value) => value)

/**
 * The runtime in use and what to tell the learner about it. Before anything runs it already says
 * what the choice means, so the page can show it without starting a runtime.
 *
 * @example
 * $runtimeStatus.subscribe((status) => (note.textContent = status.note))
 */
export const $runtimeStatus: ReadableAtom<RuntimeStatus> = computed(
  [$choice, $container],
  (choice, container) => describeRuntime(choice, container),
)

// One runner per page (a WebContainer can boot only once per page), made on first use so an idle
// page starts no Worker and loads nothing for it.
let runner: Runner | undefined

function pageRunner(): Runner {
  if (!runner) {
    const made = createRunner({ preference: $choice.get() })
    made.onStatus((status) => $container.set(status.webcontainer))
    runner = made
  }
  return runner
}

/**
 * Start the Worker ahead of the first run (call on first interaction), so the first Check is fast
 * while an idle page pays nothing.
 *
 * @example
 * panel.addEventListener('pointerenter', () => warmRuntime(), { once: true })
 */
export function warmRuntime(): void {
  pageRunner().warm()
}

/**
 * Boot a WebContainer in the background (unless the learner chose the in-page runtime), at a
 * moment the learner is not waiting: after a run, or once the editor is ready. Until it is ready,
 * and if it never is, code runs in the Worker.
 *
 * @example
 * editor.addEventListener('editor-ready', () => bootWebContainerInBackground(), { once: true })
 */
export function bootWebContainerInBackground(): void {
  const made = pageRunner()
  syncPreference(made)
  made.bootInBackground()
}

/** Another tab may have changed the remembered choice; the runner follows it before it acts. */
function syncPreference(made: Runner): void {
  if (made.status.preference !== $choice.get()) made.chooseRuntime($choice.get())
}

/**
 * Remember which runtime to use, and start a WebContainer if the choice wants one.
 *
 * @param choice - `auto`, `worker` or `webcontainer`
 * @example
 * chooseRuntime('worker')
 */
export function chooseRuntime(choice: RuntimeChoice): void {
  $choice.set(choice)
  pageRunner().chooseRuntime(choice)
}

/**
 * Run an exercise with the learner's files in the runtime in use: the WebContainer when it is
 * ready (and not declined), otherwise the Worker. Never rejects.
 *
 * @param bundle - the exercise's page bundle
 * @param files - the learner's files
 * @param progress - told of an example's printed lines as they happen
 * @param only - the names of the checks to run (a multi-step exercise's steps so far); default all
 * @returns the verdict
 * @example
 * const verdict = await runInChosenRuntime(bundle, { 'app.ts': code }, { onOutput: print })
 */
export function runInChosenRuntime(
  bundle: ExerciseBundle,
  files: Record<string, string>,
  progress: RunProgress = {},
  only?: readonly string[],
): Promise<Verdict> {
  const made = pageRunner()
  syncPreference(made)
  const verdict = waitForChosenContainer(made).then(() => made.run(bundle, files, progress, only))
  // After a first run a WebContainer is surely wanted. Booting it during the run would slow the
  // run, so it starts once the verdict is in.
  void verdict.then(() => made.bootInBackground())
  return verdict
}

/**
 * How long a run waits for a WebContainer the learner asked for before it runs in the page
 * instead (only the first run on a page waits). Offline the boot never settles, and a learner should not stare at "Running…".
 *
 * @example
 * BOOT_WAIT_MS // 3000
 */
export const BOOT_WAIT_MS = 3000

/**
 * When the learner chose a WebContainer that is not ready, give its boot {@link BOOT_WAIT_MS} at
 * most (less when it fails sooner). If it is still not ready, this run goes to the page: the
 * runner is told "auto" for now, which runs in the page while the boot goes on and uses Node once
 * it is up; the learner's saved choice is unchanged, and the note says checks run in this page.
 */
let waitedForContainer = false
async function waitForChosenContainer(made: Runner): Promise<void> {
  if ($choice.get() !== 'webcontainer') return
  made.bootInBackground()
  // Only the first run waits: later runs, while the boot goes on, go to the page at once.
  const wait = !waitedForContainer
  waitedForContainer = true
  const settled = () => ['ready', 'failed'].includes($container.get().state)
  if (wait && !settled())
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, BOOT_WAIT_MS)
      const stop = $container.listen(() => settled() && finish())
      function finish() {
        clearTimeout(timer)
        stop()
        resolve()
      }
    })
  if ($container.get().state !== 'ready') made.chooseRuntime('auto')
}

/**
 * Serve the learner's app in the WebContainer for the live preview.
 *
 * @param bundle - the exercise's page bundle
 * @param files - the learner's files
 * @param onReady - receives the preview URL once the server listens
 * @returns false when no WebContainer is ready
 * @example
 * await startPreview(bundle, files, (url) => (iframe.src = url))
 */
export function startPreview(
  bundle: ExerciseBundle,
  files: Record<string, string>,
  onReady: (url: string) => void,
): Promise<boolean> {
  return pageRunner().startPreview(bundle, files, onReady)
}
