import {
  CheckFailure,
  defineChecks,
  expectCookie,
  expectRedirect,
  expectStatus,
  type ClientResponse,
  type TestClient,
} from 'signed-in/checks'

const ADA = { username: 'ada', password: 'analytical-engine' }
const GRACE = { username: 'grace', password: 'compiler-first' }
const DAY = 24 * 60 * 60 * 1000

/** The Set-Cookie header a response sent for one cookie. */
function setCookieFor(response: ClientResponse, name: string): string | undefined {
  return response.setCookie.find((header) => header.startsWith(`${name}=`))
}

/** A browser that was closed: a new one holding only the remember cookie of `client`. */
function reopened(client: TestClient, newClient: () => TestClient): TestClient {
  const token = client.cookie('remember_token')
  if (!token)
    throw new CheckFailure(
      'The browser has no remember_token to keep after closing.',
      'Log in with remember set when the form\'s "remember" checkbox is ticked.',
    )
  const later = newClient()
  later.setCookie('remember_token', token)
  return later
}

export default defineChecks([
  {
    name: 'Without "remember me" ticked, no remember cookie is set',
    async run({ client }) {
      await client.postForm('/login', ADA)
      expectCookie(
        client,
        'remember_token',
        'Remember only when the checkbox was ticked: an unticked checkbox is not sent at all.',
        false,
      )
    },
  },
  {
    name: 'With it ticked, the remember cookie lasts 14 days and the session cookie ends with the browser',
    async run({ client }) {
      const response = await client.postForm('/login', { ...ADA, remember: 'on' })
      const remember = setCookieFor(response, 'remember_token')
      if (!remember)
        throw new CheckFailure(
          'Logging in with remember=on set no remember_token.',
          'A ticked checkbox is sent with its value, which is "on" unless the form says otherwise.',
        )
      const expires = /;\s*Expires=([^;]+)/i.exec(remember)?.[1]
      const days = expires ? (new Date(expires).getTime() - Date.now()) / DAY : NaN
      if (!(Math.abs(days - 14) < 0.01))
        throw new CheckFailure(
          `The remember cookie expires in ${Number.isNaN(days) ? 'an unknown time' : `${days.toFixed(2)} days`}, not 14.`,
          'The duration is given in seconds: days × hours × minutes × seconds.',
        )
      const sessionCookie = setCookieFor(response, 'session') ?? ''
      if (/;\s*(Expires|Max-Age)=/i.test(sessionCookie))
        throw new CheckFailure('The session cookie has an expiry, so it outlives the browser.')
    },
  },
  {
    name: 'After the browser closes, the remember cookie alone logs Ada back in',
    async run({ client, newClient }) {
      await client.postForm('/login', { ...ADA, remember: 'on' })
      const later = reopened(client, newClient)
      expectStatus(
        await later.get('/settings'),
        200,
        'This browser sends only remember_token. The manager decodes the id inside it and asks your user loader, which must accept the version it carries.',
      )
    },
  },
  {
    name: 'A remembered login cannot change the password until Ada types it again',
    async run({ client, newClient }) {
      await client.postForm('/login', { ...ADA, remember: 'on' })
      const later = reopened(client, newClient)
      const hint =
        'Guard changing the password with the middleware that also demands a fresh login.'
      const attempt = await later.postForm('/account/password', {
        current: ADA.password,
        new: 'stolen-cookie',
      })
      if (attempt.status === 200) {
        // The password did change: put it back, so this failure does not spill into later checks.
        const restore = newClient()
        await restore.postForm('/login', { username: 'ada', password: 'stolen-cookie' })
        await restore.postForm('/account/password', { current: 'stolen-cookie', new: ADA.password })
      }
      expectRedirect(attempt, '/reauthenticate?next=%2Faccount%2Fpassword', hint)
      expectRedirect(await newClient().postForm('/login', ADA), '/settings', hint)
    },
  },
  {
    name: 'Typing the password again makes the remembered login fresh',
    async run({ client, newClient }) {
      await client.postForm('/login', { ...ADA, remember: 'on' })
      const later = reopened(client, newClient)
      expectStatus(await later.postForm('/reauthenticate', { password: 'wrong' }), 401)
      expectRedirect(
        await later.get('/account/password'),
        '/reauthenticate?next=%2Faccount%2Fpassword',
      )
      await later.postForm('/reauthenticate', { password: ADA.password })
      expectStatus(
        await later.get('/account/password'),
        200,
        "After checking the password, mark the login as fresh again with the login manager's function for that.",
      )
    },
  },
  // Late, because it moves the app's clock 15 days on for the rest of the run.
  {
    name: 'The remember cookie still restores the login after 13 days, and not after 15',
    async run({ client, clock }) {
      await client.postForm('/login', { ...ADA, remember: 'on' })
      // Closing the browser ends its session cookies; the remember cookie stays, with its expiry.
      const closeTheBrowser = () => client.deleteCookie('session')
      closeTheBrowser()
      await clock.advance(13 * DAY)
      expectStatus(
        await client.get('/settings'),
        200,
        'Thirteen days on, the remember cookie should still log Ada back in: it lasts 14 days.',
      )
      closeTheBrowser()
      await clock.advance(2 * DAY)
      expectRedirect(
        await client.get('/settings'),
        '/login?next=%2Fsettings',
        'Fifteen days after logging in, the remember cookie should have expired: give it a duration of 14 days, in seconds.',
      )
    },
  },
  // Last, because it changes Grace's password for the rest of the run.
  {
    name: "Changing the password on one device signs out Grace's other browsers, remember cookie and all",
    async run({ client, newClient }) {
      await client.postForm('/login', { ...GRACE, remember: 'on' })
      const closed = reopened(client, newClient)
      expectStatus(await closed.get('/settings'), 200)
      const laptop = newClient()
      await laptop.postForm('/login', GRACE)
      expectStatus(
        await laptop.postForm('/account/password', {
          current: GRACE.password,
          new: 'harvard-mark-i',
        }),
        200,
      )
      const hint =
        "The loader must refuse a session whose version is not the user's current one, and changing the password must raise the version."
      expectRedirect(await client.get('/settings'), '/login?next=%2Fsettings', hint)
      expectRedirect(await closed.get('/settings'), '/login?next=%2Fsettings', hint)
      expectStatus(
        await laptop.get('/settings'),
        200,
        'The browser that changed the password is logged in again under the new version.',
      )
      expectRedirect(
        await newClient().postForm('/login', { username: 'grace', password: 'harvard-mark-i' }),
        '/settings',
      )
    },
  },
])
