import { Hono } from 'hono'
import {
  checkPasswordHash,
  describeAuth,
  LoginManager,
  loginRequired,
  loginUser,
  logoutUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })

// Turns the id kept in the session back into a user, or null for an id with no account.
loginManager.userLoader(async (id) => users.find((user) => user.getId() === id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = users.find((candidate) => candidate.name === form['name'])
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
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
