import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectCookieRejected,
  expectCookieSent,
  expectCookieStored,
  expectRedirect,
  expectStatus,
  type ClientResponse,
  type TestClient,
} from 'signed-in/checks'

const ada = { name: 'Ada Lovelace', password: 'notes-on-the-engine' }
const SESSION = '__Host-session'

/** The same browser, on the app as it is served in production. */
const secure = (client: TestClient) => client.at('https://app.test')

/** Ada logs in on https://app.test; the check fails, quoting the jar, if the cookie never lands. */
async function logIn(client: TestClient): Promise<ClientResponse> {
  const response = await secure(client).postForm('/login', ada)
  expectRedirect(response, '/dashboard')
  expectCookieStored(
    response,
    SESSION,
    'The session cookie should be called __Host-session. Which option of session() adds that prefix?',
  )
  return response
}

/** A check that the answer to a forged form is a refusal from the CSRF middleware itself. */
function expectRefused(response: ClientResponse, hint: string): void {
  if (response.status === 403 && response.body === 'Forbidden') return
  throw new CheckFailure(
    `The forged form got ${response.status} ${JSON.stringify(response.body.slice(0, 80))}, but hono/csrf should have answered 403 "Forbidden" before any handler ran.`,
    hint,
  )
}

export default defineChecks(
  [
    {
      name: 'Ada logs in on https://app.test and her dashboard greets her',
      async run({ client }) {
        await logIn(client)
        const response = await secure(client).get('/dashboard')
        expectStatus(response, 200, 'The browser should send the session cookie back over https.')
        expectBodyIncludes(response, 'Welcome back, Ada Lovelace!')
      },
    },
    {
      name: 'The browser keeps every login cookie as Secure, HttpOnly and SameSite=Lax',
      async run({ client }) {
        const response = await logIn(client)
        const stored = response.cookieEvents.filter(
          (event) => event.action === 'stored' || event.action === 'replaced',
        )
        for (const event of stored) {
          const missing = ['Secure', 'HttpOnly', 'SameSite=Lax'].filter(
            (attribute) => !event.reason.split(', ').includes(attribute),
          )
          if (missing.length > 0)
            throw new CheckFailure(
              `The browser stored "${event.cookie}" without ${missing.join(' and ')}. Its own words: "${event.reason}".`,
              'Each of the three attributes is one field of the cookie option of session().',
            )
        }
      },
    },
    {
      name: 'A link from another site to /dashboard still finds Ada logged in',
      async run({ client }) {
        await logIn(client)
        const response = await secure(client)
          .fromSite('https://mail.example')
          .followLink('/dashboard')
        expectCookieSent(
          response,
          SESSION,
          'Someone clicking a link in their webmail should land on their dashboard, not on a login page. Which SameSite value still sends the cookie on a top-level GET from another site?',
        )
        expectStatus(response, 200)
      },
    },
    {
      name: "A form on https://evil.test cannot change Ada's email",
      async run({ client }) {
        await logIn(client)
        const response = await secure(client)
          .fromSite('https://evil.test')
          .submitForm('/email', { email: 'mallory@evil.test' })
        expectRefused(
          response,
          'SameSite kept the cookie home this time, but it is one layer. The CSRF middleware should refuse a form from an origin it does not know, whoever is logged in.',
        )
        const dashboard = await secure(client).get('/dashboard')
        if (dashboard.body.includes('mallory@evil.test'))
          throw new CheckFailure("The forged form changed Ada's email to Mallory's.")
      },
    },
    {
      name: "A form on https://www.app.test, the same site, can change Ada's email",
      async run({ client }) {
        await logIn(client)
        const response = await secure(client)
          .fromSite('https://www.app.test')
          .submitForm('/email', { email: 'ada@analytical.test' })
        expectCookieSent(response, SESSION)
        expectStatus(
          response,
          200,
          'www.app.test is the same site but another origin, so by default hono/csrf refuses it. Which option lists the origins it accepts?',
        )
        expectBodyIncludes(response, 'Email changed to ada@analytical.test')
      },
    },
    {
      name: "Ada's own form on https://app.test can change her email",
      async run({ client }) {
        await logIn(client)
        const response = await secure(client).postForm('/email', { email: 'ada@example.test' })
        expectStatus(
          response,
          200,
          'The app must still accept forms from its own origin, https://app.test.',
        )
        expectBodyIncludes(response, 'Email changed to ada@example.test')
      },
    },
    {
      name: 'Over plain http://app.test, the browser refuses the Secure session cookie',
      async run({ client }) {
        const plain = client.at('http://app.test')
        const response = await plain.postForm('/login', ada)
        expectCookieRejected(
          response,
          SESSION,
          'A session cookie must never travel over plain http. Which attribute tells the browser so?',
        )
        expectRedirect(
          await plain.get('/dashboard'),
          '/login?next=%2Fdashboard',
          'Without its cookie, the next request over http is a stranger.',
        )
      },
    },
    {
      name: 'Every page carries the secure headers',
      async run({ client }) {
        const response = await secure(client).get('/login')
        const expected: Record<string, string> = {
          'X-Content-Type-Options': 'nosniff',
          'X-Frame-Options': 'SAMEORIGIN',
          'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
        }
        for (const [name, value] of Object.entries(expected)) {
          if (response.headers.get(name) !== value)
            throw new CheckFailure(
              `GET /login answered ${name}: ${response.headers.get(name) ?? '(none)'}, but it should be ${value}.`,
              'One middleware from hono sets all of these at once; it is imported at the top of app.ts.',
            )
        }
      },
    },
  ],
  { env: { SESSION_SECRET: '4f1c0e9b7a2d58e63c9b1f0a7d2e4c6b8a0f3d5e7c9b1a2d4f6e8c0b2a4d6f81' } },
)
