import { Hono } from 'hono'
import { openDatabase } from 'signed-in/db'
import { generatePasswordHash } from 'signed-in/login-manager'

const db = openDatabase()
db.migrate([
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL DEFAULT 'member'
   )`,
])

const insertUser = db.prepare('INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?)')

const app = new Hono()

app.post('/signup', async (c) => {
  const form = await c.req.parseBody()
  const email = String(form['email'] ?? '').trim().toLowerCase()
  const password = String(form['password'] ?? '')
  if (password.length < 15) return c.text('Choose a password of at least 15 characters.', 400)
  // Few rounds so the example runs at once; a real app keeps the default.
  const hash = await generatePasswordHash(password, { method: 'pbkdf2:sha256:1000' })
  try {
    const { lastInsertRowid } = insertUser.run([email, String(form['name'] ?? ''), hash])
    return c.text(`Account ${lastInsertRowid} created.`, 201)
  } catch (error) {
    // The UNIQUE column refused the row: somebody has this email already.
    return c.text(`Refused by the database: ${String(error)}`, 409)
  }
})

// Each hash has a random salt, so only its method and its length are shown.
const listUsers = db.prepare(`
  SELECT id, email, role,
    substr(password_hash, 1, instr(password_hash, '$')) AS hash_starts,
    length(password_hash) AS hash_length
  FROM users ORDER BY id`)

app.get('/users', (c) => c.json(listUsers.all()))

export default app
