// The app realm of the in-browser runtime: a module Worker that holds only the learner's app
// (with its own copies of hono and the login manager). The grader, in another Worker, reaches it
// through a MessagePort the page hands over; only plain cloned data crosses. Learner code gets no
// DOM (it is a Worker) and, after the lockdown below, no storage, network, messaging or eval.
import { courseBuiltins } from '../../grader/builtins'
import { createAppRealm } from '../../grader/realm/app-realm'
import { warmUpRealm } from '../../grader/realm/warm-up'
import type { AppCall, AppReply, RealmAsk } from '../../grader/realm/protocol'
import { installHeaderShim } from './header-shim'
import { lockDownEvaluators, lockDownWorkerScope } from './sandbox'

/**
 * A call over the app's port, or the grader's answer to what this realm asked.
 *
 * @example
 * port.postMessage({ callId: 1, call: { type: 'work' } } satisfies PortCall)
 */
export type PortCall = { callId: number; call: AppCall } | { answer: number; reply: AppReply }

/**
 * The app realm's reply over its port, or what it asks the grader while answering a call.
 *
 * @example
 * port.addEventListener('message', (event: MessageEvent<PortReply>) => settle(event.data))
 */
export type PortReply =
  | { callId: number; reply: AppReply }
  | { callId: number; failed: string }
  | { callId: number; askId: number; ask: RealmAsk }

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
  let nextAsk = 1
  const asked = new Map<number, (answer: AppReply) => void>()
  // await, not then(): learner code may patch Promise.prototype.then, which await never calls.
  port.addEventListener('message', async (message: MessageEvent<PortCall>) => {
    const data = message.data
    if ('answer' in data) {
      asked.get(data.answer)?.(data.reply)
      asked.delete(data.answer)
      return
    }
    const { callId, call } = data
    // A run (the app's start, or a learner's tests) needs the core: the warm-up stops.
    running ||= call.type === 'start' || call.type === 'tests'
    const ask = (question: RealmAsk) =>
      new Promise<AppReply>((resolve) => {
        const askId = nextAsk++
        asked.set(askId, resolve)
        reply({ callId, askId, ask: question })
      })
    try {
      reply({ callId, reply: await realm.handle(call, ask) })
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
