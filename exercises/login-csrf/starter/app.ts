import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findById, findByName, User } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => findById(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()

// Forms that change an account must come from this site's own pages.
app.use('/account/*', csrf())
app.use(session({ secret: process.env['SESSION_SECRET'] }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
  return c.redirect('/account')
})

app.get('/account', loginRequired<User>(), (c) =>
  c.text(`Signed in as ${c.var.currentUser.name} (${c.var.currentUser.email})`),
)

app.post('/account/email', loginRequired<User>(), async (c) => {
  const form = await c.req.parseBody()
  c.var.currentUser.email = String(form['email'] ?? '')
  return c.text(`Email changed to ${c.var.currentUser.email}`)
})

export default app
