// The course's own sample login app, which the warm-ups of both sides use (the app realm runs it,
// the grader compiles it). Nothing of the learner's is in it.

/**
 * A sample app in the shape of a course app (types, imports, a session, a login manager), for
 * warming up: a spare app realm runs it, and the grader compiles it.
 *
 * @example
 * compileModule('warm-up.ts', SAMPLE)
 */
export const SAMPLE = `import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { LoginManager, loginRequired, loginUser, logoutUser, safeNext, session, UserMixin, type LoginVariables } from 'signed-in/login-manager'
class Sample extends UserMixin {
  constructor(public override id: string, public name: string) {
    super()
  }
}
const people = new Map<string, Sample>([['1', new Sample('1', 'Sample')]])
const manager = new LoginManager<Sample>()
manager.userLoader(async (id: string) => people.get(id) ?? null)
const app = new Hono<{ Variables: LoginVariables<Sample> }>()
app.use(session({ secret: 'warm-up secret, long enough for the session cookie' }), manager.middleware())
app.get('/', (c) => c.html('<p>' + (getCookie(c, 'theme') ?? 'light') + '</p>'))
app.post('/login', async (c) => {
  const form = await c.req.parseBody()
  const person = people.get(String(form['id'] ?? ''))
  if (!person) return c.text('Wrong', 401)
  setCookie(c, 'theme', 'dark', { httpOnly: true, sameSite: 'Lax', path: '/' })
  await loginUser(c, person, { remember: form['remember'] === 'on' })
  return c.redirect(safeNext(c.req.query('next'), '/dashboard'))
})
app.get('/dashboard', loginRequired<Sample>(), (c) => c.json({ name: c.var.currentUser.name }))
app.post('/logout', async (c) => {
  deleteCookie(c, 'theme')
  await logoutUser(c)
  return c.redirect('/')
})
export default app
`
