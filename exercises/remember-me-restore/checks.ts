import { defineScenario, type ClientResponse } from 'signed-in/checks'

/** Each cookie the response set, and how long the browser should keep it. */
function describeCookies(response: ClientResponse): string {
  return response.setCookie
    .map((header) => {
      const name = header.slice(0, header.indexOf('='))
      const expires = /;\s*Expires=([^;]+)/i.exec(header)?.[1]
      if (!expires) return `${name} (no expiry: it ends when the browser closes)`
      const days = Math.round((new Date(expires).getTime() - Date.now()) / 86_400_000)
      return `${name} (expires in ${days} days)`
    })
    .join(', ')
}

export default defineScenario([
  {
    label: 'Log in as Ada with "remember me" ticked',
    run: async (client) =>
      describeCookies(
        await client.postForm('/login', {
          username: 'ada',
          password: 'analytical-engine',
          remember: 'on',
        }),
      ),
  },
  {
    label: 'Close the browser (the session cookie goes, remember_token stays), then GET /whoami',
    run: async (client) => {
      client.deleteCookie('session')
      const response = await client.get('/whoami')
      return `${response.status} ${response.body}`
    },
  },
  {
    label: 'GET /settings/password with the remembered login',
    run: async (client) => {
      const response = await client.get('/settings/password')
      return `${response.status} to ${response.location}`
    },
  },
  {
    label: 'POST /reauthenticate with her password, then GET /settings/password',
    run: async (client) => {
      await client.postForm('/reauthenticate', { password: 'analytical-engine' })
      const response = await client.get('/settings/password')
      return `${response.status} ${response.body}`
    },
  },
])
