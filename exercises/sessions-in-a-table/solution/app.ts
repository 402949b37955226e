import { Hono } from 'hono'
import { SqliteSessionStore } from 'signed-in/db'
import {
  checkPasswordHash,
  generatePasswordHash,
  getSession,
  LoginManager,
  loginRequired,
  loginUser,
  logoutEverywhere,
  logoutUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { db, findById, findByName, savePasswordHash, SESSION_SECRET, User } from './users'

const MINUTE = 60 // the session options are in seconds

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader((id) => findById(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(
  session({
    secret: SESSION_SECRET,
    // The cookie holds a random id; the sessions table in app.db holds its hash and the data.
    store: new SqliteSessionStore(db),
    idleTimeout: 30 * MINUTE, // unused for 30 minutes: ended
    absoluteTimeout: 8 * 60 * MINUTE, // 8 hours after login: ended, however active
  }),
  loginManager.middleware(),
)

// Anyone, logged in or not, gets a session here: the page counts their visits.
app.get('/', (c) => {
  const visits = (getSession(c).get<number>('visits') ?? 0) + 1
  getSession(c).set('visits', visits)
  return c.text(`Welcome. Visits: ${visits}`)
})

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  // A new session id, whatever id the browser came with (session fixation).
  await loginUser(c, user)
  return c.redirect('/account')
})

app.get('/account', loginRequired<User>(), (c) => c.text(`Signed in as ${c.var.currentUser.name}`))

app.post('/logout', loginRequired<User>(), async (c) => {
  // Deletes this session's row: a copy of the cookie finds nothing.
  await logoutUser(c)
  return c.redirect('/login')
})

app.post('/sign-out-everywhere', loginRequired<User>(), async (c) => {
  // Every row of this user: the laptop, the phone, and this browser too.
  await logoutEverywhere(c)
  return c.redirect('/login')
})

app.post('/account/password', loginRequired<User>(), async (c) => {
  const form = await c.req.parseBody()
  const user = c.var.currentUser
  if (!(await checkPasswordHash(user.passwordHash, String(form['current'] ?? '')))) {
    return c.text('Wrong password', 401)
  }
  savePasswordHash(
    user,
    await generatePasswordHash(String(form['new'] ?? ''), { method: 'pbkdf2:sha256:1000' }),
  )
  // This app's choice: a password change ends every session of the user, then this browser,
  // which just proved it knows the password, is logged in again under a new id.
  await logoutEverywhere(c)
  await loginUser(c, user)
  return c.text('Password changed. Every other device has been signed out.')
})

export default app
