import { Hono } from 'hono'
import {
  checkPasswordHash,
  getFlashedMessages,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { loginPage } from './pages'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.get('/login', (c) => c.html(loginPage(getFlashedMessages(c), c.req.query('next') ?? '')))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, user)
  // Send them back where they were going, as long as it is a path on this site.
  const next = String(form['next'] ?? '')
  return c.redirect(next.startsWith('/') ? next : '/orders')
})

app.get('/orders', loginRequired<User>(), (c) => c.text(`Orders for ${c.var.currentUser.name}`))

export default app
