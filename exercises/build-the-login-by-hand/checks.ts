import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectCookieAttribute,
  expectStatus,
  type TestClient,
} from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }

/**
 * The session cookie with its readable part (before the first dot) changed to name someone else;
 * everything after it, the signature included, kept as it was.
 */
function forgedAs(value: string, username: string): string {
  const [payload = '', ...rest] = value.split('.')
  const text = atob(payload.replaceAll('-', '+').replaceAll('_', '/'))
  const data = JSON.parse(text) as Record<string, unknown>
  data['username'] = username
  const encoded = btoa(JSON.stringify(data))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
  return [encoded, ...rest].join('.')
}

async function logInAsAda(client: TestClient) {
  const response = await client.postForm('/login', ada)
  const cookie = client.cookie('session')
  if (!cookie)
    throw new CheckFailure(
      'Logging in as ada left the browser with no session cookie.',
      'The cookie is only sent when the login route writes something into the session.',
    )
  return { response, cookie }
}

export default defineChecks([
  {
    name: 'A stranger asking for /dashboard gets 401',
    async run({ client }) {
      expectStatus(
        await client.get('/dashboard'),
        401,
        'The dashboard reads the username from the session; when there is none, answer with the status that means "log in first".',
      )
    },
  },
  {
    name: 'A wrong password is refused with 401, and the dashboard stays closed',
    async run({ client }) {
      expectStatus(
        await client.postForm('/login', { username: 'ada', password: 'babbage' }),
        401,
        'Is the password check awaited? A Promise on its own is always truthy.',
      )
      expectStatus(await client.get('/dashboard'), 401)
    },
  },
  {
    name: 'An unknown username gets exactly the same answer as a wrong password',
    async run({ client, newClient }) {
      const wrong = await client.postForm('/login', { username: 'ada', password: 'babbage' })
      const unknown = await newClient().postForm('/login', {
        username: 'charles',
        password: 'babbage',
      })
      if (wrong.status !== unknown.status || wrong.body !== unknown.body)
        throw new CheckFailure(
          `A wrong password got ${wrong.status} "${wrong.body}", an unknown name got ${unknown.status} "${unknown.body}".`,
          'Different answers tell a stranger which usernames exist.',
        )
    },
  },
  {
    name: 'The right password logs in, with an HttpOnly session cookie',
    async run({ client }) {
      const { response } = await logInAsAda(client)
      expectStatus(response, 200)
      expectBodyIncludes(response, 'Logged in as ada')
      expectCookieAttribute(response, 'session', 'HttpOnly')
    },
  },
  {
    name: 'After logging in, /dashboard greets ada',
    async run({ client }) {
      await logInAsAda(client)
      const response = await client.get('/dashboard')
      expectStatus(
        response,
        200,
        'After the check, the login route must put the username into the session, and the dashboard must read it back under the same key.',
      )
      expectBodyIncludes(response, 'Welcome to your dashboard, ada!')
    },
  },
  {
    name: 'A forged cookie that names admin, with ada’s signature, gets 401',
    async run({ client, newClient }) {
      const { cookie } = await logInAsAda(client)
      const attacker = newClient()
      attacker.setCookie('session', forgedAs(cookie, 'admin'))
      const response = await attacker.get('/dashboard')
      expectStatus(
        response,
        401,
        'The signature covers the readable part; session() must be the one reading the cookie.',
      )
    },
  },
  {
    name: 'Logging out ends the login: /dashboard gets 401 again',
    async run({ client }) {
      await logInAsAda(client)
      expectStatus(await client.get('/dashboard'), 200)
      const response = await client.postForm('/logout', {})
      expectBodyIncludes(response, 'Logged out')
      expectStatus(
        await client.get('/dashboard'),
        401,
        'Logging out must leave the session with no username in it.',
      )
    },
  },
])
