import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  logoutUser,
  safeNext,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
// A form posted from another site is refused with 403 (hono/csrf reads Origin and Sec-Fetch-Site).
app.use(csrf())
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.get('/login', (c) =>
  c.html(`<form method="post">
  <input name="username"> <input name="password" type="password">
  <label><input type="checkbox" name="remember"> Remember me</label>
  <button>Log in</button>
</form>`),
)

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  const password = String(form['password'] ?? '')
  if (!user || !(await checkPasswordHash(user.passwordHash, password))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, user, { remember: form['remember'] === 'on' })
  return c.redirect(safeNext(c.req.query('next'), '/dashboard'))
})

app.get('/dashboard', loginRequired<User>(), (c) =>
  c.text(`Welcome back, ${c.var.currentUser.name}!`),
)

app.get('/settings', loginRequired<User>(), (c) => c.text('Your settings'))

app.post('/logout', async (c) => {
  await logoutUser(c)
  return c.redirect('/login')
})

export default app
