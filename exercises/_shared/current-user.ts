// The checks the lesson-8 missions share ("Debugging current-user problems"): each mission is the
// same small app with a different bug, so each grades the same five behaviours. Only the hint on
// the /debug/auth check differs, since that is where each bug shows its own fingerprint.
import {
  CheckFailure,
  expectBodyIncludes,
  expectRedirect,
  expectStatus,
  type Check,
} from 'signed-in/checks'

/** Ada, the one account in every lesson-8 mission. */
export const ada = { name: 'Ada Lovelace', password: 'notes-on-the-engine' }

/**
 * The five checks of a lesson-8 mission.
 *
 * @param debugHint - the hint shown when /debug/auth does not report Ada as logged in
 * @returns the checks, for `defineChecks`
 * @example
 * export default defineChecks(currentUserChecks('Which keys does the session hold?'))
 */
export function currentUserChecks(debugHint: string): Check[] {
  return [
    {
      name: 'A stranger who opens /dashboard is sent to the login page',
      async run({ client }) {
        expectRedirect(await client.get('/dashboard'), '/login?next=%2Fdashboard')
      },
    },
    {
      name: 'A wrong password is refused with 401',
      async run({ client }) {
        expectStatus(await client.postForm('/login', { ...ada, password: 'guess' }), 401)
      },
    },
    {
      name: 'After logging in, /dashboard greets Ada by name',
      async run({ client }) {
        expectRedirect(await client.postForm('/login', ada), '/dashboard')
        const response = await client.get('/dashboard')
        expectStatus(response, 200)
        expectBodyIncludes(response, 'Welcome back, Ada Lovelace!')
      },
    },
    {
      name: 'After logging in, /debug/auth reports user 1 as authenticated',
      async run({ client }) {
        await client.postForm('/login', ada)
        const response = await client.get('/debug/auth')
        expectStatus(response, 200)
        const report = JSON.parse(response.body) as Record<string, unknown>
        if (report['userIdInSession'] !== '1' || report['isAuthenticated'] !== true) {
          throw new CheckFailure(
            `/debug/auth answered ${response.body}, but it should show userIdInSession "1" and isAuthenticated true.`,
            debugHint,
          )
        }
        // An id written into the session by hand also reads as a login; only loginUser also
        // marks it fresh (and stamps _version and _id, and starts a new session).
        if (report['fresh'] !== true) {
          throw new CheckFailure(
            `/debug/auth answered ${response.body}: the id is there, but fresh is ${String(report['fresh'])}. A login with a typed password is fresh, and loginUser(c, user) is what marks it so, along with the other keys the manager reads.`,
            'Was the id put in the session by loginUser, or written by hand?',
          )
        }
      },
    },
    {
      name: 'Logging out ends the login',
      async run({ client }) {
        await client.postForm('/login', ada)
        expectRedirect(await client.postForm('/logout', {}), '/')
        expectRedirect(await client.get('/dashboard'))
      },
    },
  ]
}
