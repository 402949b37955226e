import { Hono } from 'hono'
import { dumpTables } from './db'
import { outbox, runQueue } from './mail'

/**
 * Developer tools, mounted at /dev: the mail catcher, the queue worker and a database viewer.
 * They let you (and the checks) see what the app sent and stored. Never mount them in production.
 */
export const devTools = new Hono()

devTools.get('/outbox', (c) => c.json(outbox))
devTools.post('/run-queue', async (c) => c.json(await runQueue()))
devTools.get('/db', (c) => c.json(dumpTables()))
