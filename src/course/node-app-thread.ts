// The app realm of the Node runtime: a worker thread of its own, started by node-runtime.ts from
// this file bundled with esbuild. It answers the grader's calls and decides nothing.
import { parentPort } from 'node:worker_threads'
import { courseBuiltins } from '../grader/builtins'
import { createAppRealm } from '../grader/realm/app-realm'
import type { AppCall, AppReply } from '../grader/realm/protocol'

/**
 * A message between node-runtime.ts and this thread.
 *
 * @example
 * worker.postMessage({ id: 1, call: { type: 'work' } } satisfies ThreadCall)
 */
export interface ThreadCall {
  id: number
  call: AppCall
}

/**
 * What this thread posts: ready (once), then one reply per call.
 *
 * @example
 * worker.on('message', (message: ThreadReply) => { if ('reply' in message) settle(message) })
 */
export type ThreadReply =
  { ready: true } | { id: number; reply: AppReply } | { id: number; failed: string }

const port = parentPort
if (!port) throw new Error('node-app-thread runs as a worker thread only.')
const post = port.postMessage.bind(port) as (message: ThreadReply) => void
// The app's printing goes nowhere: it is never the verdict, and megabytes of it must not flood
// the terminal or the test output. (A worker's piped stdout would keep the process alive.)
for (const stream of [process.stdout, process.stderr])
  stream.write = (_chunk: unknown, ...rest: unknown[]) => {
    const callback = rest.find((each) => typeof each === 'function') as (() => void) | undefined
    callback?.()
    return true
  }
// Learner code reaches modules only through the loader's require, not a global one.
Reflect.deleteProperty(globalThis, 'require')
const realm = createAppRealm(courseBuiltins, { scope: globalThis })
// await, not then(): learner code may patch Promise.prototype.then, which await never calls.
port.on('message', async (message: ThreadCall) => {
  const { id, call } = message
  try {
    post({ id, reply: await realm.handle(call) })
  } catch (error) {
    post({ id, failed: error instanceof Error ? error.message : String(error) })
  }
})
post({ ready: true })
