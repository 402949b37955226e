import { Hono } from 'hono'
import { checkPasswordHash, getSession, session } from 'signed-in/login-manager'
import { findUser, SESSION_SECRET } from './users'

const app = new Hono()

// Every request gets a session kept in one signed cookie.
app.use(___({ secret: SESSION_SECRET }))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findUser(String(form['username'] ?? ''))
  // Check: compare what was typed with the stored hash.
  if (!user || !(await ___(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  // Remember: write the outcome of the check into the session.
  getSession(c).___('username', user.username)
  return c.text(`Logged in as ${user.username}`)
})

// Protect: only a session that names someone may see the dashboard.
app.get('/dashboard', (c) => {
  const username = getSession(c).___<string>('username')
  if (!username) return c.text('Please log in first', ___)
  return c.text(`Welcome to your dashboard, ${username}!`)
})

// Log out: forget everything the session holds.
app.post('/logout', (c) => {
  getSession(c).___()
  return c.text('Logged out')
})

export default app
