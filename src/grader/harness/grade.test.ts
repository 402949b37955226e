import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { describe, expect, it } from 'vitest'
import { defineChecks, type ChecksModule } from './checks'
import { grade, type GradedApp } from './grade'

/** A small app, in process: it sets a cookie and says whether the request brought one back. */
function inProcess(): GradedApp {
  let offsetMs = 0
  const app = new Hono()
  app.get('/set', (c) => {
    setCookie(c, 'session', 'abc', { path: '/', httpOnly: true, maxAge: 3600 })
    return c.text('set')
  })
  app.get('/read', (c) => c.text(getCookie(c, 'session') ?? 'none'))
  return {
    handler: async (path, init) => app.request(path, init),
    takeServerErrors: () => [],
    restart: () => Promise.resolve(),
    env: {},
    clock: {
      now: () => Date.now() + offsetMs,
      advance: (ms) => {
        offsetMs += ms
        return Promise.resolve()
      },
    },
    readWork: () => Promise.resolve({ passwordHashes: 0 }),
  }
}

describe('grade: the timeline says what the checks did between requests', () => {
  it('notes a restart, a clock move and cookies by hand on the next request, in order', async () => {
    const checks = defineChecks([
      {
        name: 'notes',
        async run({ client, newClient, restart, clock }) {
          await client.get('/set')
          await restart({ SESSION_SECRET: 'new' })
          await clock.advance(2 * 3_600_000)
          await client.get('/read')
          const other = newClient()
          other.setCookie('session', 'forged')
          await other.get('/read')
          client.deleteCookie('session')
          await client.get('/read')
        },
      },
    ]) as ChecksModule
    const verdict = await grade(inProcess(), checks, (error) => ({ message: String(error) }))
    expect(verdict.status).toBe('passed')
    expect(verdict.timeline.map((entry) => entry.before)).toEqual([
      undefined,
      [
        'The server restarted with SESSION_SECRET changed; the browsers keep their cookies.',
        "The clock moved forward 2 hours, for the server and for every browser's cookies.",
      ],
      ["A session cookie was put into browser 2's jar by hand."],
      ["Browser 1's session cookie was taken out of its jar by hand."],
    ])
    // The clock passed the cookie's hour: the jar no longer sends it.
    expect(verdict.timeline[1]?.cookieSent).toBe('')
  })

  it("never carries one check's notes to the next check's first request", async () => {
    const checks = defineChecks([
      { name: 'first', run: async ({ restart }) => restart() },
      { name: 'second', run: async ({ client }) => void (await client.get('/read')) },
    ]) as ChecksModule
    const verdict = await grade(inProcess(), checks, (error) => ({ message: String(error) }))
    expect(verdict.timeline).toHaveLength(1)
    expect(verdict.timeline[0]?.before).toBeUndefined()
  })
})
