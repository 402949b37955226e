import { defineScenario, type ClientResponse, type TestClient } from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }

/** The status, then what the browser did with the session cookie, in the jar's own words. */
function report(response: ClientResponse): string {
  const reasons = response.cookieEvents
    .filter((event) => event.cookie === 'session')
    .map((event) => event.reason)
  return [String(response.status), ...(reasons.length ? reasons : ['no session cookie'])].join(
    ' · ',
  )
}

/** The same browser, visiting the app served at https://app.test. */
const secure = (client: TestClient) => client.at('https://app.test')
/** A page on https://evil.test, open in that same browser. */
const evil = (client: TestClient) => secure(client).fromSite('https://evil.test')

// One browser throughout. client.at(origin) is the same browser visiting the app at another
// address; fromSite(origin) is a page on another site, open in that browser, sending requests to it.
export default defineScenario([
  {
    label: 'POST /login on http://localhost',
    run: async (client) => report(await client.postForm('/login', ada)),
  },
  {
    label: 'POST /login on plain http://app.test',
    run: async (client) => report(await client.at('http://app.test').postForm('/login', ada)),
  },
  {
    label: 'POST /login on https://app.test',
    run: async (client) => report(await secure(client).postForm('/login', ada)),
  },
  {
    label: 'GET /dashboard on https://app.test',
    run: async (client) => report(await secure(client).get('/dashboard')),
  },
  {
    label: 'A form on https://evil.test posts to https://app.test/email',
    run: async (client) =>
      report(await evil(client).submitForm('/email', { email: 'mallory@evil.test' })),
  },
  {
    label: 'A link on https://news.test opens https://app.test/dashboard',
    run: async (client) =>
      report(await secure(client).fromSite('https://news.test').followLink('/dashboard')),
  },
  {
    label: 'A script on https://evil.test fetches https://app.test/dashboard',
    run: async (client) =>
      report(await evil(client).fetch('/dashboard', { credentials: 'include' })),
  },
])
