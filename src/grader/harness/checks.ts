import type { WorkCounters } from '../../login-manager/work-counters'
import type { ClientResponse, TestClient } from './client'

/**
 * A failed expectation: what was expected, what came back, and a hint.
 *
 * @example
 * throw new CheckFailure('Expected status 401, but got 200.', 'Guard the route with loginRequired().')
 */
export class CheckFailure extends Error {
  readonly hint: string | undefined

  /**
   * @param message - expected versus received, in the learner's terms
   * @param hint - a nudge toward the fix
   */
  constructor(message: string, hint?: string) {
    super(message)
    this.name = 'CheckFailure'
    this.hint = hint
  }
}

/**
 * The clock the checks control. It starts at real time; `advance` moves `Date.now()` and
 * `new Date()` in the app's realm, and the time every client's cookie jar reads expiry against.
 *
 * @example
 * await clock.advance(61 * 60 * 1000) // an hour and a minute later
 */
export interface CheckClock {
  /** The current time on this clock, in ms since the epoch. */
  now(): number
  /** Move the clock forward (never back) by `ms` milliseconds, for the app and the jars alike. */
  advance(ms: number): Promise<void>
}

/**
 * What a check gets: a fresh client with an empty cookie jar, and control over the learner's
 * server (restart, environment, clock) and a view of the work it did.
 *
 * @example
 * async run({ client, restart }) { await client.postForm('/login', ada); await restart(); expectStatus(await client.get('/dashboard'), 200) }
 */
export interface CheckContext {
  client: TestClient
  /**
   * Another fresh client, for "a different browser" (say, one with only the remember cookie).
   * `origin` is the page it browses from (default `http://localhost`).
   */
  newClient(options?: { origin?: string }): TestClient
  /**
   * Restart the learner's server: its modules load again from scratch (a new random secret made
   * at start is new), with `env` laid over the current environment. Clients keep their cookies.
   * Rejects when the app cannot start again.
   */
  restart(env?: Record<string, string>): Promise<void>
  /** The environment the server runs with now (`process.env` in the app); read-only, always current. */
  readonly env: Readonly<Record<string, string>>
  clock: CheckClock
  /**
   * Run `fn` (requests, usually) and count the work the app's copy of the login manager did
   * meanwhile: how many password hashes it derived.
   *
   * @example
   * const { passwordHashes } = await work(() => client.postForm('/login', { username: 'nobody', password: 'x' }))
   */
  work<T>(fn: () => Promise<T>): Promise<{ result: T } & WorkCounters>
}

/**
 * One graded check.
 *
 * @example
 * const check: Check = { name: 'The home page answers', async run({ client }) { expectStatus(await client.get('/'), 200) } }
 */
export interface Check {
  /** Learner-facing, e.g. "An anonymous visitor to /dashboard gets 401". */
  name: string
  run(context: CheckContext): Promise<void>
}

/**
 * One step of an example's scenario: a request whose result is printed as one line.
 *
 * @example
 * const step: ScenarioStep = { label: 'GET /dashboard', run: async (client) => String((await client.get('/dashboard')).status) }
 */
export interface ScenarioStep {
  /** What the step does, for the inspector, e.g. "GET /dashboard as a stranger". */
  label: string
  run(client: TestClient): Promise<string>
}

/**
 * What a `checks.ts` file exports as default.
 *
 * @example
 * const module: ChecksModule = defineChecks([check])
 * module.kind // 'checks'
 */
export type ChecksModule = (
  { kind: 'checks'; checks: Check[] } | { kind: 'scenario'; steps: ScenarioStep[] }
) &
  ChecksOptions

/**
 * Options for {@link defineChecks} and {@link defineScenario}.
 *
 * @example
 * defineChecks(checks, { env: { SESSION_SECRET: 'a'.repeat(64) } })
 */
export interface ChecksOptions {
  /** The environment the learner's server starts with (`process.env`); empty by default. */
  env?: Record<string, string>
}

/**
 * Declare an exercise's checks, in order. Each runs with its own fresh client.
 *
 * @param checks - the checks
 * @param options - the environment the server starts with
 * @returns the module's default export
 * @example
 * export default defineChecks([
 *   { name: 'An anonymous visitor to /dashboard gets 401', async run({ client }) {
 *     expectStatus(await client.get('/dashboard'), 401, 'Guard the route with loginRequired().')
 *   } },
 * ])
 */
export function defineChecks(checks: Check[], options: ChecksOptions = {}): ChecksModule {
  return { kind: 'checks', checks, ...options }
}

