import { Hono } from 'hono'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  safeNext,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findById, findByName, SESSION_SECRET, User } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => findById(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.get('/login', (c) => c.text('The login form'))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
  return c.redirect(safeNext(c.req.query('next'), '/dashboard'))
})

app.get('/dashboard', loginRequired<User>(), (c) =>
  c.text(`Welcome back, ${c.var.currentUser.name}!`),
)

// Only admins get a report; for anyone else this handler returns nothing.
app.get('/reports', loginRequired<User>(), (c) => {
  if (c.var.currentUser.role === 'admin') return c.text('Monthly report')
  return undefined
})

// Two routes that each think the page moved to the other.
app.get('/profile', (c) => c.redirect('/account'))
app.get('/account', (c) => c.redirect('/profile'))

export default app
