import { Hono } from 'hono'
import { checkPasswordHash, generatePasswordHash } from 'signed-in/login-manager'

const app = new Hono()

// Stored hashes by label, standing in for a users table. The routes below show a hash's shape,
// never the hash itself: a real app never sends password hashes anywhere.
const stored = new Map<string, string>()

// Hash a password with the library's defaults and store it, as a sign-up route would.
app.post('/hash', async (c) => {
  const form = await c.req.parseBody()
  const hash = await generatePasswordHash(String(form['password'] ?? ''))
  stored.set(String(form['label'] ?? ''), hash)
  const [method, salt = '', digest = ''] = hash.split('$')
  return c.text(
    `method ${method}, salt of ${salt.length} characters, digest of ${digest.length} hex digits`,
  )
})

// Whether two stored hashes are the same string.
app.get('/compare', (c) => {
  const same = stored.get(c.req.query('a') ?? '') === stored.get(c.req.query('b') ?? '')
  return c.text(`same password, same hash? ${same}`)
})

// Check a password against a stored hash (by label) or a hash sent in the form: true or false,
// never an exception.
app.post('/check', async (c) => {
  const form = await c.req.parseBody()
  const hash = stored.get(String(form['label'] ?? '')) ?? String(form['hash'] ?? '')
  return c.text(String(await checkPasswordHash(hash, String(form['password'] ?? ''))))
})

export default app
