import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectCookie,
  expectCookieAttribute,
  expectStatus,
  type TestClient,
} from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }

/** A value signed the way hono/cookie signs, with a secret of the attacker's choosing. */
async function signWith(secret: string, value: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const bytes = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(value)),
  )
  return encodeURIComponent(`${value}.${btoa(String.fromCharCode(...bytes))}`)
}

async function adasCookie(client: TestClient): Promise<string> {
  await client.postForm('/login', ada)
  const cookie = client.cookie('user')
  if (!cookie)
    throw new CheckFailure(
      'Logging in as ada left the browser with no "user" cookie.',
      'The login route must sign the username into a cookie named "user".',
    )
  return cookie
}

async function expectRefused(client: TestClient, what: string) {
  const response = await client.get('/dashboard')
  if (response.status !== 401)
    throw new CheckFailure(
      `The dashboard let in ${what}: it answered ${response.status} "${response.body}".`,
      'Read the cookie with the function that checks its signature, using the same secret that signed it.',
    )
}

export default defineChecks([
  {
    name: 'A stranger asking for /dashboard gets 401',
    async run({ client }) {
      expectStatus(await client.get('/dashboard'), 401)
    },
  },
  {
    name: 'The right password sets a signed, HttpOnly, SameSite=Lax "user" cookie',
    async run({ client }) {
      const response = await client.postForm('/login', ada)
      expectStatus(response, 200)
      expectCookieAttribute(response, 'user', 'HttpOnly')
      expectCookieAttribute(response, 'user', 'SameSite=Lax')
      const value = decodeURIComponent(client.cookie('user') ?? '')
      if (!/^ada\.[A-Za-z0-9+/]{43}=$/.test(value))
        throw new CheckFailure(
          `The cookie's value is ${JSON.stringify(value)}, not "ada", a dot and a signature.`,
          'hono/cookie has a function that sets a cookie and signs it in one go.',
        )
    },
  },
  {
    name: 'After logging in, /dashboard greets ada',
    async run({ client }) {
      await adasCookie(client)
      const response = await client.get('/dashboard')
      expectStatus(response, 200, 'Is the cookie read with the same secret that signed it?')
      expectBodyIncludes(response, 'Welcome to your dashboard, ada!')
    },
  },
  {
    name: 'A cookie edited to say "admin", keeping ada’s signature, is refused and deleted',
    async run({ client }) {
      const cookie = await adasCookie(client)
      client.setCookie('user', cookie.replace(/^ada/, 'admin'))
      await expectRefused(client, 'an edited cookie')
      expectCookie(
        client,
        'user',
        'A signature that does not match means someone edited the cookie. What does the reading function return then? Compare with exactly that value, and the route deletes the cookie.',
        false,
      )
    },
  },
  {
    name: 'A cookie saying "admin", signed with a secret the attacker chose, is refused',
    async run({ client }) {
      client.setCookie('user', await signWith('attacker-secret', 'admin'))
      await expectRefused(client, 'a cookie signed with another secret')
    },
  },
  {
    name: 'A plain "admin" cookie with no signature is refused',
    async run({ client }) {
      client.setCookie('user', 'admin')
      await expectRefused(client, 'an unsigned cookie')
    },
  },
  {
    name: 'A wrong password gets 401 and no cookie',
    async run({ client }) {
      expectStatus(await client.postForm('/login', { username: 'ada', password: 'babbage' }), 401)
      expectCookie(client, 'user', undefined, false)
    },
  },
])
