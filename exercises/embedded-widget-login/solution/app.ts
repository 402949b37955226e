import { Hono } from 'hono'
import { cors } from 'hono/cors'
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

const loginManager = new LoginManager<User>()
loginManager.userLoader(async (id) => findById(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()

app.use(csrf())
app.use(
  session({
    secret: process.env['SESSION_SECRET'],
    // Scripts on partner sites fetch /widget, and only a SameSite=None cookie goes with a
    // request from another site. Browsers accept SameSite=None only together with Secure.
    cookie: { sameSite: 'None', secure: true },
  }),
  loginManager.middleware(),
)

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
  c.text(`Welcome back, ${c.var.currentUser.name}!`),
)

// Shown inside partner sites, which fetch it with credentials: 'include'.
app.use('/widget', cors({ origin: 'https://partner.example', credentials: true }))
app.get('/widget', loginRequired<User>(), (c) => c.text(`Signed in as ${c.var.currentUser.name}`))

export default app
