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
import { db, findUserByEmail, findUserById, PASSWORD_METHOD, SESSION_SECRET, User } from './db'
import { devTools } from './dev'
import { enqueue, sendMail } from './mail'
import { randomToken, sha256Hex } from './tokens'

// Where the app really lives, from configuration (https://app.test in the checks).
const APP_URL = process.env.APP_URL ?? 'http://localhost'
const ONE_HOUR = 60 * 60 * 1000
const SAME_ANSWER =
  'If an account uses that address, a link to choose a new password is on its way. It works for one hour.'
const LINK_REFUSED = 'This link has expired or has already been used. Ask for a new one.'

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader((id) => findUserById(id) ?? null)

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

// 1. Someone asks for a link. The same answer, straight away, whatever the address: looking the
//    account up and sending the mail happen in the queue, after the answer has gone.
app.post('/forgot', async (c) => {
  const form = await c.req.parseBody()
  const email = String(form['email'] ?? '')
  if (!email.includes('@')) {
    return c.text('Enter an email address.', 400)
  }
  enqueue(() => sendResetLink(email))
  return c.text(SAME_ANSWER)
})

async function sendResetLink(email: string): Promise<void> {
  const user = findUserByEmail(email)
  if (!user) return // nobody to write to, and nobody learns that
  const token = randomToken(32) // 256 bits
  const key = await sha256Hex(token)
  // A new link replaces any older one still waiting.
  db.transaction(() => {
    db.prepare('DELETE FROM reset_tokens WHERE user_id = ?').run([Number(user.id)])
    db.prepare('INSERT INTO reset_tokens (token_key, user_id, expires_at) VALUES (?, ?, ?)').run([
      key,
      Number(user.id),
      Date.now() + ONE_HOUR, // the app's clock, which the checks can move on
    ])
  })
  await sendMail({
    to: user.email,
    subject: 'Choose a new password',
    text: `Someone asked to reset the password of your account. To choose a new one, open\n${APP_URL}/reset/${token}\nThe link works once, for one hour. If it was not you, ignore this mail.`,
  })
}

/** Is a link whose token hashes to `key` still valid? Looking does not use it up. */
function linkIsValid(key: string): boolean {
  const row = db
    .prepare('SELECT user_id FROM reset_tokens WHERE token_key = ? AND expires_at > ?')
    .get([key, Date.now()])
  return row !== undefined
}

// 2. The link from the mail: a form for the new password. The token is in this page's URL, so the
//    page must not send it to other sites in a Referer header.
app.use('/reset/*', async (c, next) => {
  await next()
  c.header('Referrer-Policy', 'no-referrer')
})

app.get('/reset/:token', async (c) => {
  if (!linkIsValid(await sha256Hex(c.req.param('token')))) return c.text(LINK_REFUSED, 400)
  return c.html(
    '<form method="post"><label>New password <input type="password" name="password" autocomplete="new-password"></label><button>Save</button></form>',
  )
})

// 3. The new password. Opening the link did not use the token up; saving does.
app.post('/reset/:token', async (c) => {
  const form = await c.req.parseBody()
  const password = String(form['password'] ?? '')
  const key = await sha256Hex(c.req.param('token'))
  if (!linkIsValid(key)) return c.text(LINK_REFUSED, 400)
  if (password.length < 8) return c.text('Choose a password of at least 8 characters.', 400)
  const hash = await generatePasswordHash(password, { method: PASSWORD_METHOD })
  const saved = db.transaction(() => {
    // Used: the statement that finds the row deletes it, so of two posts of the same link only
    // one gets a row back.
    const used = db
      .prepare<{ user_id: number }>(
        'DELETE FROM reset_tokens WHERE token_key = ? AND expires_at > ? RETURNING user_id',
      )
      .get([key, Date.now()])
    if (!used) return false
    // Every earlier session, on every device, ends: their session version is out of date.
    db.prepare(
      'UPDATE users SET password_hash = ?, session_version = session_version + 1 WHERE id = ?',
    ).run([hash, used.user_id])
    return true
  })
  if (!saved) return c.text(LINK_REFUSED, 400)
  // Nobody is logged in: the owner logs in with the new password, like any other login.
  return c.redirect('/login?reset=done')
})

export default app
