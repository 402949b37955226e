import {
  CheckFailure,
  defineChecks,
  expectRedirect,
  expectStatus,
  type ClientResponse,
  type TestClient,
} from 'signed-in/checks'

const ADA = { username: 'ada', password: 'analytical-engine' }
const from = (address: string) => ({ headers: { 'X-Real-IP': address } })

// Guesses an attacker would try first; the real password hides among them.
const GUESSES = [
  '123456',
  'password',
  'qwerty',
  'letmein',
  'iloveyou',
  'dragon',
  'monkey',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'welcome',
  'shadow',
  'master',
  'hello123',
  'freedom',
  'whatever',
  'trustno1',
  'starwars',
  'passw0rd',
  'zaq12wsx',
  'charlie',
  'superman',
  'batman',
]

/** Fail unless the run is refused with 429 by the first refusal at the latest, and stays refused. */
function expectThrottled(responses: ClientResponse[], within: number, what: string) {
  const first = responses.findIndex((response) => response.status === 429)
  if (first < 0 || first >= within)
    throw new CheckFailure(
      `${what}: by attempt ${within} the answer should be 429, but the first ${within} answers were ${responses
        .slice(0, within)
        .map((response) => response.status)
        .join(', ')}.`,
      'Once a bucket is empty, answer 429 before checking the password.',
    )
  const later = responses.slice(first).find((response) => response.status !== 429)
  if (later)
    throw new CheckFailure(
      `${what}: after the first 429 an attempt got ${later.status}; every attempt should be refused until tokens come back.`,
    )
  const retryAfter = responses[first]?.headers.get('Retry-After') ?? ''
  if (!/^[1-9]\d*$/.test(retryAfter))
    throw new CheckFailure(
      `${what}: the 429 should say when to come back in a Retry-After header (whole seconds), but it was ${retryAfter ? `"${retryAfter}"` : 'missing'}.`,
      'Set the header with c.header(name, value) before returning the 429.',
    )
}

async function attempts(
  client: TestClient,
  tries: Array<{ username: string; password: string; address: string }>,
) {
  const responses: ClientResponse[] = []
  for (const { address, ...form } of tries)
    responses.push(await client.postForm('/login', form, from(address)))
  return responses
}

