import { Hono } from 'hono'
import {
  checkPasswordHash,
  confirmLogin,
  freshLoginRequired,
  generatePasswordHash,
  LoginManager,
  loginRemembered,
  loginRequired,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>({
  loginView: '/login',
  refreshView: '/reauthenticate',
  rememberCookie: { duration: ___ }, // two weeks, in seconds
})

// The session holds "id:version". A login from before the last password change carries an older
// version: answer null, and the manager treats the request as anonymous.
loginManager.userLoader(async (token) => {
  const [id = '', version] = token.split(':')
  const user = users.get(id)
  return user && String(user.passwordVersion) === ___ ? user : null
})

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findByName(String(form['username'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  // The form's checkbox: <input type="checkbox" name="remember">, sent only when ticked.
  await loginUser(c, user, { remember: form['remember'] === ___ })
  return c.redirect('/settings')
})

app.get('/settings', loginRequired<User>(), (c) => c.text(`Settings for ${c.var.currentUser.name}`))

app.post('/reauthenticate', loginRequired<User>(), async (c) => {
  const form = await c.req.parseBody()
  if (!(await checkPasswordHash(c.var.currentUser.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong password', 401)
  }
  await ___(c)
  return c.redirect('/account/password')
})

// Changing the password needs a fresh login: a remembered one must type the password again first.
app.get('/account/password', freshLoginRequired<User>(), (c) => c.text('Choose a new password'))

app.post('/account/password', ___<User>(), async (c) => {
  const form = await c.req.parseBody()
  const user = c.var.currentUser
  if (!(await checkPasswordHash(user.passwordHash, String(form['current'] ?? '')))) {
    return c.text('Wrong password', 401)
  }
  user.passwordHash = await generatePasswordHash(String(form['new'] ?? ''), {
    method: 'pbkdf2:sha256:1000',
  })
  // Every session and remember cookie made before this line now names an old version.
  user.passwordVersion = ___
  // This browser just proved it knows the password: log it in again, under the new version.
  await loginUser(c, user, { remember: await loginRemembered(c) })
  return c.text('Password changed. Every other device has been signed out.')
})

export default app
