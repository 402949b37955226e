import type { MiddlewareHandler } from 'hono'
import { Hono } from 'hono'
import {
  checkPasswordHash,
  currentUser,
  LoginManager,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users, type Role } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, user)
  return c.redirect('/')
})

/** Lets through only logged-in users whose role is `role`. */
function roleRequired(role: Role): MiddlewareHandler<{ Variables: LoginVariables<User> }> {
  return async function roleRequired(c, next) {
    const user = await currentUser<User>(c)
    // Nobody logged in: answer exactly as loginRequired() would.
    if (!(user instanceof User) || !user.isAuthenticated) return loginManager.___(c)
    // Logged in, with the wrong role.
    if (___) return c.text(`Forbidden: you need the ${role} role.`, ___)
    c.set('currentUser', user)
    return next()
  }
}

// One guard in front of every admin route, today's and tomorrow's.
app.use('___', roleRequired('admin'))

app.get('/admin', (c) => {
  const accounts = [...users.values()].map((account) => `${account.name} (${account.role})`)
  return c.text(`Admin area. Accounts: ${accounts.join(', ')}`)
})

app.post('/admin/role', async (c) => {
  const form = await c.req.parseBody()
  const account = findByName(String(form['name'] ?? ''))
  const role = form['role']
  if (!account || (role !== 'admin' && role !== 'member')) return c.text('No such user or role', 400)
  account.role = role
  return c.text(`${account.name} is now ${role === 'admin' ? 'an admin' : 'a member'}.`)
})

export default app
