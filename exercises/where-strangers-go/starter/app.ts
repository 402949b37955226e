import { Hono } from 'hono'
import {
  checkPasswordHash,
  flash,
  getFlashedMessages,
  LoginManager,
  loginRequired,
  loginUrl,
  loginUser,
  makeNextParam,
  safeNext,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => users.get(id) ?? null)

// Strangers on /api/ get JSON; everyone else gets the flash and the redirect loginView gives.
loginManager.unauthorizedHandler((c) => {
  if (c.req.path.startsWith('/api/')) return c.json({ error: 'Log in first' }, 401)
  flash(c, 'Please log in to access this page.')
  return c.redirect(loginUrl('/login', makeNextParam('/login', c.req.url)))
})

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.get('/login', (c) => c.text(getFlashedMessages(c).join(' ') || '(no message)'))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, user)
  return c.redirect(safeNext(String(form['next'] ?? ''), '/orders'))
})

app.get('/orders', loginRequired<User>(), (c) => c.text(`Orders for ${c.var.currentUser.name}`))
app.get('/api/orders', loginRequired<User>(), (c) => c.json({ orders: [] }))

export default app
