import { Hono } from 'hono'
import { randomToken, sha256Hex } from './tokens'

// A reset token's life, without the mail: made, stored as its SHA-256, found again, refused.
const app = new Hono()
const table = new Map<string, { userId: string; expiresAt: number }>() // SHA-256 → row
const ONE_HOUR = 60 * 60 * 1000

app.post('/tokens', async (c) => {
  const token = randomToken(32)
  const key = await sha256Hex(token)
  table.set(key, { userId: '1', expiresAt: Date.now() + ONE_HOUR })
  return c.json({ token, key })
})

app.get('/tokens/:token', async (c) => {
  const row = table.get(await sha256Hex(c.req.param('token')))
  if (!row) return c.text('no such link', 404)
  const minutes = Math.round((row.expiresAt - Date.now()) / 60_000)
  return c.text(`the link of user ${row.userId}, valid for ${minutes} more minutes`)
})

app.get('/table', (c) => c.json([...table.keys()]))

export default app
