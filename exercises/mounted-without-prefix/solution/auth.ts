import { Hono } from 'hono'
import { html } from 'hono/html'
import {
  checkPasswordHash,
  loginUser,
  logoutUser,
  safeNext,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findByName, User } from './users'

/** Logging in and out: a small app of its own, which app.ts mounts. */
export const auth = new Hono<{ Variables: LoginVariables<User> }>()

auth.get('/login', (c) =>
  c.html(
    html`<form method="post" action="/auth/login">
      <input type="hidden" name="next" value="${c.req.query('next') ?? ''}" />
      <label>Name <input name="name" /></label>
      <label>Password <input name="password" type="password" /></label>
      <button>Log in</button>
    </form>`,
  ),
)

auth.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
  // Back to the page that asked for the login, or to the dashboard.
  return c.redirect(safeNext(String(form['next'] ?? ''), '/dashboard'))
})

auth.post('/logout', async (c) => {
  await logoutUser(c)
  return c.redirect('/')
})
