import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { secureHeaders } from 'hono/secure-headers'
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

// Response headers that make the browser stricter with every page of this site.
app.use(secureHeaders())

// The site lives at https://app.test; its marketing pages at https://www.app.test also show the
// "change your email" form. Form posts from any other origin are refused.
app.use(csrf({ origin: ['https://app.test', 'https://www.app.test'] }))

app.use(
  session({
    secret: process.env['SESSION_SECRET'],
    hostPrefix: true,
    cookie: { secure: true, httpOnly: true, sameSite: 'Lax' },
  }),
  loginManager.middleware(),
)

app.get('/login', (c) => c.text('The login form posts name and password to /login.'))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
  return c.redirect('/dashboard')
})

app.get('/dashboard', loginRequired<User>(), (c) =>
  c.text(`Welcome back, ${c.var.currentUser.name}! Your email is ${c.var.currentUser.email}.`),
)

app.post('/email', loginRequired<User>(), async (c) => {
  const form = await c.req.parseBody()
  c.var.currentUser.email = String(form['email'] ?? '')
  return c.text(`Email changed to ${c.var.currentUser.email}`)
})

export default app
