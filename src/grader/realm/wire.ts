// Requests and responses as plain data, both ways: the checks' client (in the grader's realm) and
// a learner's tests (in a test realm) send a request as a WireRequest and rebuild the app's
// WireResponse as a Response of their own realm. One way, for both.
import { reasonOf, say } from '../sentences'
import type { CodeError } from '../verdict'
import type { AppReply, AskHandler, RealmAsk, WireRequest } from './protocol'

/**
 * A client's request as plain data: the URL or path as given, headers in order, a text body.
 *
 * @param url - a path (`/login`) or an absolute URL
 * @param init - the request's method, headers and body
 * @returns the request, ready to cross to another realm
 * @example
 * await toWire('/login', { method: 'POST', body: 'a=1' })
 * // { url: '/login', method: 'POST', headers: [], body: 'a=1' }
 */
export async function toWire(url: string, init: RequestInit): Promise<WireRequest> {
  const headers: [string, string][] = []
  new Headers(init.headers).forEach((value, name) => headers.push([name, value]))
  const body =
    init.body === undefined || init.body === null
      ? null
      : typeof init.body === 'string'
        ? init.body
        : await new Response(init.body).text()
  return { url, method: init.method ?? 'GET', headers, body }
}

/**
 * The app's reply to a request, as a Response of this realm. What the app threw, and a status no
 * response can have, are thrown as `threw(description)` makes them.
 *
 * @param reply - the app realm's reply to a `request` call
 * @param threw - makes the error to throw for what the app threw
 * @returns the response
 * @example
 * fromWire({ type: 'response', status: 200, headers: [], body: 'hi', serverErrors: [] }, (e) => new Error(e.message))
 */
export function fromWire(reply: AppReply, threw: (error: CodeError) => Error): Response {
  if (reply.type === 'threw') throw threw(reply.error)
  if (reply.type !== 'response') throw new Error(`Unexpected reply ${reply.type}`)
  if (!Number.isInteger(reply.status) || reply.status < 200 || reply.status > 599)
    throw threw({ message: say.notAStatus(reply.status) })
  const nullBody = [204, 205, 304].includes(reply.status)
  return new Response(nullBody ? null : reply.body, {
    status: reply.status,
    headers: reply.headers,
  })
}

/**
 * Answer what a realm asked, on the grader's side, for every transport: the handler the call
 * gave, or a `threw` reply when it gave none or the handler failed (the app's realm is gone, the
 * run was cancelled). Never rejects, so the asking realm always hears back.
 *
 * @param answer - the handler the grader gave with its call, if any
 * @param ask - what the realm asked
 * @returns the reply to send back
 * @example
 * const reply = await answerAsk(pending.get(id)?.answer, message.ask)
 */
export async function answerAsk(answer: AskHandler | undefined, ask: RealmAsk): Promise<AppReply> {
  const threw = (message: string): AppReply => ({
    type: 'threw',
    error: { message },
    serverErrors: [],
  })
  if (!answer) return threw('Nothing answers requests here.')
  try {
    return await answer(ask)
  } catch (error) {
    return threw(reasonOf(error))
  }
}
