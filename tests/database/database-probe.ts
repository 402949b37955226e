// One run that proves `signed-in/db` works in a runtime, graded in all three (Node:
// src/course/database-runs.test.ts; the Worker in Chromium: tests/browser/runner-worker.test.ts;
// the WebContainer through the fake that really runs Node:
// src/runner/webcontainer/webcontainer-runtime.test.ts). It passes only where the app opens
// app.db from the seed, its migrations run, rows written survive `restart()` (as a file on disk
// would) and a restart does not apply the seed again.
import type { RunRequest } from '../../src/grader/run-request'

const APP = `import { Hono } from 'hono'
import { openDatabase } from 'signed-in/db'
const db = openDatabase()
const ran = db.migrate(['CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'])
const app = new Hono()
app.get('/migrations', (c) => c.json({ ran }))
app.get('/users', (c) => c.json(db.prepare<{ email: string }>('SELECT email FROM users ORDER BY id').all()))
app.post('/notes', async (c) => {
  const { text } = await c.req.parseBody()
  const { lastInsertRowid } = db.prepare('INSERT INTO notes (text) VALUES (:text)').run({ text: String(text) })
  return c.json({ id: lastInsertRowid }, 201)
})
app.get('/notes', (c) => c.json(db.prepare('SELECT id, text FROM notes ORDER BY id').all()))
export default app`

const CHECKS = `import { defineChecks, CheckFailure } from 'signed-in/checks'
const json = (response: { body: string }) => JSON.parse(response.body) as unknown
const same = (a: unknown, b: unknown, what: string) => {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new CheckFailure(what + ': got ' + JSON.stringify(a))
}
export default defineChecks([
  { name: 'seed and migrations', async run({ client }) {
    same(json(await client.get('/users')), [{ email: 'ada@example.com' }, { email: 'bob@example.com' }], 'the seed')
    same(json(await client.get('/migrations')), { ran: 1 }, 'migrations at the first start')
    same(json(await client.postForm('/notes', { text: 'first' })), { id: 1 }, 'insert')
  } },
  { name: 'a restart keeps the file', async run({ client, restart }) {
    await client.postForm('/notes', { text: 'kept' })
    await restart()
    same(json(await client.get('/migrations')), { ran: 0 }, 'migrations after a restart')
    same(json(await client.get('/notes')), [{ id: 1, text: 'first' }, { id: 2, text: 'kept' }], 'notes after a restart')
    await client.postForm('/notes', { text: 'again' })
    await restart()
    same((json(await client.get('/notes')) as unknown[]).length, 3, 'notes after a second restart')
    same((json(await client.get('/users')) as unknown[]).length, 2, 'the seed once only')
  } },
])`

/**
 * The database probe: graded, both checks pass only where SQLite, the seed and the kept file work.
 * The checks of a run share one server, so the second finds the first one's note.
 *
 * @example
 * expect((await gradeInNode(DATABASE_PROBE)).checks.map((c) => c.passed)).toEqual([true, true])
 */
export const DATABASE_PROBE: RunRequest = {
  files: { 'app.ts': APP },
  editable: ['app.ts'],
  checks: CHECKS,
  entry: 'app.ts',
  seed: `CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
INSERT INTO users (email) VALUES ('ada@example.com'), ('bob@example.com');`,
}
