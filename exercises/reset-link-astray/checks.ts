import {
  CheckFailure,
  defineChecks,
  expectRedirect,
  expectStatus,
  type RequestOptions,
  type TestClient,
} from 'signed-in/checks'

const APP_URL = 'https://app.test'

/** Ask for Grace's link (from `from`, with `options`), play the mail worker, and read the mail. */
async function linkForGrace(
  client: TestClient,
  { from = client, options }: { from?: TestClient; options?: RequestOptions } = {},
) {
  expectStatus(await from.postForm('/forgot', { email: 'grace@example.com' }, options), 200)
  const worker = await client.postForm('/dev/run-queue', {})
  expectStatus(worker, 200, "Keep app.route('/dev', devTools) in app.ts: the checks use it.")
  const { sent: mails, errors } = JSON.parse(worker.body) as {
    sent: Array<{ text: string }>
    errors: string[]
  }
  if (errors.length > 0)
    throw new CheckFailure(`A job in the mail queue threw: ${errors.join('; ')}`)
  const url = /https?:\/\/\S+/.exec(mails.at(-1)?.text ?? '')?.[0]
  if (!url) throw new CheckFailure('No mail with a link arrived in the outbox.')
  const link = new URL(url)
  const token = /^\/reset\/([^/]+)$/.exec(link.pathname)?.[1]
  if (!token)
    throw new CheckFailure(`The link ${url} should have the shape ${APP_URL}/reset/<token>.`)
  return { link, token: decodeURIComponent(token) }
}

export default defineChecks(
  [
    {
      name: 'Grace asks for a link, and it opens the reset page',
      async run({ client }) {
        const { link } = await linkForGrace(client)
        expectStatus(await client.get(link.pathname), 200)
      },
    },
    {
      name: 'The link points at APP_URL, whatever Host the request arrived with',
      async run({ client }) {
        const { link } = await linkForGrace(client, {
          from: client.at('http://evil.test'),
          options: { headers: { Host: 'evil.test', 'X-Forwarded-Host': 'evil.test' } },
        })
        if (link.origin !== APP_URL)
          throw new CheckFailure(
            `Someone asked for Grace's link through a request addressed to evil.test, and the mail Grace got sends her to ${link.origin}, token and all.`,
            "Where does the link's site come from? The request's URL is built from what the request says.",
          )
      },
    },
    {
      name: 'The database holds no reset token as it is',
      async run({ client }) {
        const { token } = await linkForGrace(client)
        if ((await client.get('/dev/db')).body.includes(token))
          throw new CheckFailure(
            "The token from Grace's link is in the reset_tokens table as it is: a leaked copy of the table is a working link.",
            'Store something that recognises the token but cannot be turned back into it.',
          )
      },
    },
    {
      name: 'Saving a new password uses the link up, signs Grace out elsewhere and logs nobody in',
      async run({ client, newClient }) {
        const laptop = newClient()
        expectRedirect(
          await laptop.postForm('/login', {
            email: 'grace@example.com',
            password: 'compiler-first',
          }),
          '/account',
        )
        const { link } = await linkForGrace(client)
        expectRedirect(await client.postForm(link.pathname, { password: 'nanoseconds-of-wire' }))
        expectStatus(await client.postForm(link.pathname, { password: 'second-try-here' }), 400)
        for (const [who, browser] of [
          ['the laptop', laptop],
          ['the browser that reset it', client],
        ] as const) {
          const account = await browser.get('/account')
          if (account.status === 200)
            throw new CheckFailure(`After the reset, ${who} is still logged in as Grace.`)
        }
      },
    },
  ],
  { env: { APP_URL } },
)
