import { describe, expect, it } from 'vitest'
import { courseModules } from '../builtin-modules'
import { answerCalls, type CallMessage, type ReplyMessage } from './answer-calls'
import { createAppRealm } from './app-realm'

const app = `import { Hono } from 'hono'
const app = new Hono()
app.get('/', (c) => c.text('hello'))
export default app
`
const tests = `import { expect, newClient, test } from 'signed-in/testing'
test('the home page says hello', async () => {
  expect((await newClient().get('/')).body).toBe('hello')
})
`

/** A realm answering through answerCalls, with what it sends kept in order. */
function converse() {
  const sent: ReplyMessage[] = []
  const receive = answerCalls(createAppRealm(courseModules), (message) => sent.push(message))
  return { sent, receive }
}

describe('answerCalls', () => {
  it('answers each call with a reply tagged with its call id', async () => {
    const { sent, receive } = converse()
    await receive({
      callId: 7,
      call: { type: 'start', files: { 'app.ts': app }, entry: 'app.ts', env: {}, clockOffsetMs: 0 },
    })
    await receive({
      callId: 8,
      call: { type: 'request', url: '/', method: 'GET', headers: [], body: null },
    })
    expect(sent[0]).toEqual({ callId: 7, reply: { type: 'started' } })
    expect(sent[1]).toMatchObject({
      callId: 8,
      reply: { type: 'response', status: 200, body: 'hello' },
    })
  })

  it("asks the grader for what a test realm's tests request, and finishes the call with the answer", async () => {
    const { sent, receive } = converse()
    const call: CallMessage = {
      callId: 3,
      call: { type: 'tests', file: 'app.test.ts', source: tests },
    }
    const running = receive(call)
    // The realm asks before it can reply; answer as the grader would, with the app's response.
    await expect.poll(() => sent.length).toBe(1)
    const question = sent[0]
    if (!question || !('ask' in question))
      throw new Error(`expected a question, got ${JSON.stringify(question)}`)
    expect(question).toMatchObject({ callId: 3, ask: { type: 'request', url: '/', method: 'GET' } })
    await receive({
      answer: question.askId,
      reply: { type: 'response', status: 200, headers: [], body: 'hello', serverErrors: [] },
    })
    await running
    expect(sent[1]).toMatchObject({
      callId: 3,
      reply: { type: 'tests', outcomes: [{ name: 'the home page says hello', passed: true }] },
    })
  })

  it('replies "failed" with the reason when the realm cannot answer, so the grader never waits', async () => {
    const { sent, receive } = converse()
    await receive({
      callId: 1,
      call: { type: 'start', files: { 'app.ts': app }, entry: 'app.ts', env: {}, clockOffsetMs: 0 },
    })
    // A realm with an app in it refuses to run tests.
    await receive({ callId: 2, call: { type: 'tests', file: 'app.test.ts', source: tests } })
    expect(sent[1]).toEqual({
      callId: 2,
      failed: 'Tests run in a realm of their own, with no app in it.',
    })
  })

  it('tells onCall of each call first, and decodes calls and encodes replies for its transport', async () => {
    const seen: string[] = []
    const sent: ReplyMessage[] = []
    const receive = answerCalls(createAppRealm(courseModules), (message) => sent.push(message), {
      onCall: (call) => seen.push(call.type),
      decode: (call) =>
        call.type === 'request' ? { ...call, url: call.url.replace('/encoded-home', '/') } : call,
      encode: (reply) =>
        reply.type === 'response' ? { ...reply, body: `[${reply.body}]` } : reply,
    })
    await receive({
      callId: 1,
      call: { type: 'start', files: { 'app.ts': app }, entry: 'app.ts', env: {}, clockOffsetMs: 0 },
    })
    await receive({
      callId: 2,
      call: { type: 'request', url: '/encoded-home', method: 'GET', headers: [], body: null },
    })
    expect(seen).toEqual(['start', 'request'])
    expect(sent[1]).toMatchObject({
      callId: 2,
      reply: { type: 'response', status: 200, body: '[hello]' },
    })
  })
})
