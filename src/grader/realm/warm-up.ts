// A fresh app realm is cold: the first compile, the first Hono request and the first signed
// cookie each run un-optimised code for the first time. A spare realm warms itself up with a
// small app of the course's own before it says it is ready, so a learner's run finds that code
// already compiled. The sample never hashes a password (the work counters stay at zero), and it
// runs in a realm of its own making, so nothing of it is left where the learner's app starts.
import type { BuiltinLoaders } from '../builtin-modules'
import { createAppRealm, loadRealmHelpers } from './app-realm'
import type { AppReply, WireRequest } from './protocol'
import { SAMPLE } from './warm-up-sample'

/** The sample's visit: a login, a page behind it, a logout, as a browser would send them. */
const VISIT: readonly WireRequest[] = [
  { url: '/', method: 'GET', headers: [], body: null },
  { url: '/dashboard', method: 'GET', headers: [], body: null },
  {
    url: '/login?next=/dashboard',
    method: 'POST',
    headers: [['content-type', 'application/x-www-form-urlencoded']],
    body: 'id=1&remember=on',
  },
  { url: '/dashboard', method: 'GET', headers: [], body: null },
  { url: '/logout', method: 'POST', headers: [], body: null },
]

/** The cookies a response sets, as a `Cookie` header sends them back (each replaces the last). */
function cookiesOf(reply: AppReply): string {
  if (reply.type !== 'response') return ''
  return reply.headers
    .filter(([name]) => name === 'set-cookie')
    .map(([, value]) => value.split(';')[0])
    .join('; ')
}

/**
 * Warm a fresh realm up before its first run: compile and start a small login app with this
 * realm's own copies of hono and the login manager, send it a short visit, twice, then load
 * what a run loads only when needed (the compiler, SQLite's glue; see loadRealmHelpers). It stops
 * early, between two steps, once `stop()` says so (a run has arrived and needs the realm now).
 * Failures are ignored: warming up only saves time, and a run reports its own problems.
 *
 * @param modules - this realm's modules, as loaders (it loads the ones the sample imports)
 * @param stop - asked between steps; true ends the warm-up there
 * @returns whether the whole visit went as a browser's would (signed in, then the dashboard
 *   answered); false when it stopped early or something failed
 * @example
 * post({ ready: true })
 * void warmUpRealm(courseModules, () => connected)
 */
export async function warmUpRealm(
  modules: BuiltinLoaders,
  stop: () => boolean = () => false,
): Promise<boolean> {
  try {
    // A run may have arrived before the warm-up began: then it only competes with the run.
    if (stop()) return false
    const realm = createAppRealm(modules)
    const files = { 'warm-up.ts': SAMPLE }
    const started = await realm.handle({
      type: 'start',
      files,
      entry: 'warm-up.ts',
      env: {},
      clockOffsetMs: 0,
    })
    if (started.type !== 'started') return false
    let signedIn = 0
    for (let round = 0; round < 2; round++) {
      let cookies = ''
      for (const request of VISIT) {
        if (stop()) return false
        const reply = await realm.handle({
          type: 'request',
          ...request,
          headers: cookies ? [...request.headers, ['cookie', cookies]] : request.headers,
        })
        cookies = cookiesOf(reply) || cookies
        if (request.url === '/dashboard' && cookies && reply.type === 'response')
          signedIn += reply.status === 200 ? 1 : 0
      }
    }
    // Last, what a run loads only when it needs it (the words for a server error, above all).
    if (stop()) return false
    await loadRealmHelpers()
    return signedIn === 2
  } catch {
    // Only time is lost.
    return false
  }
}
