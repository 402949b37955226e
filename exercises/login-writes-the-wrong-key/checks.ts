import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectRedirect,
  expectStatus,
} from 'signed-in/checks'

const ada = { name: 'Ada Lovelace', password: 'notes-on-the-engine' }

export default defineChecks([
  {
    name: 'A stranger who opens /dashboard is sent to the login page',
    async run({ client }) {
      expectRedirect(await client.get('/dashboard'), '/login?next=%2Fdashboard')
    },
  },
  {
    name: 'A wrong password is refused with 401',
    async run({ client }) {
      expectStatus(await client.postForm('/login', { ...ada, password: 'guess' }), 401)
    },
  },
  {
    name: 'After logging in, /dashboard greets Ada by name',
    async run({ client }) {
      expectRedirect(await client.postForm('/login', ada), '/dashboard')
      const response = await client.get('/dashboard')
      expectStatus(response, 200)
      expectBodyIncludes(response, 'Welcome back, Ada Lovelace!')
    },
  },
  {
    name: 'After logging in, /debug/auth reports user 1 as authenticated',
    async run({ client }) {
      await client.postForm('/login', ada)
      const response = await client.get('/debug/auth')
      expectStatus(response, 200)
      const report = JSON.parse(response.body) as Record<string, unknown>
      if (report['userIdInSession'] !== '1' || report['isAuthenticated'] !== true) {
        throw new CheckFailure(
          `/debug/auth answered ${response.body}, but it should show userIdInSession "1" and isAuthenticated true.`,
          'Which keys does the session hold, and which one does the manager read the id from?',
        )
      }
    },
  },
  {
    name: 'Logging out ends the login',
    async run({ client }) {
      await client.postForm('/login', ada)
      expectRedirect(await client.postForm('/logout', {}), '/')
      expectRedirect(await client.get('/dashboard'))
    },
  },
])
