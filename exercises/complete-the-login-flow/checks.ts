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
    name: 'Ticking "Remember me" sets a remember-me cookie, and leaving it unticked does not',
    async run({ client, newClient }) {
      await client.postForm('/login', ada)
      expectStatus(await client.get('/dashboard'), 200, 'Without the tick the login still works.')
      expectCookie(
        client,
        'remember_token',
        'Without the tick this browser must get no remember-me cookie: it is a year-long key to the account, so only a user who asks for one gets it.',
        false,
      )
      const ticked = newClient()
      await ticked.postForm('/login', { ...ada, remember: 'on' })
      expectCookie(
        ticked,
        'remember_token',
        'With the "Remember me" box ticked, loginUser must be asked to remember. Which field of the posted form says the box was ticked?',
      )
    },
  },
  {
    name: 'A new browser with only the remember-me cookie is still logged in',
    async run({ client, newClient }) {
      await client.postForm('/login', { ...ada, remember: 'on' })
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
      await client.postForm('/login', { ...ada, remember: 'on' })
      expectCookie(
        client,
        'remember_token',
        'This check logs in with "Remember me" ticked, and needs the remember-me cookie to exist before it can see logout remove it.',
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
        'logoutUser(c) deletes the remember-me cookie for you.',
        false,
      )
    },
  },
])
