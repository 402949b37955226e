import { defineScenario } from 'signed-in/checks'

interface Row {
  id_hash: string
  user_id: string | null
  created_at: number
  updated_at: number
  expires_at: number
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

let copied = ''

export default defineScenario([
  {
    label: 'POST /login as Ada',
    run: async (client) => {
      const response = await client.postForm('/login', {
        username: 'ada',
        password: 'analytical-engine',
      })
      copied = client.cookie('session') ?? ''
      return `${response.status} → ${response.headers.get('location')} · session cookie: ${copied.length} characters`
    },
  },
  {
    label: 'GET /debug/sessions',
    run: async (client) => {
      const rows = JSON.parse((await client.get('/debug/sessions')).body) as Row[]
      const hash = await sha256Hex(copied)
      return rows
        .map(
          (row) =>
            `user_id ${row.user_id} · id_hash is the SHA-256 of the cookie: ${row.id_hash === hash} · the cookie itself is stored: ${row.id_hash === copied} · expires ${row.expires_at - row.updated_at} s after its last use`,
        )
        .join('\n')
    },
  },
  {
    label: 'POST /logout',
    run: async (client) => {
      const response = await client.postForm('/logout', {})
      const rows = JSON.parse((await client.get('/debug/sessions')).body) as Row[]
      return `${response.status} → ${response.headers.get('location')} · rows left: ${rows.length}`
    },
  },
  {
    label: 'GET /account with the cookie copied before logout',
    run: async (client) => {
      client.setCookie('session', copied)
      const response = await client.get('/account')
      return `${response.status} → ${response.headers.get('location')}`
    },
  },
])
