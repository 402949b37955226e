import { defineScenario, type ClientResponse, type TestClient } from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }
const newEmail = { email: 'mallory@evil.test' }

/** The status and body, then what the browser did with the session cookie, in its own words. */
function report(response: ClientResponse): string {
  if (response.blocked) return `not sent · ${response.blocked}`
  const reasons = response.cookieEvents
    .filter((event) => event.cookie === '__Host-session')
    .map((event) => event.reason)
  return [
    `${response.status} ${response.body}`,
    ...(reasons.length ? reasons : ['no session cookie']),
  ].join(' · ')
}

/** The same browser, on the app served at https://app.test. */
const app = (client: TestClient) => client.at('https://app.test')

// One browser throughout: Ada logs in, then pages on other origins send requests to the app.
export default defineScenario(
  [
    {
      label: 'Ada logs in on https://app.test',
      run: async (client) => report(await app(client).postForm('/login', ada)),
    },
    {
      label: "Ada's own page posts the email form",
      run: async (client) =>
        report(await app(client).postForm('/email', { email: 'ada@new.test' })),
    },
    {
      label: 'A form on https://evil.test posts to /email',
      run: async (client) =>
        report(await app(client).fromSite('https://evil.test').submitForm('/email', newEmail)),
    },
    {
      label: 'A form on https://blog.app.test (same site, other origin) posts to /email',
      run: async (client) =>
        report(await app(client).fromSite('https://blog.app.test').submitForm('/email', newEmail)),
    },
    {
      label: 'A script on https://evil.test fetches /email with a text/plain body',
      run: async (client) =>
        report(
          await app(client)
            .fromSite('https://evil.test')
            .fetch('/email', {
              method: 'POST',
              body: 'email=mallory@evil.test',
              headers: { 'Content-Type': 'text/plain' },
              credentials: 'include',
            }),
        ),
    },
    {
      label: 'A script on https://evil.test fetches /email with a JSON body',
      run: async (client) =>
        report(
          await app(client)
            .fromSite('https://evil.test')
            .fetch('/email', {
              method: 'POST',
              body: JSON.stringify(newEmail),
              headers: { 'Content-Type': 'application/json' },
              credentials: 'include',
            }),
        ),
    },
    {
      label: 'A link on https://evil.test opens /dashboard',
      run: async (client) =>
        report(await app(client).fromSite('https://evil.test').followLink('/dashboard')),
    },
  ],
  { env: { SESSION_SECRET: 'c3e1a9f7b5d3c1e9a7f5b3d1c9e7a5f3b1d9c7e5a3f1b9d7c5e3a1f9b7d5c3e1' } },
)
