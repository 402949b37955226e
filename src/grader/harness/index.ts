/**
 * What exercise authors import in `checks.ts`, as `signed-in/checks`.
 *
 * @example
 * import { defineChecks, expectStatus } from 'signed-in/checks'
 */
export {
  CheckFailure,
  defineChecks,
  defineScenario,
  expectBodyIncludes,
  expectCookie,
  expectCookieAttribute,
  expectRedirect,
  expectStatus,
  type Check,
  type CheckClock,
  type CheckContext,
  type ChecksOptions,
  type ChecksModule,
  type ScenarioStep,
} from './checks'
export {
  describeHops,
  type ClientResponse,
  type FetchInit,
  type Hop,
  type OtherSitePage,
  type RequestOptions,
  type TestClient,
} from './client'
export {
  expectCookieDeleted,
  expectCookieNotSent,
  expectCookieRejected,
  expectCookieSent,
  expectCookieStored,
  type CookieSubject,
} from './cookie-expectations'
export type { CookieEvent } from '../verdict'
