import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectCookie,
  expectRedirect,
  expectStatus,
  type ClientResponse,
  type TestClient,
} from 'signed-in/checks'

const ada = { email: 'ada@example.com', password: 'analytical-engine' }
const goodPassword = 'correct horse battery staple'
let made = 0

/** A new member's details: every check signs up its own, since they share one database. */
function newMember(name = 'Grace') {
  made += 1
  return { email: `${name.toLowerCase()}.${made}@example.com`, name, password: goodPassword }
}

/** Sign up through the form; expects it to work. */
async function signUp(client: TestClient, member: ReturnType<typeof newMember>) {
  const response = await client.postForm('/signup', member)
  expectRedirect(
    response,
    '/profile',
    'A sign-up that works logs the new member in and redirects to /profile.',
  )
  return response
}

/** Log in through the form. */
const logIn = (client: TestClient, who: { email: string; password: string }, extra = {}) =>
  client.postForm('/login', { email: who.email, password: who.password, ...extra })

/** Fail unless the body does not contain `text`. */
function expectBodyLacks(response: ClientResponse, text: string, hint: string) {
  if (response.body.includes(text))
    throw new CheckFailure(
      `The page should not contain ${JSON.stringify(text)}, but it does.`,
      hint,
    )
}

export default defineChecks(
  [
    // Step 1: schema and sign-up
    {
      name: 'Signing up hashes the password, creates the account and logs the new member in',
      async run({ client, work }) {
        const grace = newMember()
        const { passwordHashes } = await work(() => signUp(client, grace))
        if (passwordHashes < 1)
          throw new CheckFailure(
            'The sign-up stored the account without hashing the password.',
            'Hash the password with generatePasswordHash() and store only the hash.',
          )
        const profile = await client.get('/profile')
        expectStatus(
          profile,
          200,
          'After signing up, the new member is logged in and sees /profile.',
        )
        expectBodyIncludes(profile, grace.email)
      },
    },
    {
      name: 'A second sign-up with the same email is refused with 409, even in capitals',
      async run({ client, newClient }) {
        const grace = newMember()
        await signUp(client, grace)
        const again = await newClient().postForm('/signup', {
          ...grace,
          email: grace.email.toUpperCase(),
          password: 'another long password here',
        })
        expectStatus(
          again,
          409,
          'Store emails in one case, make the email column UNIQUE, and answer 409 when the insert is refused.',
        )
      },
    },
    {
      name: 'A password under 15 characters is refused with 400, and no account is made',
      async run({ client }) {
        const grace = newMember()
        expectStatus(
          await client.postForm('/signup', { ...grace, password: 'short-pass' }),
          400,
          'Compare the password length with the minimum before hashing anything.',
        )
        await signUp(client, grace)
      },
    },
    // Step 2: log in and out, with flash messages
    {
      name: 'The right password logs in, goes to /profile and flashes a welcome that shows once',
      async run({ client, newClient }) {
        const grace = newMember()
        await signUp(newClient(), grace)
        expectRedirect(await logIn(client, grace), '/profile', 'After logging in, go to /profile.')
        const first = await client.get('/profile')
        expectBodyIncludes(first, 'Welcome back', 'flash() a "Welcome back" message at login.')
        const second = await client.get('/profile')
        expectStatus(second, 200)
        expectBodyLacks(
          second,
          'Welcome back',
          'Show flashed messages with getFlashedMessages(c): reading them takes them out of the session.',
        )
      },
    },
    {
      name: 'A wrong password and an unknown email get the same answer, after the same work',
      async run({ client, work }) {
        const wrong = await work(() =>
          logIn(client, { email: ada.email, password: 'not her password' }),
        )
        const unknown = await work(() =>
          logIn(client, { email: 'nobody@example.com', password: 'not her password' }),
        )
        expectStatus(wrong.result, 401, 'A failed login answers 401 with the login form again.')
        if (
          wrong.result.status !== unknown.result.status ||
          wrong.result.body !== unknown.result.body
        )
          throw new CheckFailure(
            `A wrong password got ${wrong.result.status} and an unknown email got ${unknown.result.status}, with different pages: that tells a stranger which emails have accounts.`,
            'Give both the same status and the same message, such as "Wrong email or password."',
          )
        if (wrong.passwordHashes !== unknown.passwordHashes)
          throw new CheckFailure(
            `A wrong password cost ${wrong.passwordHashes} password hash(es) but an unknown email cost ${unknown.passwordHashes}: the time it takes gives the answer away.`,
            'When no account has the email, still check the password against a dummy hash.',
          )
      },
    },
    {
      name: 'next leads back to the page that asked for a login, and never to another site',
      async run({ client }) {
        expectRedirect(await client.get('/profile'), '/login?next=%2Fprofile')
        const grace = newMember()
        await signUp(client, grace)
        for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
          await client.postForm('/logout', {})
          const response = await client.postForm(`/login?next=${encodeURIComponent(next)}`, grace)
          expectRedirect(
            response,
            '/profile',
            `A login with next=${next} must not leave the site: pass next through safeNext().`,
          )
        }
      },
    },
    {
      name: 'Logging out ends the session, flashes a goodbye, and /profile asks to log in again',
      async run({ client }) {
        await signUp(client, newMember())
        expectRedirect(await client.postForm('/logout', {}), '/', 'After logging out, go home.')
        expectBodyIncludes(await client.get('/'), 'logged out', 'flash() "You have logged out."')
        expectRedirect(await client.get('/profile'), '/login?next=%2Fprofile')
      },
    },
    // Step 3: the profile page
    {
      name: 'A new name saved on the profile is in the database, even after a restart',
      async run({ client, restart }) {
        await signUp(client, newMember())
        expectRedirect(
          await client.postForm('/profile', { name: 'Grace Hopper' }),
          '/profile',
          'POST /profile saves the name, flashes a message and redirects back to /profile.',
        )
        await restart()
        expectBodyIncludes(
          await client.get('/profile'),
          'Grace Hopper',
          'Write the new name to the users table with an UPDATE statement.',
        )
      },
    },
    {
      name: 'A name with HTML in it is shown as text, never run as markup',
      async run({ client }) {
        const attack = '<img src=x onerror=alert(1)>'
        await signUp(client, newMember(attack))
        const profile = await client.get('/profile')
        expectBodyIncludes(profile, '&lt;img src=x onerror=alert(1)&gt;')
        expectBodyLacks(
          profile,
          attack,
          "Put the name into the page with hono/html's html`` template, which escapes it; raw() does not.",
        )
      },
    },
    // Step 4: navigation that follows the login state
    {
      name: "A stranger's navigation offers Log in and Sign up, and no Log out",
      async run({ client }) {
        const home = await client.get('/')
        for (const link of ['href="/login"', 'href="/signup"'])
          expectBodyIncludes(home, link, 'A stranger needs links to /login and /signup.')
        expectBodyLacks(home, 'Log out', 'Only a member has anything to log out of.')
      },
    },
    {
      name: "A member's navigation shows their name, Profile and a Log out form that POSTs",
      async run({ client }) {
        const grace = newMember('Grace')
        await signUp(client, grace)
        const home = await client.get('/')
        expectBodyIncludes(home, 'Signed in as Grace')
        expectBodyIncludes(home, 'href="/profile"')
        expectBodyIncludes(
          home,
          '<form method="post" action="/logout">',
          'Log out with a form that POSTs: a link would be a GET, which any page could trigger.',
        )
        expectBodyLacks(home, 'href="/login"', 'A member is already logged in.')
      },
    },
    // Step 5: remember me
    {
      name: 'With Remember me ticked, the login outlives the browser session; without it, it does not',
      async run({ client, newClient }) {
        const grace = newMember()
        await signUp(newClient(), grace)
        await logIn(client, grace, { remember: 'on' })
        expectCookie(
          client,
          'remember_token',
          'Pass { remember: true } to loginUser() when the box is ticked.',
        )
        client.deleteCookie('session')
        expectStatus(
          await client.get('/profile'),
          200,
          'The remember cookie logs the member back in.',
        )
        const forgetful = newClient()
        await logIn(forgetful, grace)
        expectCookie(forgetful, 'remember_token', 'Remember only when the box is ticked.', false)
      },
    },
    {
      name: 'A forged remember cookie for Ada, the admin, gets nobody in',
      async run({ client }) {
        // /profile, not /admin: the admin page is step 6, and this check belongs to step 5.
        client.setCookie('remember_token', `1|${'0'.repeat(128)}`)
        expectRedirect(await client.get('/profile'), '/login?next=%2Fprofile')
        client.setCookie('remember_token', '1')
        expectRedirect(await client.get('/profile'), '/login?next=%2Fprofile')
      },
    },
    {
      name: 'Logging out clears the remember cookie too',
      async run({ client, newClient }) {
        const grace = newMember()
        await signUp(newClient(), grace)
        await logIn(client, grace, { remember: 'on' })
        await client.postForm('/logout', {})
        expectCookie(client, 'remember_token', 'logoutUser(c) clears the remember cookie.', false)
      },
    },
    // Step 6: an admin page
    {
      name: 'A stranger at /admin is sent to log in',
      async run({ client }) {
        expectRedirect(await client.get('/admin'), '/login?next=%2Fadmin')
      },
    },
    {
      name: 'A member gets 403 at /admin, and sees no Admin link',
      async run({ client }) {
        await signUp(client, newMember())
        expectStatus(
          await client.get('/admin'),
          403,
          'A member is logged in but lacks the role: that is 403, not a trip to the login page.',
        )
        expectBodyLacks(
          await client.get('/'),
          'href="/admin"',
          'Show the Admin link to admins only.',
        )
      },
    },
    {
      name: 'Ada, the admin, sees every account at /admin, and an Admin link',
      async run({ client, newClient }) {
        const grace = newMember()
        await signUp(newClient(), grace)
        await logIn(client, ada)
        const admin = await client.get('/admin')
        expectStatus(admin, 200, 'Let users with the admin role through to /admin.')
        expectBodyIncludes(admin, grace.email, 'List every account from the users table.')
        expectBodyIncludes(await client.get('/'), 'href="/admin"', 'Give admins a link to /admin.')
      },
    },
  ],
  { env: { SESSION_SECRET: '5f1c0b8e3a7d9e2f4b6a8c0d1e3f5a7b9c2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f' } },
)
