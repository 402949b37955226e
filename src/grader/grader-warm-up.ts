// The grader is cold on a new page too: its first Check would compile the learner's files and the
// checks with sucrase for the first time, and drive the client, the cookie jar and the verdict for
// the first time. Once the page hands it a ready spare between runs, the grader warms those up
// with the course's own sample, in a few short steps that give way to a run as soon as one comes. No learner code is involved:
// the sample's "app" is a small function here that answers as a login app would.
import type { WorkCounters } from '../login-manager/work-counters'
import type { ChecksModule } from './harness/checks'
import { grade, type GradedApp } from './harness/grade'
import type { Builtins } from './module-core'
import { SAMPLE } from './realm/warm-up-sample'

/** Checks in the shape of an exercise's, using the helpers most exercises use. */
const SAMPLE_CHECKS = `import { defineChecks, expectBodyIncludes, expectCookie, expectRedirect, expectStatus } from 'signed-in/checks'
const sample = { id: '1', remember: 'on' }
export default defineChecks([
  {
    name: 'A stranger is sent to log in',
    async run({ client }) {
      expectRedirect(await client.get('/dashboard'), '/login', 'Guard the page.')
    },
  },
  {
    name: 'Logging in sets the session and reaches the dashboard',
    async run({ client, newClient }) {
      expectRedirect(await client.postForm('/login?next=/dashboard', sample), '/dashboard')
      expectCookie(client, 'session', 'Log the user in.')
      const page = await client.get('/dashboard')
      expectStatus(page, 200)
      expectBodyIncludes(page, 'Sample')
      expectCookie(newClient(), 'session', 'A new browser has no cookies.', false)
    },
  },
])
`

const NO_WORK: WorkCounters = Object.freeze({ passwordHashes: 0 })

/** The sample's answers: a login page, a login that sets cookies, a page behind it. */
async function sampleHandler(url: string, init: RequestInit): Promise<Response> {
  const path = new URL(url, 'http://localhost').pathname
  const signedIn = /(?:^|;\s*)session=/.test(new Headers(init.headers).get('cookie') ?? '')
  if (path === '/login' && init.method === 'POST')
    return new Response(null, {
      status: 302,
      headers: [
        ['location', '/dashboard'],
        ['set-cookie', 'session=1.c2lnbmF0dXJl; Path=/; HttpOnly; SameSite=Lax'],
        ['set-cookie', 'remember_token=1; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax'],
      ],
    })
  if (path === '/dashboard')
    return signedIn
      ? new Response('<p>Hello, Sample</p>', { headers: { 'content-type': 'text/html' } })
      : new Response(null, { status: 302, headers: { location: '/login' } })
  return new Response('Not found', { status: 404 })
}

/** Give way to anything waiting (a run's message) before the next step. */
const giveWay = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Warm the grader up before its first run: compile the sample app, load sample checks with the
 * checks' own modules, and grade the sample with them. Between steps it gives way to the event
 * loop and stops once `stop()` says so (a run has arrived). Failures are ignored: warming up only
 * saves time, and a run reports its own problems.
 *
 * @param builtins - the modules checks may import (`signed-in/checks`)
 * @param stop - asked between steps; true ends the warm-up there
 * @returns whether every step ran and the sample passed its checks; false when it stopped early or
 *   something failed
 * @example
 * // Between runs, once the page has handed over the next spare realm:
 * void warmUpGrader(checksBuiltins, () => runs.size > 0)
 */
export async function warmUpGrader(
  builtins: Builtins,
  stop: () => boolean = () => false,
): Promise<boolean> {
  try {
    if (stop()) return false
    // The compiler is loaded here, once, rather than with the grader: an example's run needs none.
    const { compileModule, loadChecks } = await import('./module-loader')
    compileModule('warm-up.ts', SAMPLE)
    await giveWay()
    if (stop()) return false
    const checks = loadChecks(SAMPLE_CHECKS, {}, builtins) as ChecksModule
    await giveWay()
    if (stop()) return false
    const app: GradedApp = {
      handler: sampleHandler,
      takeServerErrors: () => [],
      restart: () => Promise.resolve(),
      env: {},
      clock: { now: () => Date.now(), advance: () => Promise.resolve() },
      readWork: () => Promise.resolve(NO_WORK),
    }
    const verdict = await grade(app, checks, (error) => ({ message: String(error) }))
    return verdict.status === 'passed'
  } catch {
    // Only time is lost.
    return false
  }
}
