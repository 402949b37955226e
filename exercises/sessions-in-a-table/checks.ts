import {
  CheckFailure,
  defineChecks,
  expectStatus,
  type ClientResponse,
  type TestClient,
} from 'signed-in/checks'

const ADA = { username: 'ada', password: 'analytical-engine' }
const GRACE = { username: 'grace', password: 'compiler-first' }
const MINUTE = 60 * 1000

async function logIn(client: TestClient, who = ADA): Promise<string> {
  const response = await client.postForm('/login', who)
  expectStatus(response, 302, 'Log the user in and redirect to /account.')
  const id = client.cookie('session')
  if (!id) throw new CheckFailure('Logging in set no session cookie.')
  return id
}

/** Fails unless /account answers 200: this browser is still logged in. */
async function expectSignedIn(client: TestClient, when: string, hint: string): Promise<void> {
  const response = await client.get('/account')
  if (response.status !== 200)
    throw new CheckFailure(`${when}, /account answered ${response.status}, not 200.`, hint)
}

/** Fails if /account answers 200: this browser should be anonymous now. */
async function expectSignedOut(client: TestClient, when: string, hint: string): Promise<void> {
  const response: ClientResponse = await client.get('/account')
  if (response.status === 200)
    throw new CheckFailure(`${when}, /account still answered 200: "${response.body}".`, hint)
}

export default defineChecks([
  {
    name: 'The session cookie holds only a random id',
    async run({ client }) {
      const id = await logIn(client)
      if (!/^[A-Za-z0-9_-]{43}$/.test(id))
        throw new CheckFailure(
          `The session cookie is "${id.slice(0, 40)}…", which looks like signed data, not a 43-character id.`,
          'Give session() a store: then the cookie carries only an id, and the data stays on the server.',
        )
    },
  },
  {
    name: 'A login survives a server restart, because the session lives in app.db',
    async run({ client, restart }) {
      await logIn(client)
      await restart()
      await expectSignedIn(
        client,
        'After a restart',
        'A store in memory is gone when the server stops. Keep sessions in the database file.',
      )
    },
  },
  {
    name: 'A copy of the cookie taken before logout is refused after it',
    async run({ client, newClient }) {
      const copy = await logIn(client)
      await client.postForm('/logout', {})
      const thief = newClient()
      thief.setCookie('session', copy)
      await expectSignedOut(
        thief,
        'With the cookie copied before logout',
        'Logging out must delete the session on the server, not only the cookie in this browser.',
      )
    },
  },
  {
    name: 'An id planted before login is replaced at login (session fixation)',
    async run({ client, newClient }) {
      const attacker = newClient()
      await attacker.get('/')
      const planted = attacker.cookie('session')
      if (!planted) throw new CheckFailure('The home page set no session cookie.')
      client.setCookie('session', planted)
      const id = await logIn(client)
      if (id === planted)
        throw new CheckFailure(
          'After logging in, the victim still has the id the attacker planted.',
          'Log in with loginUser: it gives the session a new id.',
        )
      await expectSignedOut(
        attacker,
        'For the attacker holding the planted id',
        'The planted id must not become a logged-in session.',
      )
    },
  },
  {
    name: 'A session unused for 30 minutes has ended',
    async run({ client, clock }) {
      await logIn(client)
      await clock.advance(29 * MINUTE)
      await expectSignedIn(
        client,
        'After 29 idle minutes',
        'The session options count seconds: 30 idle minutes are 30 * MINUTE, not 30.',
      )
      await clock.advance(31 * MINUTE)
      await expectSignedOut(
        client,
        'After 31 more idle minutes',
        'Set idleTimeout, in seconds: 30 minutes.',
      )
    },
  },
  {
    name: 'An active session still ends 8 hours after login',
    async run({ client, clock }) {
      await logIn(client)
      // A request every 25 minutes: never idle, 7 hours 55 minutes in all.
      for (let step = 1; step <= 19; step++) {
        await clock.advance(25 * MINUTE)
        await expectSignedIn(
          client,
          `${step * 25} minutes after login, active all along`,
          'An active session lives until the absolute timeout, 8 hours, counted in seconds (8 * 60 * MINUTE).',
        )
      }
      await clock.advance(10 * MINUTE)
      await expectSignedOut(
        client,
        '8 hours 5 minutes after login',
        'Set absoluteTimeout, in seconds: 8 hours.',
      )
    },
  },
  {
    name: '"Sign out everywhere" from the phone signs out the laptop too, and not Grace',
    async run({ client, newClient }) {
      await logIn(client)
      const phone = newClient()
      await logIn(phone)
      const grace = newClient()
      await logIn(grace, GRACE)
      await phone.postForm('/sign-out-everywhere', {})
      await expectSignedOut(
        client,
        'On the laptop, after "sign out everywhere" on the phone',
        "Delete every session of the user, not only this browser's.",
      )
      await expectSignedOut(phone, 'On the phone that asked', 'Every session means this one too.')
      await expectSignedIn(grace, 'For Grace', 'Only the sessions of the user who asked.')
    },
  },
  {
    name: 'A password change signs out every other browser, and keeps this one with a new id',
    async run({ client, newClient }) {
      const before = await logIn(client)
      const phone = newClient()
      await logIn(phone)
      const response = await client.postForm('/account/password', {
        current: ADA.password,
        new: 'difference-engine',
      })
      expectStatus(response, 200, 'Check the current password, then save the new hash.')
      await expectSignedOut(
        phone,
        'On the phone, after the password changed on the laptop',
        'End every session of the user when the password changes.',
      )
      await expectSignedIn(
        client,
        'On the laptop that changed it',
        'After ending every session, log this browser in again.',
      )
      if (client.cookie('session') === before)
        throw new CheckFailure(
          'The laptop kept the same session id across the password change.',
          'Logging in again gives the session a new id.',
        )
    },
  },
])
