import { Hono } from 'hono'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, user)
  return c.redirect('/')
})

// Authentication first: loginRequired() stops strangers (with a redirect, as loginView is set).
// Authorization second: the handler looks at the role of the user the loader returned.
app.get('/admin', loginRequired<User>(), (c) => {
  const user = c.var.currentUser
  if (user.role !== 'admin') return c.text(`Forbidden: ${user.name} is not an admin.`, 403)
  const accounts = [...users.values()].map((account) => `${account.name} (${account.role})`)
  return c.text(`Admin area. Accounts: ${accounts.join(', ')}`)
})

export default app
