import { describe, expect, it } from 'vitest'
import { courseModules } from '../builtin-modules'
import { createAppRealm } from './app-realm'

const app = `import { Hono } from 'hono'
const app = new Hono()
app.use(async (c, next) => { await next() })
app.get('/quiet', (c) => {
  if (c.req.query('loud')) return c.text('hello')
})
app.get('/throws', () => {
  throw new TypeError('boom')
})
export default app
`

/** The server error the app realm describes for one request. */
async function serverErrorFor(path: string) {
  const realm = createAppRealm(courseModules)
  await realm.handle({
    type: 'start',
    files: { 'app.ts': app },
    entry: 'app.ts',
    env: {},
    clockOffsetMs: 0,
  })
  const reply = await realm.handle({
    type: 'request',
    url: path,
    method: 'GET',
    headers: [],
    body: null,
  })
  expect(reply).toMatchObject({ type: 'response', status: 500 })
  return 'serverErrors' in reply ? reply.serverErrors[0] : undefined
}

describe('what a failing check says about an error Hono caught', () => {
  it('a handler that returned nothing: the request, in words, and the line registering its route', async () => {
    const error = await serverErrorFor('/quiet')
    expect(error?.message).toMatch(
      /^GET \/quiet ended without a response: the handler \(or a middleware\) on that route finished without returning one/,
    )
    expect(error?.message).toContain('Context is not finalized')
    expect(error).toMatchObject({ file: 'app.ts', line: 4 })
  })

  it("the learner's own error keeps its message, file and line", async () => {
    expect(await serverErrorFor('/throws')).toMatchObject({
      message: 'TypeError: boom',
      file: 'app.ts',
      line: 8,
    })
  })
})
