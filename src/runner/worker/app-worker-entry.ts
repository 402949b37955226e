// The app realm of the in-browser runtime: a module Worker that holds only the learner's app
// (with its own copies of hono and the login manager). The grader, in another Worker, reaches it
// through a MessagePort the page hands over; only plain cloned data crosses. Learner code gets no
// DOM (it is a Worker) and, after the lockdown below, no storage, network, messaging or eval.
import * as hono from 'hono'
import * as honoHtml from 'hono/html'
import * as loginManager from '../../login-manager/index'
import { courseModules, type BuiltinLoaders } from '../../grader/builtin-modules'
import { createAppRealm } from '../../grader/realm/app-realm'
import { warmUpRealm } from '../../grader/realm/warm-up'
import { answerCalls, type CallMessage } from '../../grader/realm/answer-calls'
import { installHeaderShim } from './header-shim'
import { lockDownEvaluators, lockDownWorkerScope } from './sandbox'

/**
 * What the page sends this Worker: the grader's port (once), SQLite's compiled module to set up
 * ahead of a run, or leave to warm up (only ever between runs).
 *
 * @example
 * worker.postMessage({ warmUp: true } satisfies AppWorkerMessage)
 */
export interface AppWorkerMessage {
  port?: MessagePort
  sqlite?: WebAssembly.Module
  warmUp?: true
}

// What nearly every run imports is part of this Worker's own script, so a cold start fetches one
// file; any other module (a hono subpath, SQLite, the compiler) is fetched when code imports it.
const modules: BuiltinLoaders = Object.freeze({
  ...courseModules,
  hono: () => Promise.resolve(hono),
  'hono/html': () => Promise.resolve(honoHtml),
  'signed-in/login-manager': () => Promise.resolve(loginManager),
})

installHeaderShim(self as unknown as Parameters<typeof installHeaderShim>[0])
const post = self.postMessage.bind(self) as (message: { ready: true }) => void
const realm = createAppRealm(modules, { scope: self })
let connected = false
let running = false
let warming = false
self.addEventListener('message', (event: MessageEvent<AppWorkerMessage>) => {
  const { port, sqlite, warmUp } = event.data
  // SQLite's compiled module, sent to a spare by a page that has used it: set it up now, so a run
  // that opens a database finds it loaded (the run's start brings the same module).
  if (!connected && sqlite instanceof WebAssembly.Module)
    void import('../../db/disk').then(({ loadSqlite }) => loadSqlite(sqlite)).catch(() => undefined)
  // A spare warms up while it waits, so the learner's run finds hono and the login manager
  // already compiled. It stops as soon as a run starts the learner's app: the run needs it then.
  if (warmUp === true && !warming) {
    warming = true
    void warmUpRealm(modules, () => running)
  }
  // One grader, once: the port is the only way in, and it is never exposed to learner code.
  if (connected || !port) return
  connected = true
  const receive = answerCalls(realm, (message) => port.postMessage(message), {
    // A run (the app's start, or a learner's tests) needs the core: the warm-up stops.
    onCall: (call) => (running ||= call.type === 'start' || call.type === 'tests'),
  })
  port.addEventListener(
    'message',
    (message: MessageEvent<CallMessage>) => void receive(message.data),
  )
  port.start()
})
lockDownWorkerScope(self)
lockDownEvaluators(self)
post({ ready: true })
