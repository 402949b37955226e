import { defineScenario } from 'signed-in/checks'

const grace = {
  email: 'grace@example.com',
  name: 'Grace',
  password: 'correct horse battery staple',
}

export default defineScenario([
  {
    label: 'POST /signup as Grace',
    run: async (client) => {
      const response = await client.postForm('/signup', grace)
      return `${response.status} ${response.body}`
    },
  },
  {
    label: 'POST /signup again, the same email in capitals',
    run: async (client) => {
      const response = await client.postForm('/signup', {
        ...grace,
        email: 'GRACE@example.com',
      })
      return `${response.status} ${response.body}`
    },
  },
  {
    label: 'POST /signup with a ten-character password',
    run: async (client) => {
      const response = await client.postForm('/signup', {
        email: 'alan@example.com',
        name: 'Alan',
        password: 'tenletters',
      })
      return `${response.status} ${response.body}`
    },
  },
  {
    label: 'GET /users',
    run: async (client) => {
      const response = await client.get('/users')
      return `${response.status} ${response.body}`
    },
  },
])
