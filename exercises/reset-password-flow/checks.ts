import {
  CheckFailure,
  defineChecks,
  expectRedirect,
  expectStatus,
  type ClientResponse,
  type RequestOptions,
  type TestClient,
} from 'signed-in/checks'

/** Where the app is really served: the checks start it with APP_URL set to this. */
const APP_URL = 'https://app.test'

interface SentMail {
  to: string
  subject: string
  text: string
  sentBy: 'request' | 'queue'
}

function json<T>(response: ClientResponse, what: string): T {
  expectStatus(
    response,
    200,
    `Keep app.route('/dev', devTools) in app.ts: the checks read ${what} there.`,
  )
  return JSON.parse(response.body) as T
}

const outbox = async (client: TestClient) =>
  json<SentMail[]>(await client.get('/dev/outbox'), 'the outbox')

/** Play the mail worker: run every queued job, fail with what a job threw, return what it sent. */
async function runQueue(client: TestClient) {
  const { sent, errors } = json<{ sent: SentMail[]; errors: string[] }>(
    await client.postForm('/dev/run-queue', {}),
    'the queue',
  )
  if (errors.length > 0)
    throw new CheckFailure(`A job in the mail queue threw: ${errors.join('; ')}`)
  return sent
}

/**
 * Ask for a reset link for `email` (from `from`, with `options`), let the queue run, and return
 * the link in the one mail that arrived for that address.
 */
async function requestLink(
  client: TestClient,
  email: string,
  { from = client, options }: { from?: TestClient; options?: RequestOptions } = {},
) {
  expectStatus(await from.postForm('/forgot', { email }, options), 200)
  const mails = (await runQueue(client)).filter((mail) => mail.to === email)
  if (mails.length !== 1)
    throw new CheckFailure(
      `After a request for a link for ${email}, ${mails.length} mails to that address arrived; expected one.`,
    )
  const found = /https?:\/\/\S+/.exec(mails[0]?.text ?? '')
  if (!found)
    throw new CheckFailure(`The mail to ${email} holds no link: ${JSON.stringify(mails[0]?.text)}.`)
  const link = new URL(found[0])
  const token = /^\/reset\/([^/]+)$/.exec(link.pathname)?.[1]
  if (!token)
    throw new CheckFailure(`The link ${link.href} should have the shape ${APP_URL}/reset/<token>.`)
  return { link, path: link.pathname, token: decodeURIComponent(token) }
}

async function logIn(client: TestClient, email: string, password: string) {
  return client.postForm('/login', { email, password })
}

/** Fail when `response` is a successful page: the browser should not be logged in. */
function expectLoggedOut(response: ClientResponse, message: string, hint: string) {
  if (response.status === 200)
    throw new CheckFailure(`${message} (GET /account answered 200).`, hint)
}

function expectRefused(response: ClientResponse, message: string, hint: string) {
  if (response.status < 400 || response.status > 499)
    throw new CheckFailure(`${message}, but it got ${response.status}.`, hint)
}

const commonPrefix = (texts: string[]) => {
  const first = texts[0] ?? ''
  let length = 0
  while (length < first.length && texts.every((text) => text[length] === first[length])) length++
  return length
}

/** Bits a token of this alphabet carries per character, at most. */
function bitsPerCharacter(tokens: string[]) {
  const all = tokens.join('')
  if (/^[0-9a-f]*$/.test(all) || /^[0-9A-F]*$/.test(all)) return 4
  if (/^[A-Z2-7]*$/.test(all) || /^[a-z2-7]*$/.test(all)) return 5
  if (/^[0-9a-z]*$/.test(all)) return Math.log2(36)
  return 6 // base64url, or anything else a URL carries
}

async function sha256(text: string) {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  )
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
  const base64 = btoa(String.fromCharCode(...digest))
  const base64url = base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
  return [hex, hex.toUpperCase(), base64, base64url]
}

