import { Hono } from 'hono'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  logoutUser,
  safeNext,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { homePage, loginPage } from './pages'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>()
loginManager.userLoader(async (id) => users.get(id) ?? ___)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.get('/', async (c) => c.html(await homePage(c)))
app.get('/login', (c) => c.html(loginPage()))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await ___(c, user, { remember: form['___'] === 'on' })
  return c.redirect(safeNext(c.req.query('next'), '/dashboard'))
})

app.get('/dashboard', ___<User>(), (c) => c.text(`Welcome back, ${c.var.currentUser.name}!`))

app.post('/logout', async (c) => {
  await ___(c)
  return c.redirect('/')
})

export default app
