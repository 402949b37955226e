// The realm's side of the conversation with the grader, the same in every runtime: each call is
// answered by the realm, and while it answers, the realm may ask the grader something (a test
// realm's request for the app) and wait for the answer. Only the transport differs: a Worker's
// MessagePort, a worker thread's parentPort, a forked process's IPC channel.
import type { AppRealm } from './app-realm'
import type { AppCall, AppReply, RealmAsk } from './protocol'

/**
 * What the grader sends a realm: a call, or its answer to what the realm asked.
 *
 * @example
 * port.postMessage({ callId: 1, call: { type: 'work' } } satisfies CallMessage)
 */
export type CallMessage = { callId: number; call: AppCall } | { answer: number; reply: AppReply }

/**
 * What a realm sends the grader: its reply to a call, the reason it could not answer, or a
 * question it asks while answering (tagged with the call it belongs to).
 *
 * @example
 * connection.on('message', (message: ReplyMessage) => { if ('reply' in message) settle(message) })
 */
export type ReplyMessage =
  | { callId: number; reply: AppReply }
  | { callId: number; failed: string }
  | { callId: number; askId: number; ask: RealmAsk }

/**
 * Answer the grader's calls with `realm`, sending replies and questions through `send`. Returns
 * the function to give each message that arrives. A call the realm cannot answer (it threw) gets a
 * `failed` reply, so the grader never waits for nothing.
 *
 * @param realm - the app realm (or test realm) that answers
 * @param send - sends one message to the grader
 * @param options - `onCall`: told of each call before it is answered (the Worker stops its warm-up
 *   when a run starts); `decode`/`encode`: for a transport that cannot carry every value as it is
 *   (IPC turns bytes into JSON)
 * @returns the handler for each message from the grader
 * @example
 * const receive = answerCalls(realm, (message) => port.postMessage(message))
 * port.addEventListener('message', (event) => void receive(event.data))
 */
export function answerCalls(
  realm: Pick<AppRealm, 'handle'>,
  send: (message: ReplyMessage) => void,
  options: {
    onCall?: (call: AppCall) => void
    decode?: (call: AppCall) => AppCall
    encode?: (reply: AppReply) => AppReply
  } = {},
): (message: CallMessage) => Promise<void> {
  const { onCall, decode = (call) => call, encode = (reply) => reply } = options
  let nextAsk = 1
  const asked = new Map<number, (reply: AppReply) => void>()
  // await, not then(): learner code may patch Promise.prototype.then, which await never calls.
  return async (message) => {
    if ('answer' in message) {
      asked.get(message.answer)?.(message.reply)
      asked.delete(message.answer)
      return
    }
    const { callId } = message
    const call = decode(message.call)
    onCall?.(call)
    const ask = (question: RealmAsk) =>
      new Promise<AppReply>((resolve) => {
        const askId = nextAsk++
        asked.set(askId, resolve)
        send({ callId, askId, ask: question })
      })
    try {
      send({ callId, reply: encode(await realm.handle(call, ask)) })
    } catch (error) {
      send({ callId, failed: error instanceof Error ? error.message : String(error) })
    }
  }
}
