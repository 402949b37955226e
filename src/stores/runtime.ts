import { atom, type ReadableAtom } from 'nanostores'
import type { PageExerciseBundle } from '../course/exercises'
import { requestFor } from '../runner/run-request'
import type { Verdict } from '../runner/verdict'
import { WorkerRuntime } from '../runner/worker/worker-runtime'

/** Which runtime runs learner code, and a sentence for the learner about it. */
export interface RuntimeStatus {
  kind: 'worker' | 'webcontainer'
  note: string
}

const $status = atom<RuntimeStatus>({ kind: 'worker', note: '' })

/**
 * The runtime in use, read-only.
 *
 * @example
 * $runtimeStatus.subscribe((status) => console.log(status.note))
 */
export const $runtimeStatus: ReadableAtom<RuntimeStatus> = $status

let worker: WorkerRuntime | undefined

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

/**
 * Start the in-browser runtime ahead of the first run (call on first interaction).
 *
 * @example
 * panel.addEventListener('pointerenter', () => warmRuntime(), { once: true })
 */
export function warmRuntime(): void {
  void workerRuntime()
    .warm()
    .catch(() => undefined)
}

/**
 * Run an exercise with the learner's files in the runtime in use.
 *
 * @param bundle - the exercise's page bundle
 * @param files - the learner's files
 * @returns the verdict
 * @example
 * const verdict = await runInChosenRuntime(bundle, { 'app.ts': code })
 */
export function runInChosenRuntime(
  bundle: unknown,
  files: Record<string, string>,
): Promise<Verdict> {
  return workerRuntime().run(requestFor(bundle as PageExerciseBundle, files))
}
