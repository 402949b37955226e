// One run that proves the checks' clock reaches the app, graded in all three runtimes (Node:
// src/grader/realm/harness-capabilities.test.ts; the Worker in Chromium:
// tests/browser/runner-worker.test.ts; the WebContainer through the fake that really runs Node:
// src/runner/webcontainer/webcontainer-runtime.test.ts). It passes only where `clock.advance`
// moves `Date.now()`, `new Date()` and `Date()` in the app, and the jar's expiry with them.
import type { RunRequest } from '../../src/grader/run-request'

const APP = `import { Hono } from 'hono'
const app = new Hono()
app.get('/now', (c) => c.json([Date.now(), new Date().getTime(), Date.parse(Date()), new Date(0).getTime()]))
app.get('/short', (c) => { c.header('Set-Cookie', 'short=1; Expires=' + new Date(Date.now() + 60_000).toUTCString()); return c.text('ok') })
app.get('/stale', (c) => { c.header('Set-Cookie', 'short=2; Expires=' + new Date(Date.now() - 60_000).toUTCString()); return c.text('ok') })
export default app`

const CHECKS = `import { defineChecks, CheckFailure } from 'signed-in/checks'
export default defineChecks([{ name: 'clock', async run({ client, clock, restart }) {
  const before = JSON.parse((await client.get('/now')).body) as number[]
  await client.get('/short')
  if (client.cookie('short') !== '1') throw new CheckFailure('cookie not stored')
  await clock.advance(3_600_000)
  const after = JSON.parse((await client.get('/now')).body) as number[]
  for (const [i, value] of after.slice(0, 3).entries())
    if (value - (before[i] ?? 0) < 3_600_000 - 1000 || value - (before[i] ?? 0) > 3_600_000 + 5000)
      throw new CheckFailure('reading ' + i + ' moved by ' + (value - (before[i] ?? 0)))
  if (after[3] !== 0) throw new CheckFailure('new Date(0) moved')
  if (Math.abs(clock.now() - (after[0] ?? 0)) > 5000) throw new CheckFailure('the checks and the app disagree')
  // A minute ago on the moved clock is still an hour ahead of real time: only a jar that
  // reads the same clock sees the cookie as expired and drops it.
  await client.get('/stale')
  if (client.cookie('short') !== undefined) throw new CheckFailure('the jar kept an expired cookie')
  await clock.advance(86_400_000)
  await restart()
  const seen = Number(JSON.parse((await client.get('/now')).body)[0])
  if (seen - Date.now() < 3_600_000 + 86_400_000 - 5000) throw new CheckFailure('the clock went back at restart')
} }])`

/**
 * The clock probe: graded, its one check passes only where the app's clock moves with the checks'.
 *
 * @example
 * expect((await gradeInNode(CLOCK_PROBE)).checks.map((c) => c.passed)).toEqual([true])
 */
export const CLOCK_PROBE: RunRequest = {
  files: { 'app.ts': APP },
  editable: ['app.ts'],
  checks: CHECKS,
  entry: 'app.ts',
}
