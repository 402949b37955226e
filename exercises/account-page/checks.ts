import { defineScenario } from 'signed-in/checks'

export default defineScenario([
  {
    label: 'GET /account as a stranger',
    run: async (client) => String((await client.get('/account')).status),
  },
  {
    label: 'POST /login as Ada, then GET /account',
    run: async (client) => {
      await client.postForm('/login', { name: 'Ada Lovelace', password: 'notes-on-the-engine' })
      return (await client.get('/account')).body
    },
  },
])
