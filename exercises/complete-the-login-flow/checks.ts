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
        'Nothing stands between a stranger and the /dashboard handler. Which middleware from the login manager turns away anyone not logged in?',
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
        'The password is right, so this is the moment to tell the login manager who logged in. Which of its functions does that?',
      )
    },
  },
  {
    name: 'After logging in, /dashboard greets the user by name',
    async run({ client }) {
      await client.postForm('/login', ada)
      const response = await client.get('/dashboard')
      expectStatus(
        response,
        200,
        'The session cookie should carry the login: did the login call run?',
      )
      expectBodyIncludes(response, 'Welcome back, Ada!')
    },
  },
  {
    name: 'Logging in sets a remember-me cookie',
    async run({ client }) {
      await client.postForm('/login', ada)
      expectCookie(
        client,
        'remember_token',
        'The login worked for this browser only. Look at the options the login call takes: one asks for a cookie that outlives the session.',
      )
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
      // First a real login, remembered: otherwise "logged out" and "no cookie" would prove nothing.
      await client.postForm('/login', ada)
      expectStatus(
        await client.get('/dashboard'),
        200,
        'This check logs in before it logs out, and the login did not work yet: make the checks above pass first.',
      )
      expectCookie(
        client,
        'remember_token',
        'This check needs a remembered login to undo, and logging in set no remember-me cookie yet: make the checks above pass first.',
      )
      await client.postForm('/logout', {})
      expectStatus(
        await client.get('/dashboard'),
        401,
        'After /logout the browser is still logged in. Logging out is the mirror image of logging in: which function undoes it?',
      )
      expectCookie(
        client,
        'remember_token',
        'The session ended, but the remember-me cookie survived, so the next visit logs the user back in. Logging out through the login manager deletes it for you.',
        false,
      )
    },
  },
])
