import { Hono } from 'hono'
import { checkPasswordHash, getSession, session } from 'signed-in/login-manager'
import { findUser, SESSION_SECRET } from './users'

const app = new Hono()

// Every request gets the signed session cookie, read and verified.
app.use(session({ secret: SESSION_SECRET }))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const username = String(form['username'] ?? '')
  const user = findUser(username)
  // Compare against the stored hash, never a stored password.
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

app.post('/logout', (c) => {
  getSession(c).delete('username')
  return c.text('Logged out')
})

export default app
