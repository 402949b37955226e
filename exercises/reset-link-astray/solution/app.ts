import { Hono } from 'hono'
import {
  checkPasswordHash,
  generatePasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { findUserByEmail, PASSWORD_METHOD, SESSION_SECRET, User, users } from './db'
import { devTools } from './dev'
import { enqueue, sendMail } from './mail'
import { randomToken, sha256Hex } from './tokens'

// Where the app really lives, from configuration (https://app.test in the checks).
const APP_URL = process.env.APP_URL ?? 'http://localhost'

const ONE_HOUR = 60 * 60 * 1000
const ANSWER = 'If that address has an account, we have mailed it a link. It works for one hour.'
const REFUSED = 'This link is no longer valid.'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader((id) => users.get(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())
app.route('/dev', devTools)

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findUserByEmail(String(form['email'] ?? ''))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? ''))))
    return c.text('Wrong email or password', 401)
  await loginUser(c, user)
  return c.redirect('/account')
})

app.get('/account', loginRequired<User>(), (c) => c.text(`Signed in as ${c.var.currentUser.name}`))

app.post('/forgot', async (c) => {
  const form = await c.req.parseBody()
  const email = String(form['email'] ?? '')
  // The link's site comes from configuration: the request's own URL is built from its Host header.
  enqueue(() => mailLink(email, APP_URL))
  return c.text(ANSWER)
})

async function mailLink(email: string, site: string): Promise<void> {
  const user = findUserByEmail(email)
  if (!user) return
  const token = randomToken(32)
  user.resetKey = await sha256Hex(token) // a leaked table holds no usable link
  user.resetExpiresAt = Date.now() + ONE_HOUR
  await sendMail({
    to: user.email,
    subject: 'Your password reset link',
    text: `Open ${site}/reset/${token} within the hour to choose a new password.`,
  })
}

/** The user whose link holds `token`, while the link is valid. */
async function userWithLink(token: string): Promise<User | undefined> {
  const key = await sha256Hex(token)
  return [...users.values()].find(
    (user) => user.resetKey === key && Date.now() < user.resetExpiresAt,
  )
}

app.use('/reset/*', async (c, next) => {
  await next()
  c.header('Referrer-Policy', 'no-referrer')
})

app.get('/reset/:token', async (c) => {
  if (!(await userWithLink(c.req.param('token')))) return c.text(REFUSED, 400)
  return c.html(
    '<form method="post"><input type="password" name="password"><button>Save</button></form>',
  )
})

app.post('/reset/:token', async (c) => {
  const form = await c.req.parseBody()
  const user = await userWithLink(c.req.param('token'))
  if (!user) return c.text(REFUSED, 400)
  user.resetKey = null // used
  user.passwordHash = await generatePasswordHash(String(form['password'] ?? ''), {
    method: PASSWORD_METHOD,
  })
  user.sessionVersion += 1
  return c.redirect('/login')
})

export default app
