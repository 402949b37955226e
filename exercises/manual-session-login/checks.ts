import { defineScenario } from 'signed-in/checks'

// Five requests from one browser; each prints what that browser would see.
export default defineScenario([
  {
    label: 'GET /dashboard before logging in',
    run: async (client) => String((await client.get('/dashboard')).status),
  },
  {
    label: 'POST /login as ada',
    run: async (client) =>
      (await client.postForm('/login', { username: 'ada', password: 'analytical-engine' })).body,
  },
  {
    label: 'GET /dashboard with the session cookie',
    run: async (client) => (await client.get('/dashboard')).body,
  },
  {
    label: 'POST /logout',
    run: async (client) => (await client.postForm('/logout', {})).body,
  },
  {
    label: 'GET /dashboard after logging out',
    run: async (client) => String((await client.get('/dashboard')).status),
  },
])
