import { defineScenario } from 'signed-in/checks'

/** A signature made the way hono/cookie makes one, but with a secret the server does not have. */
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

let issued = ''

// One browser. After the login, each step puts a different "user" cookie in its jar by hand.
export default defineScenario([
  {
    label: 'POST /login: the Set-Cookie header',
    run: async (client) => {
      const response = await client.postForm('/login', {})
      issued = client.cookie('user') ?? ''
      return response.setCookie.join('; ')
    },
  },
  {
    label: 'GET /whoami with that cookie',
    run: async (client) => (await client.get('/whoami')).body,
  },
  {
    label: 'GET /whoami with "ada" changed to "admin", signature kept',
    run: async (client) => {
      client.setCookie('user', issued.replace(/^ada/, 'admin'))
      return (await client.get('/whoami')).body
    },
  },
  {
    label: 'GET /whoami with "admin" signed by a secret the server lacks',
    run: async (client) => {
      client.setCookie('user', await signWith('a-secret-this-server-never-had', 'admin'))
      return (await client.get('/whoami')).body
    },
  },
  {
    label: 'GET /whoami with plain "admin" and no signature',
    run: async (client) => {
      client.setCookie('user', 'admin')
      return (await client.get('/whoami')).body
    },
  },
])
