import { CheckFailure, defineChecks, describeHops, expectBodyIncludes } from 'signed-in/checks'
import { ada, afterLoginChecks, expectLanded, submitLogin } from '../_shared/after-login'

export default defineChecks([
  ...afterLoginChecks(),
  {
    // The loop is fixed by moving the login page out of the guard, or the guard off the login
    // page; either way the rest of the account section must stay guarded.
    name: "A stranger who opens /account/settings is sent to log in, then sees Ada's settings",
    async run({ client }) {
      const page = await client.get('/account/settings', { followRedirects: true })
      expectLanded(page, 'Opening /account/settings as a stranger')
      if (!/<form\s[^>]*method="post"/i.test(page.body))
        throw new CheckFailure(
          `A stranger who opened /account/settings went ${describeHops(page)} and got a page with no login form: ${page.body.slice(0, 200)}`,
          'The settings page is for logged-in users only. Is it still behind a guard after your fix?',
        )
      const response = await submitLogin(client, page, ada, { followRedirects: true })
      expectLanded(
        response,
        'After Ada submitted the login form that /account/settings sent her to',
      )
      expectBodyIncludes(response, 'Settings for Ada')
    },
  },
])
