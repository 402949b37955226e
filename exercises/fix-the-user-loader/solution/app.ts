import { Hono } from 'hono'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  logoutUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { db, SESSION_SECRET, User } from './db'

const loginManager = new LoginManager<User>()

// Turns the id kept in the session into a User, or null when there is no such account.
loginManager.userLoader(async (id) => {
  const row = await db.findUserById(id)
  if (!row) return null
  return new User(row.id, row.name, row.password_hash)
})

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const row = await db.findUserByName(String(form['username'] ?? ''))
  if (!row || !(await checkPasswordHash(row.password_hash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, new User(row.id, row.name, row.password_hash))
  return c.redirect('/dashboard')
})

app.get('/dashboard', loginRequired<User>(), (c) =>
  c.text(`Welcome back, ${c.var.currentUser.name}!`),
)

// Closing an account deletes its row and logs this browser out.
app.post('/account/close', loginRequired<User>(), async (c) => {
  await db.deleteUser(c.var.currentUser.id)
  await logoutUser(c)
  return c.text('Your account is closed.')
})

app.post('/logout', async (c) => {
  await logoutUser(c)
  return c.redirect('/')
})

export default app
