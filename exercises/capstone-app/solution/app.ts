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
import {
  adminPage,
  forbiddenPage,
  homePage,
  layout,
  loginPage,
  profilePage,
  signupPage,
} from './pages'

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
    if (!user) return loginManager.unauthorized(c)
    if (user.role !== role) return c.html(layout(c, user, 'Forbidden', forbiddenPage(role)), 403)
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
  const email = String(form['email'] ?? '')
    .trim()
    .toLowerCase()
  const name = String(form['name'] ?? '').trim()
  const password = String(form['password'] ?? '')
  const refuse = (status: 400 | 409, error: string) =>
    c.html(layout(c, null, 'Sign up', signupPage(error)), status)
  if (!email.includes('@') || name === '' || name.length > 100)
    return refuse(400, 'Enter an email address and a name of up to 100 characters.')
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD)
    return refuse(400, `Choose a password of ${MIN_PASSWORD} to ${MAX_PASSWORD} characters.`)
  const user = createUser(
    email,
    name,
    await generatePasswordHash(password, { method: HASH_METHOD }),
  )
  if (!user) return refuse(409, 'That email already has an account. Log in instead.')
  await loginUser(c, user)
  flash(c, `Welcome, ${user.name}! Your account is ready.`, 'success')
  return c.redirect('/profile')
})

app.get('/login', (c) => c.html(layout(c, null, 'Log in', loginPage(c.req.query('next')))))

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const next = c.req.query('next')
  const user = findUserByEmail(
    String(form['email'] ?? '')
      .trim()
      .toLowerCase(),
  )
  const password = String(form['password'] ?? '').slice(0, MAX_PASSWORD)
  const matches = await checkPasswordHash(user?.passwordHash ?? DUMMY_HASH, password)
  if (!user || !matches)
    return c.html(layout(c, null, 'Log in', loginPage(next, 'Wrong email or password.')), 401)
  await loginUser(c, user, { remember: form['remember'] === 'on' })
  flash(c, `Welcome back, ${user.name}!`, 'success')
  return c.redirect(safeNext(next, '/profile'))
})

app.post('/logout', async (c) => {
  await logoutUser(c)
  flash(c, 'You have logged out.', 'info')
  return c.redirect('/')
})

app.get('/profile', loginRequired<User>(), (c) => {
  const user = c.var.currentUser
  return c.html(layout(c, user, 'Your profile', profilePage(user)))
})

app.post('/profile', loginRequired<User>(), async (c) => {
  const user = c.var.currentUser
  const name = String((await c.req.parseBody())['name'] ?? '').trim()
  if (name === '' || name.length > 100) {
    flash(c, 'A name has 1 to 100 characters.', 'error')
    return c.redirect('/profile')
  }
  renameUser(user.id, name)
  flash(c, 'Your name is saved.', 'success')
  return c.redirect('/profile')
})

// One guard for /admin and every path below it.
app.use('/admin/*', roleRequired('admin'))

app.get('/admin', async (c) => {
  const user = await member(c)
  return c.html(layout(c, user, 'Admin', adminPage(listUsers())))
})

export default app
