import { Hono } from 'hono'
import { html } from 'hono/html'
import {
  currentUser,
  LoginManager,
  loginRequired,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { auth } from './auth'
import { findById, SESSION_SECRET, User } from './users'

const loginManager = new LoginManager<User>({ loginView: '/auth/login' })
loginManager.userLoader(async (id) => findById(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

// Logging in and out lives in its own small app, auth.ts, mounted under /auth.
app.route('/auth', auth)

// Everyone gets a home page: a greeting for members, a way in for strangers.
app.get('/', async (c) => {
  const user = await currentUser<User>(c)
  if (user instanceof User && user.isAuthenticated) {
    return c.html(html`<p>Hello, ${user.name}. <a href="/dashboard">Your dashboard</a></p>`)
  }
  return c.html(html`<p>Hello, stranger. <a href="/auth/login">Log in</a></p>`)
})

app.get('/dashboard', loginRequired<User>(), (c) =>
  c.html(
    html`<h1>Welcome back, ${c.var.currentUser.name}!</h1>
      <form method="post" action="/auth/logout"><button>Log out</button></form>`,
  ),
)

export default app
