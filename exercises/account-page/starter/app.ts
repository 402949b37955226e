import { Hono } from 'hono'
import { checkPasswordHash, LoginManager, loginUser, session } from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>()

// The session stores only Ada's id; this looks the id up: her User, or null for an unknown id.
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
  return c.text(`Logged in as ${user.name}`)
})

// No loginView is set, so an anonymous visitor gets a plain 401.
app.get('/account', loginManager.loginRequired(), (c) => {
  const user = c.var.currentUser
  return c.text(`Account for ${user.name} (role: ${user.role})`)
})

export default app
