import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { checkPasswordHash, getSession, session } from 'signed-in/login-manager'

// Ada's password is "analytical-engine", hashed with 1,000 PBKDF2 rounds so the example runs at
// once (a real app stores 600,000).
const ADA_HASH =
  'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e'

const app = new Hono()

// csrf() with no options: a form post passes only if Sec-Fetch-Site is same-origin, or if its
// Origin is this request's own origin.
app.use(csrf())
app.use(session({ secret: process.env['SESSION_SECRET'], hostPrefix: true }))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const password = String(form['password'] ?? '')
  if (form['username'] !== 'ada' || !(await checkPasswordHash(ADA_HASH, password))) {
    return c.text('Wrong username or password', 401)
  }
  getSession(c).set('username', 'ada')
  return c.text('Logged in as ada')
})

// Changes the account's email: what a page on another site would like to do for Ada.
app.post('/email', async (c) => {
  const username = getSession(c).get<string>('username')
  if (!username) return c.text('Please log in first', 401)
  const form = await c.req.parseBody()
  return c.text(`Email of ${username} changed to ${String(form['email'] ?? '')}`)
})

// A GET that changes nothing: csrf() never looks at GET, so GET must never change anything.
app.get('/dashboard', (c) => {
  const username = getSession(c).get<string>('username')
  return c.text(username ? `Dashboard of ${username}` : 'Please log in first', username ? 200 : 401)
})

export default app
