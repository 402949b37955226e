import { Hono } from 'hono'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  type LoginVariables,
} from 'signed-in/login-manager'
import { clientAddress, TokenBuckets } from './throttle'
import { DUMMY_HASH, findByName, SESSION_SECRET, User, users } from './users'

const loginManager = new LoginManager<User>()
loginManager.userLoader(async (id) => users.get(id) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(session({ secret: SESSION_SECRET }), loginManager.middleware())

// This app throttles; it never locks an account. Two kinds of bucket, filled by failed logins:
// one per address (tight: a single machine guessing), one per account name (looser: a backstop
// against guesses spread over many addresses).
const byAddress = new TokenBuckets({ capacity: 10, refillSeconds: 60 })
const byAccount = new TokenBuckets({ capacity: 20, refillSeconds: 300 })

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const name = String(form['username'] ?? '').toLowerCase()
  const password = String(form['password'] ?? '')
  const address = clientAddress(c)

  // Refuse before any password work while either bucket is empty, even for the right password.
  const wait = Math.max(byAddress.wait(address), byAccount.wait(___))
  if (wait > 0) {
    c.header('___', String(wait))
    return c.text('Too many failed logins. Try again later.', ___)
  }

  // One password hash whether or not the name exists, and one answer for both failures.
  const user = findByName(name)
  const passwordOk = await checkPasswordHash(user?.passwordHash ?? ___, password)
  if (!user || !passwordOk) {
    byAddress.take(___)
    byAccount.take(___)
    return c.text('Wrong username or password', 401)
  }

  await loginUser(c, user)
  return c.redirect('/dashboard')
})

app.get('/dashboard', loginRequired<User>(), (c) => c.text(`Welcome back, ${c.var.currentUser.name}!`))

export default app
