/**
 * What learners import in a test file, as `signed-in/testing`: `test` (and its alias `it`),
 * `expect` with vitest's matcher names, and `newClient()`, a simulated browser with a cookie jar.
 *
 * @example
 * import { expect, newClient, test } from 'signed-in/testing'
 *
 * test('the dashboard sends strangers to the login page', async () => {
 *   const response = await newClient().get('/dashboard')
 *   expect(response.status).toBe(302)
 * })
 */
export { test, test as it, newClient, type TestOutcome } from './suite'
export { expect, type Assertion, type Matchers } from './expect'
export type { ClientResponse, OtherSitePage, RequestOptions, TestClient } from '../harness/client'
