import {
  defineChecks,
  expectBodyIncludes,
  expectCookie,
  expectRedirect,
  expectStatus,
} from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }

export default defineChecks([
  {
    name: 'An anonymous visitor to /dashboard gets 401',
    async run({ client }) {
      expectStatus(
        await client.get('/dashboard'),
        401,
        'Put loginRequired() in front of the /dashboard handler, so strangers are turned away.',
      )
    },
  },
  {
    name: 'A wrong password is refused with 401',
    async run({ client }) {
      expectStatus(await client.postForm('/login', { username: 'ada', password: 'guess' }), 401)
      expectCookie(
        client,
        'remember_token',
        'Only log the user in after checkPasswordHash succeeds.',
        false,
      )
    },
  },
  {
    name: 'The right password logs in and redirects to /dashboard',
    async run({ client }) {
      expectRedirect(
        await client.postForm('/login', ada),
        '/dashboard',
        'After checking the password, call loginUser(c, user, …) and redirect.',
      )
    },
  },
  {
    name: 'After logging in, /dashboard greets the user by name',
    async run({ client }) {
      await client.postForm('/login', ada)
      const response = await client.get('/dashboard')
      expectStatus(response, 200, 'The session cookie should carry the login: did loginUser run?')
      expectBodyIncludes(response, 'Welcome back, Ada!')
    },
  },
  {
    name: 'Logging in sets a remember-me cookie',
    async run({ client }) {
      await client.postForm('/login', ada)
      expectCookie(client, 'remember_token', 'Pass { remember: true } to loginUser.')
    },
  },
  {
    name: 'A new browser with only the remember-me cookie is still logged in',
    async run({ client, newClient }) {
      await client.postForm('/login', ada)
      const token = client.cookie('remember_token')
      const later = newClient()
      if (token) later.setCookie('remember_token', token)
      const response = await later.get('/dashboard')
      expectStatus(
        response,
        200,
        'This browser has only the remember-me cookie, so the manager asks your user loader for the id inside it. For a known id the loader must hand back that user.',
      )
    },
  },
  {
    name: 'Logging out ends the login: /dashboard gets 401 and the remember-me cookie is gone',
    async run({ client }) {
      await client.postForm('/login', ada)
      await client.postForm('/logout', {})
      expectStatus(await client.get('/dashboard'), 401, 'Call logoutUser(c) in the /logout route.')
      expectCookie(
        client,
        'remember_token',
        'logoutUser(c) deletes the remember-me cookie for you.',
        false,
      )
    },
  },
])
