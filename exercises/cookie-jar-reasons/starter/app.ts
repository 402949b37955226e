import { Hono } from 'hono'
import { checkPasswordHash, getSession, session } from 'signed-in/login-manager'

// Ada's password is "analytical-engine", hashed with 1,000 PBKDF2 rounds so the example runs at
// once (a real app stores 600,000).
const ADA_HASH =
  'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e'

const app = new Hono()

// session() makes the cookie HttpOnly and SameSite=Lax; this app also asks for Secure.
app.use(session({ secret: '9f2de4677d583f3d1d813507b5841259c633dac69de834746e8877b68a2eb0d8', cookie: { secure: true } }))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const password = String(form['password'] ?? '')
  if (form['username'] !== 'ada' || !(await checkPasswordHash(ADA_HASH, password))) {
    return c.text('Wrong username or password', 401)
  }
  getSession(c).set('username', 'ada')
  return c.text('Logged in as ada')
})

app.get('/dashboard', (c) => {
  const username = getSession(c).get<string>('username')
  if (!username) return c.text('Please log in first', 401)
  return c.text(`Welcome to your dashboard, ${username}!`)
})

// Changes the account's email: exactly what a page on another site would like to do for Ada.
app.post('/email', async (c) => {
  const username = getSession(c).get<string>('username')
  if (!username) return c.text('Please log in first', 401)
  const form = await c.req.parseBody()
  return c.text(`Email of ${username} changed to ${String(form['email'] ?? '')}`)
})

export default app
