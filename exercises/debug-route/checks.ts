import { defineScenario } from 'signed-in/checks'

const ada = { name: 'Ada Lovelace', password: 'notes-on-the-engine' }

// One browser: first with no cookies at all, then after Ada logs in.
export default defineScenario([
  {
    label: 'GET /debug/auth before logging in',
    run: async (client) => (await client.get('/debug/auth')).body,
  },
  {
    label: 'POST /login as Ada, then GET /debug/auth',
    run: async (client) => {
      await client.postForm('/login', ada)
      return (await client.get('/debug/auth')).body
    },
  },
])
