import { Hono } from 'hono'
import {
  checkPasswordHash,
  describeAuth,
  getSession,
  LoginManager,
  loginRequired,
  logoutUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findById, findByName, SESSION_SECRET, User } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })

loginManager.userLoader(async (id) => findById(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  // Remember who logged in.
  getSession(c).set('userId', user.getId())
  return c.redirect('/dashboard')
})

app.get('/dashboard', loginRequired<User>(), (c) =>
  c.text(`Welcome back, ${c.var.currentUser.name}!`),
)

app.post('/logout', async (c) => {
  await logoutUser(c)
  return c.redirect('/')
})

// What the login manager sees on this request (development only).
app.get('/debug/auth', async (c) => c.json(await describeAuth(c)))

export default app
