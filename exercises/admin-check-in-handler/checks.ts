import { defineScenario } from 'signed-in/checks'

const grace = { username: 'grace', password: 'compiler-first' }
const ada = { username: 'ada', password: 'analytical-engine' }

export default defineScenario([
  {
    label: 'GET /admin as a stranger',
    run: async (client) => {
      const response = await client.get('/admin')
      return `${response.status} to ${response.location}`
    },
  },
  {
    label: 'Log in as Grace (a member), then GET /admin',
    run: async (client) => {
      await client.postForm('/login', grace)
      const response = await client.get('/admin')
      return `${response.status} ${response.body}`
    },
  },
  {
    label: 'Log in as Ada (an admin), then GET /admin',
    run: async (client) => {
      await client.postForm('/login', ada)
      const response = await client.get('/admin')
      return `${response.status} ${response.body}`
    },
  },
])
