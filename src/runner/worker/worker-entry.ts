// The in-browser runtime: a module Worker that runs learner code and checks, offline. The page
// talks to it through worker-runtime.ts. Learner code gets no DOM (it is a Worker) and, after the
// lockdown below, no storage, network, messaging or eval either.
import { courseBuiltins } from '../builtins'
import { runExercise } from '../run-exercise'
import type { RunRequest } from '../run-request'
import type { Verdict } from '../verdict'
import { installHeaderShim } from './header-shim'
import { lockDownEvaluators, lockDownWorkerScope } from './sandbox'

/**
 * A message from the page: run this exercise.
 *
 * @example
 * worker.postMessage({ id: 1, request } satisfies WorkerRunMessage)
 */
export interface WorkerRunMessage {
  id: number
  request: RunRequest
}

/**
 * A message to the page: ready (once), a line an example printed (as it happens), or the verdict.
 *
 * @example
 * worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => { if ('output' in event.data) append(event.data.output) })
 */
export type WorkerReply =
  { ready: true } | { id: number; output: string; index: number } | { id: number; verdict: Verdict }

installHeaderShim(self as unknown as Parameters<typeof installHeaderShim>[0])
const post = self.postMessage.bind(self) as (reply: WorkerReply) => void
self.addEventListener('message', (event: MessageEvent<WorkerRunMessage>) => {
  const { id, request } = event.data
  runExercise(request, courseBuiltins, {
    onOutput: (output, index) => post({ id, output, index }),
  }).then(
    (verdict) => post({ id, verdict }),
    (error: unknown) =>
      post({
        id,
        verdict: {
          status: 'error',
          checks: [],
          timeline: [],
          message: `The runner failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      }),
  )
})
lockDownWorkerScope(self)
lockDownEvaluators(self)
post({ ready: true })
