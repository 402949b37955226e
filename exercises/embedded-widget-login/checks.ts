import {
  defineChecks,
  expectBodyIncludes,
  expectCookieStored,
  expectRedirect,
  expectStatus,
} from 'signed-in/checks'

const ada = { name: 'Ada Lovelace', password: 'notes-on-the-engine' }

export default defineChecks(
  [
    {
      name: 'Ada can log in on https://app.test',
      async run({ client }) {
        const secure = client.at('https://app.test')
        expectRedirect(await secure.postForm('/login', ada), '/dashboard')
        expectBodyIncludes(await secure.get('/dashboard'), 'Welcome back, Ada Lovelace!')
      },
    },
    {
      name: 'Ada can log in while developing on http://localhost',
      async run({ client }) {
        const response = await client.postForm('/login', ada)
        expectRedirect(response, '/dashboard')
        expectCookieStored(
          response,
          'session',
          'The app answered, and the browser threw the cookie away. Read its reason in the request inspector, under POST /login.',
        )
        expectStatus(await client.get('/dashboard'), 200)
      },
    },
    {
      name: 'A script on https://partner.example loads the widget with Ada signed in',
      async run({ client }) {
        const secure = client.at('https://app.test')
        await secure.postForm('/login', ada)
        const widget = await secure
          .fromSite('https://partner.example')
          .fetch('/widget', { credentials: 'include' })
        expectStatus(
          widget,
          200,
          'The partner page is another site, and its fetch is not a top-level navigation: only one SameSite value lets the cookie go with it.',
        )
        expectBodyIncludes(widget, 'Signed in as Ada Lovelace')
      },
    },
  ],
  { env: { SESSION_SECRET: '2c4e6a8b0d1f3e5c7a9b2d4f6e8a0c1b3d5f7e9a1c3b5d7f9e2a4c6b8d0f1e3a' } },
)
