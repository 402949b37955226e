import { Hono } from 'hono'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import { checkPasswordHash } from 'signed-in/login-manager'
import { findUser, SESSION_SECRET } from './users'

const app = new Hono()
const cookieOptions = { httpOnly: true, sameSite: 'Lax', path: '/' } as const

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findUser(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  // Sign the username into a cookie called "user".
  await ___(c, 'user', user.username, SESSION_SECRET, cookieOptions)
  return c.text(`Logged in as ${user.username}`)
})

app.get('/dashboard', async (c) => {
  const username = await ___(c, ___, 'user')
  if (username === ___) {
    // A cookie whose signature does not match: someone edited it. Throw it away.
    deleteCookie(c, 'user', { path: '/' })
    return c.text('Please log in first', 401)
  }
  if (username === undefined) return c.text('Please log in first', 401)
  return c.text(`Welcome to your dashboard, ${username}!`)
})

export default app
