import { defineChecks, expectBodyIncludes, expectRedirect, expectStatus } from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }
const grace = { username: 'grace', password: 'compiler-first' }

export default defineChecks([
  {
    name: 'An anonymous visitor to /dashboard gets 401',
    async run({ client }) {
      expectStatus(await client.get('/dashboard'), 401, 'Keep loginRequired() on /dashboard.')
    },
  },
  {
    name: 'A wrong password is refused with 401',
    async run({ client }) {
      expectStatus(await client.postForm('/login', { username: 'ada', password: 'guess' }), 401)
    },
  },
  {
    name: 'After logging in, /dashboard greets Ada by name',
    async run({ client }) {
      expectRedirect(await client.postForm('/login', ada), '/dashboard')
      const response = await client.get('/dashboard')
      expectStatus(response, 200)
      expectBodyIncludes(
        response,
        'Welcome back, Ada!',
        'The dashboard shows the name of the user your loader built. What is that user built from?',
      )
    },
  },
  {
    name: 'Logging out ends the login: /dashboard gets 401',
    async run({ client }) {
      await client.postForm('/login', ada)
      await client.postForm('/logout', {})
      expectStatus(await client.get('/dashboard'), 401, 'Keep logoutUser(c) in the /logout route.')
    },
  },
  // Last, because it deletes Grace's account for the rest of the run.
  {
    name: "A closed account's old session counts as nobody: /dashboard gets 401",
    async run({ client, newClient }) {
      await client.postForm('/login', grace)
      const otherBrowser = newClient()
      await otherBrowser.postForm('/login', grace)
      expectStatus(await otherBrowser.postForm('/account/close', {}), 200)
      expectStatus(
        await client.get('/dashboard'),
        401,
        'This browser still holds a session naming Grace, whose account is gone. For an id with no account, the loader must return null. When does its `if (!row)` fire?',
      )
    },
  },
])
