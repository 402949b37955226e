import { Hono } from 'hono'
import { checkPasswordHash, generatePasswordHash } from 'signed-in/login-manager'

const app = new Hono()

// Hash a password for storage, with the library's defaults (what a sign-up route would store).
app.post('/hash', async (c) => {
  const form = await c.req.parseBody()
  return c.text(await generatePasswordHash(String(form['password'] ?? '')))
})

// Check a password against a stored hash: true or false, never an exception.
app.post('/check', async (c) => {
  const form = await c.req.parseBody()
  const ok = await checkPasswordHash(String(form['hash'] ?? ''), String(form['password'] ?? ''))
  return c.text(String(ok))
})

export default app
