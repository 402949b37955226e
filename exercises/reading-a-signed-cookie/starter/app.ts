import { Hono } from 'hono'
import { getSignedCookie, setSignedCookie } from 'hono/cookie'
import { SECRET } from './config'

const app = new Hono()

app.post('/login', async (c) => {
  // The cookie's value is "ada", then a dot, then an HMAC-SHA256 of "ada" made with SECRET.
  await setSignedCookie(c, 'user', 'ada', SECRET, { httpOnly: true, sameSite: 'Lax', path: '/' })
  return c.text('Signed in as ada')
})

app.get('/whoami', async (c) => {
  const user = await getSignedCookie(c, SECRET, 'user')
  if (user === undefined) return c.text('no signed cookie at all (undefined)', 401)
  if (user === false) return c.text('the signature does not match (false)', 401)
  return c.text(`You are ${user}`)
})

export default app
