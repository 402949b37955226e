import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectRedirect,
  expectStatus,
  type ClientResponse,
  type TestClient,
} from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }
const grace = { username: 'grace', password: 'compiler-first' }

/**
 * The hint for a response to Grace that should have been 403. A redirect or a 401 means she was
 * refused as a stranger is, whatever else is right, so that is what the hint is about.
 */
function memberHint(response: ClientResponse, otherwise: string): string {
  const asAStranger = response.status === 401 || (response.status >= 300 && response.status < 400)
  return asAStranger
    ? 'Grace was refused the way a stranger is, but she is logged in already: a login page or a 401 cannot help her. A known user without the role gets the status that means "I know who you are, and no".'
    : otherwise
}

/** Put Grace back to member, whatever a check did, so one failure does not spill into the next. */
async function restoreGrace(newClient: () => TestClient) {
  const admin = newClient()
  await admin.postForm('/login', ada)
  await admin.postForm('/admin/role', { name: 'Grace', role: 'member' })
}

export default defineChecks([
  {
    name: 'A stranger asking for /admin is sent to log in, with next=/admin',
    async run({ client }) {
      expectRedirect(
        await client.get('/admin'),
        '/login?next=%2Fadmin',
        'Nobody is logged in, so this is an authentication problem: hand the request to the login manager, which knows the loginView.',
      )
    },
  },
  {
    name: 'Grace, a member, gets 403 at /admin, not a trip to the login page',
    async run({ client }) {
      await client.postForm('/login', grace)
      expectStatus(
        await client.get('/admin'),
        403,
        'Grace is logged in already, so sending her to log in again cannot help. Compare her role with the one the route needs, and answer with the status that means "I know who you are, and no".',
      )
    },
  },
  {
    name: 'Ada, an admin, sees the admin area',
    async run({ client }) {
      await client.postForm('/login', ada)
      const response = await client.get('/admin')
      expectStatus(
        response,
        200,
        'Ada has the admin role: the middleware must call next() for her.',
      )
      expectBodyIncludes(response, 'Admin area')
    },
  },
  {
    name: 'Every admin route is guarded: Grace cannot promote herself with POST /admin/role',
    async run({ client, newClient }) {
      await client.postForm('/login', grace)
      try {
        const promotion = await client.postForm('/admin/role', { name: 'Grace', role: 'admin' })
        expectStatus(
          promotion,
          403,
          memberHint(
            promotion,
            'The guard covers /admin but not the routes under it. Mount it on a pattern that matches /admin and everything below.',
          ),
        )
        const admin = await client.get('/admin')
        expectStatus(
          admin,
          403,
          memberHint(admin, 'Compare the role with the one the guard needs.'),
        )
      } finally {
        await restoreGrace(newClient)
      }
    },
  },
  {
    name: 'The role comes from the user record: ?role=admin, an X-Role header or a role cookie change nothing',
    async run({ client }) {
      await client.postForm('/login', grace)
      const hint =
        'Anything in the request is written by the visitor. Read the role only from the user the loader returned.'
      const refused = (response: ClientResponse) =>
        expectStatus(response, 403, memberHint(response, hint))
      refused(await client.get('/admin?role=admin'))
      refused(await client.get('/admin', { headers: { 'X-Role': 'admin' } }))
      client.setCookie('role', 'admin')
      refused(await client.get('/admin'))
    },
  },
  {
    name: "A promotion counts on Grace's very next request, without logging in again",
    async run({ client, newClient }) {
      await client.postForm('/login', grace)
      const before = await client.get('/admin')
      if (before.status === 200)
        throw new CheckFailure('Grace, still a member, got into the admin area.')
      const admin = newClient()
      await admin.postForm('/login', ada)
      await admin.postForm('/admin/role', { name: 'Grace', role: 'admin' })
      try {
        const response = await client.get('/admin')
        if (response.status !== 200)
          throw new CheckFailure(
            `Ada made Grace an admin, but Grace's next request still got ${response.status}.`,
            'Check the role of the user the loader returns on this request, not a copy taken at login.',
          )
      } finally {
        await restoreGrace(newClient)
      }
    },
  },
])
