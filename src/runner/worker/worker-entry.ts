// The in-browser runtime: a module Worker that runs learner code and checks, offline. The page
// talks to it through worker-runtime.ts. Learner code gets no DOM (it is a Worker) and, after
// lockDownWorkerScope, no storage, network or messaging either.
import { courseBuiltins } from '../builtins'
import { runExercise } from '../run-exercise'
import type { RunRequest } from '../run-request'
import { installHeaderShim } from './header-shim'
import { lockDownWorkerScope } from './sandbox'

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

installHeaderShim(self as unknown as Parameters<typeof installHeaderShim>[0])
const post = self.postMessage.bind(self)
self.addEventListener('message', (event: MessageEvent<WorkerRunMessage>) => {
  const { id, request } = event.data
  runExercise(request, courseBuiltins).then(
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
post({ ready: true })
