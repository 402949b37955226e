import { Hono } from 'hono'
import { openDatabase } from 'signed-in/db'
import { randomToken, sha256Hex } from './tokens'

// A reset token's life, without the mail: made, stored as its SHA-256, found again, refused.
const app = new Hono()
const db = openDatabase() // app.db, with the reset_tokens table from seed.sql
const ONE_HOUR = 60 * 60 * 1000

app.post('/tokens', async (c) => {
  const token = randomToken(32)
  const key = await sha256Hex(token)
  db.prepare('INSERT INTO reset_tokens (token_key, user_id, expires_at) VALUES (?, ?, ?)').run([
    key,
    1,
    Date.now() + ONE_HOUR,
  ])
  return c.json({ token, key })
})

app.get('/tokens/:token', async (c) => {
  const row = db
    .prepare<{ user_id: number; expires_at: number }>(
      'SELECT user_id, expires_at FROM reset_tokens WHERE token_key = ?',
    )
    .get([await sha256Hex(c.req.param('token'))])
  if (!row) return c.text('no such link', 404)
  const minutes = Math.round((row.expires_at - Date.now()) / 60_000)
  return c.text(`the link of user ${row.user_id}, valid for ${minutes} more minutes`)
})

// What the table keeps, one value per token.
app.get('/table', (c) => {
  const rows = db.prepare<{ token_key: string }>('SELECT token_key FROM reset_tokens').all()
  return c.json(rows.map((row) => row.token_key))
})

export default app
