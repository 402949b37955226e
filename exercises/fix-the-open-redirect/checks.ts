import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectRedirect,
  expectStatus,
  type Check,
} from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }

/** Ways to write "another site" in `next`, each with what makes it one. */
const attacks: [next: string, shown: string, why: string][] = [
  ['https://evil.test', 'https://evil.test', 'a full URL is another site'],
  ['//evil.test', '//evil.test', 'two slashes start a URL with a host: "//evil.test" is evil.test'],
  ['///evil.test', '///evil.test', 'browsers read any run of slashes at the start as "//"'],
  [
    '/\\evil.test',
    '/\\evil.test',
    'browsers read a backslash as a slash, so this is "//evil.test"',
  ],
  ['\\\\evil.test', '\\\\evil.test', 'two backslashes are two slashes to a browser'],
  [
    '/%2F%2Fevil.test',
    '/%2F%2Fevil.test',
    'a server or proxy that decodes it before redirecting makes it "///evil.test"',
  ],
  ['/%5Cevil.test', '/%5Cevil.test', '%5C is a backslash once decoded'],
  ['/\t/evil.test', '/(tab)/evil.test', 'browsers delete tabs and newlines inside a URL'],
  ['javascript:alert(document.cookie)', 'javascript:alert(…)', 'not a place at all, but code'],
  ['data:text/html,<h1>Log in again</h1>', 'data:text/html,…', 'a page the attacker wrote'],
  ['evil.test/login', 'evil.test/login', 'not a path that starts with "/"'],
  ['/orders\n//evil.test', '/orders(newline)//evil.test', 'a newline in a redirect is never safe'],
]

const attackChecks: Check[] = attacks.map(([next, shown, why]) => ({
  name: `next=${shown} is refused: the login goes to /orders`,
  async run({ client }) {
    const response = await client.postForm('/login', { ...ada, next })
    if (response.status < 300 || response.status > 399)
      throw new CheckFailure(
        `Expected a redirect after logging in, but got ${response.status}.`,
        'Log in, then redirect.',
      )
    if (response.location !== '/orders')
      throw new CheckFailure(
        `Logging in with next=${shown} redirected to ${JSON.stringify(response.location)}: ${why}.`,
        'Checking that next starts with "/" is not enough. The login manager has a function for exactly this question.',
      )
  },
}))

export default defineChecks([
  {
    name: 'A stranger at /orders is sent to /login?next=%2Forders',
    async run({ client }) {
      expectRedirect(await client.get('/orders'), '/login?next=%2Forders')
    },
  },
  {
    name: 'The login page shows "Please log in to access this page." once, and keeps next',
    async run({ client }) {
      await client.get('/orders')
      const page = await client.get('/login?next=%2Forders')
      expectBodyIncludes(page, 'Please log in to access this page.')
      expectBodyIncludes(page, 'name="next" value="/orders"')
      const again = await client.get('/login')
      if (again.body.includes('Please log in'))
        throw new CheckFailure('The message was shown a second time.')
    },
  },
  {
    name: 'Logging in with next=/orders?status=open goes back there',
    async run({ client }) {
      expectRedirect(
        await client.postForm('/login', { ...ada, next: '/orders?status=open' }),
        '/orders?status=open',
        'A path on this site, with its query, is exactly where the user should land.',
      )
    },
  },
  {
    name: 'Logging in with no next goes to /orders',
    async run({ client }) {
      expectRedirect(await client.postForm('/login', ada), '/orders')
      expectStatus(await client.get('/orders'), 200)
    },
  },
  {
    name: 'A wrong password gets 401 and no redirect, whatever next says',
    async run({ client }) {
      const response = await client.postForm('/login', {
        username: 'ada',
        password: 'babbage',
        next: '/orders',
      })
      expectStatus(response, 401)
    },
  },
  ...attackChecks,
])
