// The app realm of the in-browser runtime: a module Worker that holds only the learner's app
// (with its own copies of hono and the login manager). The grader, in another Worker, reaches it
// through a MessagePort the page hands over; only plain cloned data crosses. Learner code gets no
// DOM (it is a Worker) and, after the lockdown below, no storage, network, messaging or eval.
import { loadSqlite } from '../../db/disk'
import { courseBuiltins } from '../../grader/builtins'
import { createAppRealm } from '../../grader/realm/app-realm'
import { WARM_UP_AFTER_MS, warmUpRealm } from '../../grader/realm/warm-up'
import { answerCalls, type CallMessage } from '../../grader/realm/answer-calls'
import { installHeaderShim } from './header-shim'
import { lockDownEvaluators, lockDownWorkerScope } from './sandbox'

installHeaderShim(self as unknown as Parameters<typeof installHeaderShim>[0])
const post = self.postMessage.bind(self) as (message: { ready: true }) => void
const realm = createAppRealm(courseBuiltins, { scope: self })
let connected = false
let running = false
self.addEventListener(
  'message',
  (event: MessageEvent<{ port?: MessagePort; sqlite?: unknown }>) => {
    // SQLite's compiled module, sent to a spare by a page that has used it: set it up now, so a run
    // that opens a database finds it loaded (the run's start brings the same module).
    if (!connected && event.data.sqlite instanceof WebAssembly.Module)
      void loadSqlite(event.data.sqlite).catch(() => undefined)
    const port = event.data.port
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
  },
)
lockDownWorkerScope(self)
lockDownEvaluators(self)
post({ ready: true })
// A spare realm warms up while it waits, so the learner's run finds hono and the login manager
// already compiled. It stops as soon as a run starts the learner's app: the run needs it then.
setTimeout(() => void warmUpRealm(courseBuiltins, () => running), WARM_UP_AFTER_MS)
