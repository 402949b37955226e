// The app realm of the in-browser runtime: a module Worker that holds only the learner's app
// (with its own copies of hono and the login manager). The grader, in another Worker, reaches it
// through a MessagePort the page hands over; only plain cloned data crosses. Learner code gets no
// DOM (it is a Worker) and, after the lockdown below, no storage, network, messaging or eval.
import { courseBuiltins } from '../../grader/builtins'
import { createAppRealm } from '../../grader/realm/app-realm'
import { warmUpRealm } from '../../grader/realm/warm-up'
import type { AppCall, AppReply } from '../../grader/realm/protocol'
import { installHeaderShim } from './header-shim'
import { lockDownEvaluators, lockDownWorkerScope } from './sandbox'

/**
 * A call over the app's port, and its reply.
 *
 * @example
 * port.postMessage({ callId: 1, call: { type: 'work' } } satisfies PortCall)
 */
export interface PortCall {
  callId: number
  call: AppCall
}

/**
 * The app realm's reply over its port.
 *
 * @example
 * port.addEventListener('message', (event: MessageEvent<PortReply>) => settle(event.data))
 */
export type PortReply = { callId: number; reply: AppReply } | { callId: number; failed: string }

installHeaderShim(self as unknown as Parameters<typeof installHeaderShim>[0])
const post = self.postMessage.bind(self) as (message: { ready: true }) => void
const realm = createAppRealm(courseBuiltins, { scope: self })
let connected = false
let running = false
self.addEventListener('message', (event: MessageEvent<{ port?: MessagePort }>) => {
  const port = event.data.port
  // One grader, once: the port is the only way in, and it is never exposed to learner code.
  if (connected || !port) return
  connected = true
  const reply = port.postMessage.bind(port) as (message: PortReply) => void
  // await, not then(): learner code may patch Promise.prototype.then, which await never calls.
  port.addEventListener('message', async (message: MessageEvent<PortCall>) => {
    const { callId, call } = message.data
    running ||= call.type === 'start'
    try {
      reply({ callId, reply: await realm.handle(call) })
    } catch (error) {
      reply({ callId, failed: error instanceof Error ? error.message : String(error) })
    }
  })
  port.start()
})
lockDownWorkerScope(self)
lockDownEvaluators(self)
post({ ready: true })
// A spare realm warms up while it waits, so the learner's run finds hono and the login manager
// already compiled. It stops as soon as a run starts the learner's app: the run needs it then.
void warmUpRealm(courseBuiltins, () => running)