export default defineChecks([
  {
    name: 'Ada logs in with the right password',
    async run({ client }) {
      expectRedirect(await client.postForm('/login', ADA, from('198.51.100.7')), '/dashboard')
    },
  },
  {
    name: 'A wrong password and an unknown name get the same answer',
    async run({ client }) {
      const wrong = await client.postForm(
        '/login',
        { username: 'ada', password: 'babbage' },
        from('198.51.100.8'),
      )
      const unknown = await client.postForm(
        '/login',
        { username: 'nobody', password: 'babbage' },
        from('198.51.100.8'),
      )
      expectStatus(wrong, 401)
      if (unknown.status !== wrong.status || unknown.body !== wrong.body)
        throw new CheckFailure(
          `A wrong password got ${wrong.status} "${wrong.body}", an unknown name ${unknown.status} "${unknown.body}". The difference tells an attacker which names exist.`,
        )
    },
  },
  {
    name: 'A wrong password and an unknown name cost the same work: one password hash each',
    async run({ client, work }) {
      const wrong = await work(() =>
        client.postForm('/login', { username: 'ada', password: 'babbage' }, from('198.51.100.9')),
      )
      const unknown = await work(() =>
        client.postForm(
          '/login',
          { username: 'nobody', password: 'babbage' },
          from('198.51.100.9'),
        ),
      )
      if (wrong.passwordHashes !== 1 || unknown.passwordHashes !== 1)
        throw new CheckFailure(
          `A wrong password computed ${wrong.passwordHashes} password hash(es), an unknown name ${unknown.passwordHashes}. Both should compute exactly one, or the time each takes tells an attacker which names exist.`,
          'For a name with no account, check the password against a hash that can never match but costs the same to check.',
        )
    },
  },
  {
    name: "A brute-force run against Ada's account from one address is throttled: 429 with Retry-After",
    async run({ client, work }) {
      const tries = [...GUESSES.slice(0, 16), ADA.password, ...GUESSES.slice(16)].map(
        (password) => ({
          username: 'ada',
          password,
          address: '203.0.113.66',
        }),
      )
      const responses = await attempts(client, tries)
      expectThrottled(responses, 11, 'Guessing from 203.0.113.66')
      const refused = await work(() =>
        client.postForm('/login', { username: 'ada', password: 'one-more' }, from('203.0.113.66')),
      )
      if (refused.result.status !== 429 || refused.passwordHashes !== 0)
        throw new CheckFailure(
          `A refused attempt should cost no password hash, but it got ${refused.result.status} after ${refused.passwordHashes}.`,
          'Ask the buckets before checking the password.',
        )
      const right = responses[16]
      if (right?.status !== 429)
        throw new CheckFailure(
          `Attempt 17 was Ada's real password, from the throttled address, and it got ${right?.status}. A throttle that still checks the password tells the attacker when a guess was right.`,
          'Look at the buckets first, and refuse before checking the password.',
        )
    },
  },
  {
    name: 'Meanwhile Ada, from her own address, still logs in',
    async run({ client }) {
      expectRedirect(
        await client.postForm('/login', ADA, from('198.51.100.7')),
        '/dashboard',
        "The attacker's address is throttled, not Ada's account: the address bucket should be keyed by address.",
      )
    },
  },
  {
    name: 'One address trying one password against many names is throttled too',
    async run({ client }) {
      const names = [
        'ada',
        'grace',
        'alan',
        'edsger',
        'barbara',
        'donald',
        'margaret',
        'ken',
        'dennis',
        'frances',
        'john',
        'hedy',
        'niklaus',
        'tony',
      ]
      const responses = await attempts(
        client,
        names.map((username) => ({ username, password: 'Winter2026!', address: '203.0.113.67' })),
      )
      expectThrottled(responses, 11, 'Spraying from 203.0.113.67')
    },
  },
  {
    name: 'When Retry-After has passed, the throttled address gets one guess back, then waits again',
    async run({ client, clock }) {
      const tries = GUESSES.slice(0, 11).map((password) => ({
        username: 'charles',
        password,
        address: '203.0.113.68',
      }))
      const responses = await attempts(client, tries)
      expectThrottled(responses, 11, 'Guessing from 203.0.113.68')
      const seconds = Number(responses.at(-1)?.headers.get('Retry-After'))
      await clock.advance(seconds * 1000)
      const again = await client.postForm(
        '/login',
        { username: 'charles', password: 'one-more' },
        from('203.0.113.68'),
      )
      if (again.status !== 401)
        throw new CheckFailure(
          `The 429 said Retry-After: ${seconds}. ${seconds} seconds later a wrong guess got ${again.status}, not 401: the wait the header promised was not the real one.`,
          'Retry-After should be the seconds until the emptier bucket has a whole token again: ask the buckets how long to wait, and round up.',
        )
      const next = await client.postForm(
        '/login',
        { username: 'charles', password: 'and-another' },
        from('203.0.113.68'),
      )
      if (next.status !== 429)
        throw new CheckFailure(
          `After the one guess the refilled token allowed, the next guess got ${next.status}, not 429: one token back should buy one guess, not a fresh bucket.`,
          'Take a token for every failed login, including the one after a wait.',
        )
    },
  },
  // Last, because it empties Grace's account bucket for the rest of the run.
  {
    name: "Guesses against Grace spread over many addresses are stopped by the account's bucket",
    async run({ client }) {
      const responses = await attempts(
        client,
        [...GUESSES, ...GUESSES.slice(0, 6)].map((password, index) => ({
          username: 'grace',
          password,
          address: `192.0.2.${index + 1}`,
        })),
      )
      expectThrottled(responses, 21, 'Guessing from 30 addresses')
    },
  },
])
