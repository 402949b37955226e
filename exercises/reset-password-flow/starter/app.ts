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
import { findUserByEmail, PASSWORD_METHOD, resetTokens, SESSION_SECRET, User, users } from './db'
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

// 1. Someone asks for a link. The same answer, straight away, whatever the address: looking the
//    account up and sending the mail happen in the queue, after the answer has gone.
app.post('/forgot', async (c) => {
  const form = await c.req.parseBody()
  const email = String(form['email'] ?? '')
  if (!email.includes('@')) {
    return c.text('Enter an email address.', 400)
  }
  ___(() => sendResetLink(email))
  return c.text(SAME_ANSWER)
})

async function sendResetLink(email: string): Promise<void> {
  const user = findUserByEmail(email)
  if (!user) return // nobody to write to, and nobody learns that
  // A new link replaces any older one still waiting.
  for (const [key, row] of resetTokens) if (row.userId === user.id) resetTokens.delete(key)
  const token = randomToken(___) // how many random bytes? At least 128 bits
  resetTokens.set(await ___(token), { userId: user.id, expiresAt: Date.now() + ___ })
  await sendMail({
    to: user.email,
    subject: 'Choose a new password',
    text: `Someone asked to reset the password of your account. To choose a new one, open\n${___}/reset/${token}\nThe link works once, for one hour. If it was not you, ignore this mail.`,
  })
}

/** The row stored under `key`, while it is still valid. */
function validRow(key: string) {
  const row = resetTokens.get(key)
  return row && Date.now() < row.expiresAt ? row : undefined
}

// 2. The link from the mail: a form for the new password. The token is in this page's URL, so the
//    page must not send it to other sites in a Referer header.
app.use('/reset/*', async (c, next) => {
  await next()
  c.header('Referrer-Policy', ___)
})

app.get('/reset/:token', async (c) => {
  if (!validRow(await sha256Hex(c.req.param('token')))) return c.text(LINK_REFUSED, 400)
  return c.html(
    '<form method="post"><label>New password <input type="password" name="password" autocomplete="new-password"></label><button>Save</button></form>',
  )
})

// 3. The new password. Opening the link did not use the token up; saving does.
app.post('/reset/:token', async (c) => {
  const form = await c.req.parseBody()
  const password = String(form['password'] ?? '')
  const key = await sha256Hex(c.req.param('token'))
  const row = validRow(key)
  if (!row) return c.text(LINK_REFUSED, 400)
  if (password.length < 8) return c.text('Choose a password of at least 8 characters.', 400)
  // Used: it never works again. Read and deleted with no await between, so two posts of the
  // same link cannot both get past this line.
  resetTokens.delete(___)
  const user = users.get(row.userId)
  if (!user) return c.text(LINK_REFUSED, 400)
  user.passwordHash = await generatePasswordHash(password, { method: PASSWORD_METHOD })
  user.sessionVersion = ___ // every earlier session, on every device, ends
  // Where does the owner go now? (The lesson explains why not straight to /account.)
  return c.redirect(___)
})

export default app
