import { defineScenario, type TestClient } from 'signed-in/checks'

/** The names of the cookies in the browser's jar, sorted. */
const jar = (client: TestClient) => Object.keys(client.cookies()).sort().join(', ') || '(empty)'

export default defineScenario([
  {
    label: 'POST /login as Ada, with "Remember me" ticked',
    run: async (client) => {
      const response = await client.postForm('/login', {
        username: 'Ada',
        password: 'analytical-engine',
        remember: 'on',
      })
      return `${response.status} to ${response.location}; jar: ${jar(client)}`
    },
  },
  {
    label: 'GET /dashboard with that jar',
    run: async (client) => {
      const response = await client.get('/dashboard')
      return `${response.status} ${response.body}`
    },
  },
  {
    label: 'POST /logout',
    run: async (client) => {
      const response = await client.postForm('/logout', {})
      return `${response.status} to ${response.location}; jar: ${jar(client)}`
    },
  },
  {
    label: 'GET /dashboard again',
    run: async (client) => {
      const response = await client.get('/dashboard')
      return `${response.status} to ${response.location}`
    },
  },
  {
    label: 'The same login form, submitted by a page on https://evil.test',
    run: async (client) => {
      const response = await client.fromSite('https://evil.test').submitForm('/login', {
        username: 'Ada',
        password: 'analytical-engine',
      })
      return `${response.status} ${response.body}`
    },
  },
])
