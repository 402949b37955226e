import { Hono, type MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import {
  checkPasswordHash,
  currentUser,
  flash,
  generatePasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  logoutUser,
  safeNext,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { createUser, findUserByEmail, findUserById, listUsers, renameUser, User } from './db'
import { adminPage, forbiddenPage, homePage, layout, loginPage, profilePage, signupPage } from './pages'

type Env = { Variables: LoginVariables<User> }

// Few PBKDF2 rounds keep the checks quick. A real app keeps generatePasswordHash's default.
const HASH_METHOD = 'pbkdf2:sha256:1000'
// NIST SP 800-63B: at least 15 characters when the password is the only factor; a cap bounds the work.
const MIN_PASSWORD = 15
const MAX_PASSWORD = 256
// Checked when the email is unknown, so that answer costs the same work as a wrong password.
const DUMMY_HASH =
  'pbkdf2:sha256:1000$I0ExG7PwBhDDS7gf$0cb2b06d6850e2860836f5c44959ae0da2e14835dc594acea1e3ee4230ec914f'

const secret = process.env['SESSION_SECRET']
if (!secret) throw new Error('Set SESSION_SECRET (openssl rand -hex 32).')

const loginManager = new LoginManager<User>({
  loginView: '/login',
  loginMessage: 'Please log in to see that page.',
  loginMessageCategory: 'info',
})
loginManager.userLoader(async (id) => findUserById(id))

const app = new Hono<Env>()
app.use(csrf(), session({ secret }), loginManager.middleware())

/** The signed-in member, or null for a stranger. */
async function member(c: Parameters<MiddlewareHandler<Env>>[0]): Promise<User | null> {
  const user = await currentUser<User>(c)
  return user instanceof User ? user : null
}

/** Lets through only logged-in members whose role is `role`: strangers log in, others get 403. */
function roleRequired(role: User['role']): MiddlewareHandler<Env> {
  return async function roleRequired(c, next) {
    const user = await member(c)
    if (!user) return loginManager.___(c)
    if (___) return c.html(layout(c, user, 'Forbidden', forbiddenPage(role)), 403)
    return next()
  }
}

app.get('/', async (c) => {
  const user = await member(c)
  return c.html(layout(c, user, 'Home', homePage(user)))
})

app.get('/signup', (c) => c.html(layout(c, null, 'Sign up', signupPage())))

app.post('/signup', async (c) => {
  const form = await c.req.parseBody()
  const email = String(form['email'] ?? '').trim().toLowerCase()
  const name = String(form['name'] ?? '').trim()
  const password = String(form['password'] ?? '')
  const refuse = (status: 400 | 409, error: string) =>
    c.html(layout(c, null, 'Sign up', signupPage(error)), status)
  if (!email.includes('@') || name === '' || name.length > 100)
    return refuse(400, 'Enter an email address and a name of up to 100 characters.')
  if (password.length < ___ || password.length > MAX_PASSWORD)
    return refuse(400, `Choose a password of ${MIN_PASSWORD} to ${MAX_PASSWORD} characters.`)
  const user = createUser(email, name, await ___(password, { method: HASH_METHOD }))
  if (!user) return refuse(___, 'That email already has an account. Log in instead.')
  await loginUser(c, user)
  flash(c, `Welcome, ${user.name}! Your account is ready.`, 'success')
  return c.redirect('/profile')
})

app.get('/login', (c) => c.html(layout(c, null, 'Log in', loginPage(c.req.query('next')))))

app.post('/login', async (c) => {
  // Step 2: find the member by email and check the password (against DUMMY_HASH when nobody has
  // that email). A failure shows the login page again with 401; a success logs the member in,
  // flashes "Welcome back, <name>!" and redirects to safeNext(next, '/profile').
  // Step 5: remember the login when the form's "remember" box is ticked.
  return c.text('Logging in is step 2.', 501)
})

app.post('/logout', async (c) => {
  // Step 2: log the member out, flash "You have logged out." and redirect home.
  return c.text('Logging out is step 2.', 501)
})

app.get('/profile', loginRequired<User>(), (c) => {
  const user = c.var.currentUser
  return c.html(layout(c, user, 'Your profile', profilePage(user)))
})

// Step 3: POST /profile saves a new name (1 to 100 characters) with renameUser, flashes
// "Your name is saved." and redirects back to /profile.

// Step 6: guard /admin and every path below it with roleRequired('admin'), then answer
// GET /admin with adminPage(listUsers()) in the layout.

export default app
