import { Hono } from 'hono'
import {
  checkPasswordHash,
  describeAuth,
  LoginManager,
  loginUser,
  session,
} from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
  return c.redirect('/dashboard')
})

// The debug route: what the login manager sees on this request. Names and flags only, never a
// secret; still, serve it only while developing (see the lesson).
app.get('/debug/auth', async (c) => c.json(await describeAuth(c)))

export default app
