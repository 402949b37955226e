import { describe, expect, it } from 'vitest'
import { CLOCK_PROBE } from '../../../tests/clock/clock-probe'
import { gradeInNode } from '../../course/node-runtime'
import type { RunRequest } from '../run-request'

// The harness capabilities checks use (restart, environment, clock, work counters), graded for
// real: the checks in this thread, the app in a worker thread of its own.
const request = (app: string, checks: string): RunRequest => ({
  files: {
    'app.ts': `import { Hono } from 'hono'\nconst app = new Hono()\n${app}\nexport default app`,
  },
  editable: ['app.ts'],
  checks: `import { defineChecks, expectStatus, expectBodyIncludes, CheckFailure } from 'signed-in/checks'\n${checks}`,
  entry: 'app.ts',
})
const messages = async (app: string, checks: string) => {
  const verdict = await gradeInNode(request(app, checks))
  return verdict.checks.map((check) =>
    check.passed ? `✓ ${check.name}` : `✗ ${check.name}: ${check.message}`,
  )
}

describe('restart()', () => {
  const app = `const bootId = crypto.randomUUID()\nlet hits = 0\napp.get('/', (c) => c.text(bootId + ' ' + ++hits))`
  it('starts the server again with fresh module state, and the clients keep their cookies', async () => {
    expect(
      await messages(
        `${app}\napp.get('/set', (c) => { c.header('Set-Cookie', 'kept=yes; Path=/'); return c.text('ok') })`,
        `export default defineChecks([{ name: 'restart', async run({ client, restart }) {
          await client.get('/set')
          const [first, one] = (await client.get('/')).body.split(' ')
          const [, two] = (await client.get('/')).body.split(' ')
          await restart()
          const [second, again] = (await client.get('/')).body.split(' ')
          if (one !== '1' || two !== '2') throw new CheckFailure('no module state: ' + one + two)
          if (first === second) throw new CheckFailure('same boot after a restart')
          if (again !== '1') throw new CheckFailure('state survived the restart: ' + again)
          if (client.cookie('kept') !== 'yes') throw new CheckFailure('the jar lost its cookie')
        } }])`,
      ),
    ).toEqual(['✓ restart'])
  })

  it('an app that cannot start again fails the check, saying so', async () => {
    const verdict = await gradeInNode(
      request(
        `if (process.env.BROKEN) throw new Error('no secret')\napp.get('/', (c) => c.text('up'))`,
        `export default defineChecks([{ name: 'restart', async run({ client, restart }) {
          expectStatus(await client.get('/'), 200)
          await restart({ BROKEN: '1' })
        } }])`,
      ),
    )
    expect(verdict.checks[0]?.message).toBe(
      'Your code threw an error while handling this request: after a restart, Your code could not start: no secret (app.ts, line 3, column 31)',
    )
  })
})

describe('the environment', () => {
  it('starts from defineChecks({ env }), is all the app sees in process.env, and restart(env) changes it', async () => {
    expect(
      await messages(
        `app.get('/', (c) => c.json({ secret: process.env.SESSION_SECRET ?? null, keys: Object.keys(process.env).sort() }))`,
        `export default defineChecks([{ name: 'env', async run({ client, restart, env }) {
          expectBodyIncludes(await client.get('/'), '{"secret":"first","keys":["SESSION_SECRET"]}')
          await restart({ SESSION_SECRET: 'second', OTHER: 'x' })
          expectBodyIncludes(await client.get('/'), '{"secret":"second","keys":["OTHER","SESSION_SECRET"]}')
          if (env.SESSION_SECRET !== 'second') throw new CheckFailure('env view is stale: ' + env.SESSION_SECRET)
          try { (env as Record<string, string>).SESSION_SECRET = 'changed' } catch {}
          if (env.SESSION_SECRET !== 'second') throw new CheckFailure('env view is writable')
        } }], { env: { SESSION_SECRET: 'first' } })`,
      ),
    ).toEqual(['✓ env'])
  })
})

describe('the clock', () => {
  it("advance() moves Date.now(), new Date() and Date() in the app, the jar's expiry, and keeps its time across a restart", async () => {
    const verdict = await gradeInNode(CLOCK_PROBE)
    expect(
      verdict.checks.map((c) => (c.passed ? `✓ ${c.name}` : `✗ ${c.name}: ${c.message}`)),
    ).toEqual(['✓ clock'])
  })
})

describe('work counters', () => {
  it('count the password hashes each request made, in the app realm only', async () => {
    expect(
      await messages(
        `import { checkPasswordHash, generatePasswordHash } from 'signed-in/login-manager'
const stored = generatePasswordHash('right', { method: 'pbkdf2:sha256:1000' })
app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  if (form.username !== 'ada') return c.text('no such user', 401)
  return (await checkPasswordHash(await stored, String(form.password))) ? c.text('in') : c.text('wrong', 401)
})`,
        `export default defineChecks([{ name: 'work', async run({ client, work }) {
          const known = await work(() => client.postForm('/login', { username: 'ada', password: 'wrong' }))
          const unknown = await work(() => client.postForm('/login', { username: 'bob', password: 'wrong' }))
          if (known.result.status !== 401 || unknown.result.status !== 401) throw new CheckFailure('statuses')
          throw new CheckFailure('known ' + known.passwordHashes + ', unknown ' + unknown.passwordHashes)
        } }])`,
      ),
    ).toEqual(['✗ work: known 1, unknown 0'])
  })
})
