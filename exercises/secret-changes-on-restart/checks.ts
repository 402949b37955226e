import { CheckFailure, defineChecks, expectStatus } from 'signed-in/checks'

const ada = { username: 'ada', password: 'analytical-engine' }
const hint =
  'Where does the secret come from? A value made at start-up is gone when the server restarts.'

export default defineChecks(
  [
    {
      name: 'Ada can log in and see her dashboard',
      async run({ client }) {
        expectStatus(await client.postForm('/login', ada), 200)
        expectStatus(await client.get('/dashboard'), 200)
      },
    },
    {
      name: 'After the server restarts, Ada is still logged in',
      async run({ client, restart }) {
        expectStatus(await client.postForm('/login', ada), 200)
        await restart()
        if (client.cookie('session') === undefined)
          throw new CheckFailure('The browser lost its session cookie, which it never should.')
        expectStatus(await client.get('/dashboard'), 200, hint)
      },
    },
    {
      name: 'A server started with another SESSION_SECRET does not accept the old cookie',
      async run({ client, restart }) {
        expectStatus(await client.postForm('/login', ada), 200)
        await restart({
          SESSION_SECRET: '5ea2c91a1f822d9c83283105e047a8ecb8ba9c7d5e5b0ae1b953e178af3cfe6c',
        })
        expectStatus(
          await client.get('/dashboard'),
          401,
          'The secret must come from process.env.SESSION_SECRET, not from the source code.',
        )
      },
    },
  ],
  { env: { SESSION_SECRET: 'ece9abc730e86e9cb41d11f9d8db13da7fd9f296ccfda14d1d3d6adccc0e8874' } },
)
