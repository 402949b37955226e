import { Hono } from 'hono'
import { html } from 'hono/html'
import {
  checkPasswordHash,
  currentUser,
  LoginManager,
  loginRequired,
  loginUser,
  logoutUser,
  safeNext,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findById, findByName, SESSION_SECRET, User } from './users'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader(async (id) => findById(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

// Everyone gets a home page: a greeting for members, a way in for strangers.
app.get('/', async (c) => {
  const user = await currentUser<User>(c)
  // Only a real, logged-in User has an id: an AnonymousUser has none.
  if (user instanceof User && user.isAuthenticated) {
    const memberNumber = user.id.padStart(4, '0')
    return c.html(
      html`<p>
        Hello, ${user.name} (member no. ${memberNumber}). <a href="/dashboard">Your dashboard</a>
      </p>`,
    )
  }
  return c.html(html`<p>Hello, stranger. <a href="/login">Log in</a></p>`)
})

app.get('/login', (c) =>
  c.html(
    html`<form method="post" action="/login">
      <input type="hidden" name="next" value="${c.req.query('next') ?? ''}" />
      <label>Name <input name="name" /></label>
      <label>Password <input name="password" type="password" /></label>
      <button>Log in</button>
    </form>`,
  ),
)

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['name'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong name or password', 401)
  }
  await loginUser(c, user)
  // Back to the page that asked for the login, or to the dashboard.
  return c.redirect(safeNext(String(form['next'] ?? ''), '/dashboard'))
})

app.get('/dashboard', loginRequired<User>(), (c) =>
  c.html(
    html`<h1>Welcome back, ${c.var.currentUser.name}!</h1>
      <form method="post" action="/logout"><button>Log out</button></form>`,
  ),
)

app.post('/logout', async (c) => {
  await logoutUser(c)
  return c.redirect('/')
})

export default app