/**
 * Declare an example's scenario: requests made in order by one client, each printing a line.
 *
 * @param steps - the steps
 * @param options - the environment the server starts with
 * @returns the module's default export
 * @example
 * export default defineScenario([
 *   { label: 'GET /dashboard', run: async (client) => String((await client.get('/dashboard')).status) },
 * ])
 */
export function defineScenario(steps: ScenarioStep[], options: ChecksOptions = {}): ChecksModule {
  return { kind: 'scenario', steps, ...options }
}

const show = (text: string) =>
  text.length > 120 ? `${JSON.stringify(text.slice(0, 117))}…` : JSON.stringify(text)

/**
 * Expect a status code.
 *
 * @param response - from the client
 * @param status - the expected status
 * @param hint - a nudge toward the fix
 * @example
 * expectStatus(await client.get('/dashboard'), 401, 'Anonymous visitors must not see the dashboard.')
 */
export function expectStatus(response: ClientResponse, status: number, hint?: string): void {
  if (response.status === status) return
  const extra = response.location
    ? ` (a redirect to ${response.location})`
    : response.body
      ? ` with body ${show(response.body)}`
      : ''
  throw new CheckFailure(`Expected status ${status}, but got ${response.status}${extra}.`, hint)
}

/**
 * Expect the body to contain a text.
 *
 * @param response - from the client
 * @param text - the text that must appear
 * @param hint - a nudge toward the fix
 * @example
 * expectBodyIncludes(await client.get('/dashboard'), 'Welcome, Ada')
 */
export function expectBodyIncludes(response: ClientResponse, text: string, hint?: string): void {
  if (response.body.includes(text)) return
  throw new CheckFailure(
    `Expected the response to contain ${show(text)}, but it was ${show(response.body)} (status ${response.status}).`,
    hint,
  )
}

/**
 * Expect a redirect (301, 302, 303, 307 or 308), optionally to a given location.
 *
 * @param response - from the client
 * @param location - the expected `Location`, if it matters
 * @param hint - a nudge toward the fix
 * @example
 * expectRedirect(await client.postForm('/login', form), '/dashboard')
 */
export function expectRedirect(response: ClientResponse, location?: string, hint?: string): void {
  if (![301, 302, 303, 307, 308].includes(response.status)) {
    throw new CheckFailure(
      `Expected a redirect${location ? ` to ${location}` : ''}, but got status ${response.status}${response.body ? ` with body ${show(response.body)}` : ''}.`,
      hint,
    )
  }
  if (location !== undefined && response.location !== location) {
    throw new CheckFailure(
      `Expected a redirect to ${location}, but it went to ${response.location ?? '(no Location header)'}.`,
      hint,
    )
  }
}

/**
 * Expect the client's jar to hold a cookie (or, with `present: false`, not to).
 *
 * @param client - the client
 * @param name - the cookie's name
 * @param hint - a nudge toward the fix
 * @param present - whether the cookie should be there (default true)
 * @example
 * expectCookie(client, 'remember_token', 'Did the login ask for a remember-me cookie?')
 */
export function expectCookie(
  client: TestClient,
  name: string,
  hint?: string,
  present = true,
): void {
  const has = client.cookie(name) !== undefined
  if (has === present) return
  const jar = Object.keys(client.cookies())
  throw new CheckFailure(
    present
      ? `Expected the browser to hold a "${name}" cookie, but it has ${jar.length ? jar.map((n) => `"${n}"`).join(', ') : 'no cookies'}.`
      : `Expected the "${name}" cookie to be gone, but the browser still has it.`,
    hint,
  )
}

/**
 * Expect a `Set-Cookie` header for a cookie to carry an attribute, such as `HttpOnly`.
 *
 * @param response - from the client
 * @param name - the cookie's name
 * @param attribute - e.g. `HttpOnly` or `SameSite=Lax`
 * @param hint - a nudge toward the fix
 * @example
 * expectCookieAttribute(response, 'session', 'HttpOnly')
 */
export function expectCookieAttribute(
  response: ClientResponse,
  name: string,
  attribute: string,
  hint?: string,
): void {
  const header = response.setCookie.find((value) => value.startsWith(`${name}=`))
  if (!header)
    throw new CheckFailure(
      `Expected the response to set the "${name}" cookie, but it set ${response.setCookie.length ? response.setCookie.map((h) => h.split('=')[0]).join(', ') : 'no cookies'}.`,
      hint,
    )
  const has = header
    .split(';')
    .some((part) => part.trim().toLowerCase() === attribute.toLowerCase())
  if (!has)
    throw new CheckFailure(
      `Expected the "${name}" cookie to be set with ${attribute}, but its header was ${show(header)}.`,
      hint,
    )
}
