import { defineScenario, type TestClient } from 'signed-in/checks'

const make = async (client: TestClient) =>
  JSON.parse((await client.postForm('/tokens', {})).body) as { token: string; key: string }

let first = { token: '', key: '' }

export default defineScenario([
  {
    label: 'Make a token, and store its SHA-256',
    run: async (client) => {
      first = await make(client)
      return `token: ${first.token.length} characters, ${/^[\w-]+$/.test(first.token) ? 'base64url' : 'other'}; key stored: ${first.key.length} hex digits`
    },
  },
  {
    label: 'Does the table hold the token itself?',
    run: async (client) => {
      const keys = JSON.parse((await client.get('/table')).body) as string[]
      return `token in the table: ${keys.includes(first.token)}, its SHA-256 in the table: ${keys.includes(first.key)}`
    },
  },
  {
    label: 'Bring the token back, as a link would',
    run: async (client) => (await client.get(`/tokens/${first.token}`)).body,
  },
  {
    label: 'Bring the stored key instead, as a thief with the table would',
    run: async (client) => (await client.get(`/tokens/${first.key}`)).body,
  },
  {
    label: 'Make 200 more tokens: how many are different?',
    run: async (client) => {
      const tokens = new Set<string>()
      for (let i = 0; i < 200; i++) tokens.add((await make(client)).token)
      return `${tokens.size} different tokens out of 200`
    },
  },
])
