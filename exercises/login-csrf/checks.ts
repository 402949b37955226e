import {
  CheckFailure,
  defineChecks,
  expectBodyIncludes,
  expectRedirect,
  expectStatus,
} from 'signed-in/checks'

const ada = { name: 'Ada Lovelace', password: 'notes-on-the-engine' }
// Mallory's own account, with her own password: all the attack needs.
const mallory = { name: 'Mallory', password: 'mallory-was-here' }

export default defineChecks(
  [
    {
      name: "Ada can log in from the app's own login form",
      async run({ client }) {
        expectRedirect(await client.postForm('/login', ada), '/account')
        expectBodyIncludes(await client.get('/account'), 'Signed in as Ada Lovelace')
      },
    },
    {
      name: 'A wrong password is refused with 401',
      async run({ client }) {
        expectStatus(await client.postForm('/login', { ...ada, password: 'guess' }), 401)
      },
    },
    {
      name: "A form on another site cannot change Ada's email",
      async run({ client }) {
        await client.postForm('/login', ada)
        const response = await client
          .fromSite('https://forum.example')
          .submitForm('/account/email', { email: 'mallory@evil.test' })
        expectStatus(response, 403)
      },
    },
    {
      name: 'A form on another site cannot sign this browser in',
      async run({ client }) {
        const forum = client.fromSite('https://forum.example')
        const response = await forum.submitForm('/login', mallory)
        const account = await client.get('/account')
        if (account.body.includes('Signed in as Mallory'))
          throw new CheckFailure(
            `A page on https://forum.example posted Mallory's name and password to /login (the app answered ${response.status}), and now this browser is signed in as Mallory: /account says ${JSON.stringify(account.body)}. Whatever the user types next goes into her account.`,
            'Look at which routes the CSRF middleware covers. Is logging in a form post too?',
          )
        expectStatus(response, 403, 'The forged login should be refused, as any forged form is.')
      },
    },
  ],
  { env: { SESSION_SECRET: '9a7c5e3b1d0f2e4a6c8b0d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c3b5d7f9e2a' } },
)
