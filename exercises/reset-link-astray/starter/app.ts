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
import { randomToken } from './tokens'

const ONE_HOUR = 60 * 60 * 1000
const ANSWER = 'If that address has an account, we have mailed it a link. It works for one hour.'
const REFUSED = 'This link is no longer valid.'

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

app.post('/forgot', async (c) => {
  const form = await c.req.parseBody()
  const email = String(form['email'] ?? '')
  // The address this request came to: the link sends people back to the same site.
  const site = new URL(c.req.url).origin
  enqueue(() => mailLink(email, site))
  return c.text(ANSWER)
})

async function mailLink(email: string, site: string): Promise<void> {
  const user = findUserByEmail(email)
  if (!user) return
  const token = randomToken(32)
  const key = token
  db.transaction(() => {
    db.prepare('DELETE FROM reset_tokens WHERE user_id = ?').run([Number(user.id)])
    db.prepare('INSERT INTO reset_tokens (token_key, user_id, expires_at) VALUES (?, ?, ?)').run([
      key,
      Number(user.id),
      Date.now() + ONE_HOUR,
    ])
  })
  await sendMail({
    to: user.email,
    subject: 'Your password reset link',
    text: `Open ${site}/reset/${token} within the hour to choose a new password.`,
  })
}

/**
 * The id of the user whose link holds `token`, while the link is valid. With `use`, the same
 * statement that finds the row deletes it: a link works once.
 */
async function linkOwner(token: string, { use = false } = {}): Promise<number | undefined> {
  const key = token
  const sql = use
    ? 'DELETE FROM reset_tokens WHERE token_key = ? AND expires_at > ? RETURNING user_id'
    : 'SELECT user_id FROM reset_tokens WHERE token_key = ? AND expires_at > ?'
  return db.prepare<{ user_id: number }>(sql).get([key, Date.now()])?.user_id
}

app.use('/reset/*', async (c, next) => {
  await next()
  c.header('Referrer-Policy', 'no-referrer')
})

app.get('/reset/:token', async (c) => {
  if ((await linkOwner(c.req.param('token'))) === undefined) return c.text(REFUSED, 400)
  return c.html(
    '<form method="post"><input type="password" name="password"><button>Save</button></form>',
  )
})

app.post('/reset/:token', async (c) => {
  const form = await c.req.parseBody()
  if ((await linkOwner(c.req.param('token'))) === undefined) return c.text(REFUSED, 400)
  const hash = await generatePasswordHash(String(form['password'] ?? ''), {
    method: PASSWORD_METHOD,
  })
  const owner = await linkOwner(c.req.param('token'), { use: true })
  if (owner === undefined) return c.text(REFUSED, 400)
  db.prepare(
    'UPDATE users SET password_hash = ?, session_version = session_version + 1 WHERE id = ?',
  ).run([hash, owner])
  return c.redirect('/login')
})

export default app
