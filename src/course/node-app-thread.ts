// The app realm of the Node runtime: a worker thread of its own, started by node-runtime.ts from
// this file bundled with esbuild. It answers the grader's calls and decides nothing.
import { parentPort } from 'node:worker_threads'
import { courseModules, loadedModules } from '../grader/builtin-modules'
import { createAppRealm, loadRealmHelpers } from '../grader/realm/app-realm'
import { lockDownEvaluators } from '../grader/realm/evaluators'
import { lockDownNodeProcess } from '../grader/realm/node-lockdown'
import { answerCalls, type CallMessage, type ReplyMessage } from '../grader/realm/answer-calls'

/**
 * A message from thread-realms.ts to this thread: a call, or the answer to what the thread asked.
 *
 * @example
 * worker.postMessage({ callId: 1, call: { type: 'work' } } satisfies ThreadCall)
 */
export type ThreadCall = CallMessage

/**
 * What this thread posts: ready (once), then one reply per call, and what it asks while answering.
 *
 * @example
 * worker.on('message', (message: ThreadReply) => { if ('reply' in message) settle(message) })
 */
export type ThreadReply = { ready: true } | ReplyMessage

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
// Every module is loaded first, before the lockdown and before learner code (see loadedModules).
void Promise.all([loadedModules(courseModules), loadRealmHelpers()]).then(([modules]) => {
  // Learner code reaches modules only through the loader's require, not a global one, and no Node
  // module through `process` either (the port above, to forge a reply; the disk, to count runs).
  for (const name of ['require', 'module', 'exports', '__filename', '__dirname'])
    Reflect.deleteProperty(globalThis, name)
  lockDownNodeProcess(globalThis)
  // And no import() of a Node module through text turned into code (the loader has its own eval).
  lockDownEvaluators(globalThis)
  const realm = createAppRealm(modules, { scope: globalThis })
  const receive = answerCalls(realm, post)
  port.on('message', (message: ThreadCall) => void receive(message))
  post({ ready: true })
})
