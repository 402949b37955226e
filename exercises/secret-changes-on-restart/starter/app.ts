import { Hono } from 'hono'
import { checkPasswordHash, getSession, session } from 'signed-in/login-manager'
import { findUser } from './users'

// A fresh random secret: 32 bytes from the system's random source, as 64 hex digits.
const SESSION_SECRET = Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) =>
  byte.toString(16).padStart(2, '0'),
).join('')

const app = new Hono()

app.use(session({ secret: SESSION_SECRET }))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findUser(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  getSession(c).set('username', user.username)
  return c.text(`Logged in as ${user.username}`)
})

app.get('/dashboard', (c) => {
  const username = getSession(c).get<string>('username')
  if (!username) return c.text('Please log in first', 401)
  return c.text(`Welcome to your dashboard, ${username}!`)
})

export default app