export default defineChecks(
  [
    {
      name: 'Ada asks for a link, and the mail in the outbox holds one that opens the reset page',
      async run({ client }) {
        const { path } = await requestLink(client, 'ada@example.com')
        expectStatus(
          await client.get(path),
          200,
          'Opening the link shows the form for the new password.',
        )
      },
    },
    {
      name: 'An unknown address gets the same answer as a known one, and the same work: no mail sent while it waits',
      async run({ client, work }) {
        const known = await work(() => client.postForm('/forgot', { email: 'grace@example.com' }))
        const unknown = await work(() =>
          client.postForm('/forgot', { email: 'nobody@example.com' }),
        )
        const [a, b] = [known.result, unknown.result]
        if (a.status !== b.status || a.body !== b.body)
          throw new CheckFailure(
            `An address with an account got ${a.status} ${JSON.stringify(a.body)}, one without ${b.status} ${JSON.stringify(b.body)}. The difference tells anyone which addresses have accounts.`,
            'Answer with one text for every address.',
          )
        if (known.passwordHashes !== unknown.passwordHashes)
          throw new CheckFailure(
            `The known address cost ${known.passwordHashes} password hash(es), the unknown one ${unknown.passwordHashes}.`,
          )
        const waited = (await outbox(client)).filter((mail) => mail.sentBy === 'request')
        if (waited.length > 0)
          throw new CheckFailure(
            `The mail to ${waited[0]?.to} was sent while the request waited for it. A real mail server takes a while to answer, so an address with an account is answered later than one without, and the delay gives the account away.`,
            'Answer first and send later: hand the work to the queue instead of doing it in the handler.',
          )
        await runQueue(client)
      },
    },
    {
      name: 'Tokens are random: 12 links hold 12 different tokens of at least 128 bits',
      async run({ client }) {
        const tokens: string[] = []
        for (let i = 0; i < 12; i++)
          tokens.push(
            (await requestLink(client, i % 2 ? 'alan@example.com' : 'ada@example.com')).token,
          )
        if (new Set(tokens).size !== tokens.length)
          throw new CheckFailure(`Two of 12 links held the same token: ${tokens.join(', ')}.`)
        const shortest = Math.min(...tokens.map((token) => token.length))
        const bits = Math.floor(shortest * bitsPerCharacter(tokens))
        if (bits < 128)
          throw new CheckFailure(
            `The shortest token, ${shortest} characters of its alphabet, carries at most ${bits} bits; a guess must face at least 128.`,
            'Ask the random generator for more bytes: 16 bytes are 128 bits.',
          )
        const reversed = tokens.map((token) => [...token].reverse().join(''))
        const shared = Math.max(commonPrefix(tokens), commonPrefix(reversed))
        if (shared >= 3)
          throw new CheckFailure(
            `All 12 tokens share ${shared} characters at one end, so part of each is predictable (a time, a counter, an id?): ${tokens.slice(0, 3).join(', ')}…`,
            'Make the whole token random bytes and nothing else.',
          )
      },
    },
    {
      name: 'The database keeps only the SHA-256 of a token, never the token',
      async run({ client }) {
        const { token } = await requestLink(client, 'edsger@example.com')
        const tables = (await client.get('/dev/db')).body
        if (tables.includes(token))
          throw new CheckFailure(
            'The token from the link is in the database as it is. Anyone who reads the table (a backup, a leak) could reset any password with it.',
            'Store the SHA-256 of the token, and look links up by the SHA-256 of the token they bring.',
          )
        const digests = await sha256(token)
        if (!digests.some((digest) => tables.includes(digest)))
          throw new CheckFailure(
            "The token's SHA-256 is not in the database either, so the app cannot recognise the link when it comes back.",
          )
      },
    },
    {
      name: 'The reset page sends Referrer-Policy: no-referrer',
      async run({ client }) {
        const { path } = await requestLink(client, 'barbara@example.com')
        const page = await client.get(path)
        expectStatus(page, 200)
        const policy = (page.headers.get('Referrer-Policy') ?? '').split(',').at(-1)?.trim()
        if (policy?.toLowerCase() !== 'no-referrer')
          throw new CheckFailure(
            `The page whose URL holds the token sent Referrer-Policy: ${policy || '(none)'}. Its links and resources would tell other sites the URL, token and all.`,
            'Set the header on the reset routes.',
          )
      },
    },
    {
      name: 'Opening a link twice does not use it up; saving a password does, once',
      async run({ client, newClient }) {
        const { path } = await requestLink(client, 'alan@example.com')
        expectStatus(await client.get(path), 200)
        expectStatus(
          await client.get(path),
          200,
          'Mail scanners open links before people do: only saving the password should use the token.',
        )
        expectRedirect(await client.postForm(path, { password: 'turing-complete' }))
        expectRefused(
          await client.postForm(path, { password: 'someone-else-now' }),
          'The same link used a second time should be refused with a 4xx status',
          'Delete the token when a new password is saved.',
        )
        const browser = newClient()
        expectStatus(
          await logIn(browser, 'alan@example.com', 'someone-else-now'),
          401,
          'The second use of the link changed the password again.',
        )
        expectRedirect(await logIn(browser, 'alan@example.com', 'turing-complete'), '/account')
      },
    },
    {
      name: 'A link stops working one hour after it was sent',
      async run({ client, clock, newClient }) {
        const { path } = await requestLink(client, 'margaret@example.com')
        await clock.advance(59 * 60 * 1000)
        expectStatus(await client.get(path), 200, 'After 59 minutes the link should still work.')
        await clock.advance(2 * 60 * 1000)
        expectRefused(
          await client.postForm(path, { password: 'hamilton-was-here' }),
          'A link 61 minutes old should be refused with a 4xx status',
          'Store when the token expires, an hour on, and refuse it from then on.',
        )
        expectRedirect(
          await logIn(newClient(), 'margaret@example.com', 'apollo-guidance'),
          '/account',
          'The expired link must not change the password.',
        )
      },
    },
    {
      name: 'A hostile Host or X-Forwarded-Host header does not change where the link points',
      async run({ client }) {
        const { link } = await requestLink(client, 'ada@example.com', {
          from: client.at('http://evil.test'),
          options: { headers: { Host: 'evil.test', 'X-Forwarded-Host': 'evil.test' } },
        })
        if (link.origin !== APP_URL)
          throw new CheckFailure(
            `A request sent to the app with the host evil.test produced a mail whose link goes to ${link.origin}. Whoever opens it hands the token to that site.`,
            'Build the link from the configured APP_URL, never from the request.',
          )
      },
    },
    {
      name: 'A reset signs Grace out on every device',
      async run({ client, newClient }) {
        const phone = newClient()
        expectRedirect(await logIn(phone, 'grace@example.com', 'compiler-first'), '/account')
        expectStatus(await phone.get('/account'), 200)
        const { path } = await requestLink(client, 'grace@example.com')
        expectRedirect(await client.postForm(path, { password: 'nanoseconds-of-wire' }))
        expectLoggedOut(
          await phone.get('/account'),
          "After the reset, the phone still uses Grace's old session",
          'Raise the session version of the user whose password changed.',
        )
      },
    },
    {
      name: 'A reset logs nobody in: the owner then logs in with the new password',
      async run({ client }) {
        const { path } = await requestLink(client, 'barbara@example.com')
        const saved = await client.postForm(path, { password: 'abstract-data-types' })
        expectRedirect(saved)
        expectLoggedOut(
          await client.get('/account'),
          'The browser that reset the password is logged in without logging in',
          'Send the owner to the login page; do not call loginUser after a reset.',
        )
        expectStatus(await logIn(client, 'barbara@example.com', 'liskov-substitution'), 401)
        expectRedirect(
          await logIn(client, 'barbara@example.com', 'abstract-data-types'),
          '/account',
        )
      },
    },
  ],
  { env: { APP_URL } },
)
