import { defineScenario, type ClientResponse } from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }
const redirect = (response: ClientResponse) =>
  `${response.status} to ${response.location ?? '(nowhere)'}`

// One browser: a stranger is turned away, reads the message, then logs in twice with a next.
export default defineScenario([
  {
    label: 'GET /orders as a stranger',
    run: async (client) => redirect(await client.get('/orders')),
  },
  {
    label: 'GET /login, where that redirect leads',
    run: async (client) => (await client.get('/login?next=%2Forders')).body,
  },
  {
    label: 'GET /login again',
    run: async (client) => (await client.get('/login')).body,
  },
  {
    label: 'GET /api/orders as a stranger',
    run: async (client) => {
      const response = await client.get('/api/orders')
      return `${response.status} ${response.body}`
    },
  },
  {
    label: 'POST /login with next=/orders?status=open',
    run: async (client) =>
      redirect(await client.postForm('/login', { ...ada, next: '/orders?status=open' })),
  },
  {
    label: 'POST /login with next=//evil.test',
    run: async (client) =>
      redirect(await client.postForm('/login', { ...ada, next: '//evil.test' })),
  },
])
