// What an exercise's checks may import. The checks live on the grader's side and reach the app
// only through the client, so they need the checks library and nothing of the app's: the grader's
// realm (the Worker's grader, the WebContainer's runner) then loads far less code than the app's.
import * as checks from './harness/index'
import type { Builtins } from './module-loader'

/**
 * The modules `checks.ts` and the shared check files may import: `signed-in/checks` only.
 *
 * @example
 * loadChecks(bundle.checks, bundle.checkModules, checksBuiltins)
 */
export const checksBuiltins: Builtins = Object.freeze({ 'signed-in/checks': checks })
