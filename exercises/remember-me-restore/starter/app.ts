import { Hono } from 'hono'
import {
  checkPasswordHash,
  confirmLogin,
  freshLoginRequired,
  LoginManager,
  loginFresh,
  loginRequired,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login', refreshView: '/reauthenticate' })
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, user, { remember: form['remember'] === 'on' })
  return c.redirect('/whoami')
})

// Any logged-in user, fresh or remembered.
app.get('/whoami', loginRequired<User>(), (c) =>
  c.text(`${c.var.currentUser.name}, fresh: ${loginFresh(c)}`),
)

// Only a login made with the password in this browser session.
app.get('/settings/password', freshLoginRequired<User>(), (c) => c.text('Choose a new password'))

// Typing the password again makes a remembered login fresh.
app.post('/reauthenticate', loginRequired<User>(), async (c) => {
  const form = await c.req.parseBody()
  const password = String(form['password'] ?? '')
  if (!(await checkPasswordHash(c.var.currentUser.passwordHash, password))) {
    return c.text('Wrong password', 401)
  }
  await confirmLogin(c)
  return c.redirect('/settings/password')
})

export default app
