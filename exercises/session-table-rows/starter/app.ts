import { Hono } from 'hono'
import { openDatabase, SqliteSessionStore } from 'signed-in/db'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  logoutUser,
  session,
  UserMixin,
  type LoginVariables,
} from 'signed-in/login-manager'

class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public passwordHash: string,
  ) {
    super()
  }
}

interface UserRow {
  id: number
  name: string
  password_hash: string
}

const db = openDatabase() // app.db, with the users from the exercise's seed data
const findUser = (sql: string, value: string | number) => {
  const row = db.prepare<UserRow>(sql).get([value])
  return row && new User(String(row.id), row.name, row.password_hash)
}

const loginManager = new LoginManager<User>({ loginView: '/login' })
loginManager.userLoader((id) => findUser('SELECT * FROM users WHERE id = ?', Number(id)) ?? null)

const app = new Hono<{ Variables: LoginVariables<User> }>()
app.use(
  session({
    secret: '35caf468fd8ec860d962fd2df4a511eaf95adf55fd7faf135df18c0b193269b6',
    store: new SqliteSessionStore(db),
    idleTimeout: 30 * 60,
  }),
  loginManager.middleware(),
)

app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const user = findUser('SELECT * FROM users WHERE lower(name) = lower(?)', String(form['username']))
  if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'] ?? '')))) {
    return c.text('Wrong username or password', 401)
  }
  await loginUser(c, user)
  return c.redirect('/account')
})

app.get('/account', loginRequired<User>(), (c) => c.text(`Signed in as ${c.var.currentUser.name}`))

app.post('/logout', async (c) => {
  await logoutUser(c)
  return c.redirect('/login')
})

// For this example only: what the sessions table holds. Never expose it in a real app.
app.get('/debug/sessions', (c) =>
  c.json(
    db
      .prepare('SELECT id_hash, user_id, created_at, updated_at, expires_at FROM sessions')
      .all(),
  ),
)

export default app
