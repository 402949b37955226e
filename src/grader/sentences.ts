// The sentences the engine says to a learner when a run does not go as planned, in one place, so
// their tone stays the same and a wording change is made once. The assertion helpers in
// harness/checks.ts and harness/cookie-expectations.ts word their own expectations ("Expected
// status 401, but got 200."), since each is the helper's contract with the authors who call it.

/**
 * Why a thrown value reads as it does: an `Error`'s message, or the value itself as text.
 *
 * @param error - anything thrown
 * @returns a short text
 * @example
 * reasonOf(new Error('boom')) // 'boom'
 * reasonOf(42) // '42'
 */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The engine's sentences, by situation.
 *
 * @example
 * errorVerdict(say.runnerCrashed(error))
 */
export const say = {
  /** The request inspector's note: a check restarted the server, perhaps changing the environment. */
  serverRestarted: (changed: readonly string[]) =>
    changed.length === 0
      ? 'The server restarted: its memory starts empty, and the browsers keep their cookies.'
      : `The server restarted with ${changed.join(', ')} changed; the browsers keep their cookies.`,
  /** The request inspector's note: a check moved the app's clock (and the jars') forward. */
  clockMoved: (duration: string) =>
    `The clock moved forward ${duration}, for the server and for every browser's cookies.`,
  /** The request inspector's note: a check put a cookie into a browser's jar by hand. */
  cookieSetByHand: (name: string, browser: number) =>
    `A ${name} cookie was put into browser ${browser}'s jar by hand.`,
  /** The request inspector's note: a check took a cookie out of a browser's jar by hand. */
  cookieRemovedByHand: (name: string, browser: number) =>
    `Browser ${browser}'s ${name} cookie was taken out of its jar by hand.`,
  /** The page's store caught a runner that threw instead of answering. */
  runnerCrashed: (error: unknown) => `The runner stopped unexpectedly: ${reasonOf(error)}`,
  /** The in-page runner (the Workers) could not be started. */
  runnerCouldNotStart: (error: unknown) => `The in-page runner could not start: ${reasonOf(error)}`,
  /** The grader's Worker failed outside any learner code. */
  runnerFailed: (error: unknown) => `The runner failed: ${reasonOf(error)}`,
  /** The WebContainer's Node exited without a verdict line. */
  nodeStoppedEarly: (exitCode: number | string, tail: string) =>
    `Node stopped before reporting (exit code ${exitCode}): ${tail}`,
  /** checks.ts itself did not load: the course's fault, not the learner's. */
  checksFailedToLoad: (reason: string) =>
    `The exercise's own checks failed to load, which is a bug in the course: ${reason}`,
  /** The app module threw while it was being loaded. */
  couldNotStart: (reason: string) => `Your code could not start: ${reason}`,
  /** The entry file has no default export of an app. */
  noDefaultExport: (entry: string) =>
    `${entry} must end with "export default app", where app is your Hono app, so the checks can send it requests.`,
  /** A blank that runs as the module loads stops every check. */
  blankAtStartUp: (where: string) =>
    `Your server cannot start until the blank at ${where} is filled in: that line runs as the server starts. Blanks inside route handlers only fail the checks that reach them.`,
  /** Blanks left where the code cannot even be read. */
  fillInBlanks: (count: number, where: string) =>
    `Fill in every blank (___) before checking. ${count === 1 ? 'One blank is' : `${count} blanks are`} left: ${where}.`,
  /** Learner code threw outside any one check. */
  codeStoppedTheRun: (reason: string) => `Your code stopped the run: ${reason}`,
  /** An example's step threw. */
  exampleStopped: (label: string, reason: string) => `The example stopped at "${label}": ${reason}`,
  /** Learner code threw straight into a check. */
  threwWhileHandling: (reason: string, where: string) =>
    `Your code threw an error while handling this request: ${reason}${where ? ` (${where})` : ''}`,
  /** A check failed, and the server also threw while it ran. */
  serverAlsoThrew: (failure: string, reason: string, where: string) =>
    `${failure} Your server threw an error on the way: ${reason}${where ? ` (${where})` : ''}`,
  /** The app answered with something that is not an HTTP status. */
  notAStatus: (status: unknown) =>
    `The app answered with ${String(status)}, which is not an HTTP status.`,
  /** The time limit was reached. */
  timeLimit: (seconds: number, doing?: string) =>
    `Your code ran for more than ${seconds} ${seconds === 1 ? 'second' : 'seconds'} without answering, so it was stopped. Look for a loop that never ends, or a promise that is never resolved.${doing ? ` It was ${doing}.` : ''}`,
  /** What a stopped app was doing: still starting. */
  stillStarting: (entry: string) =>
    `still starting: the code at the top of ${entry}, or of a file it imports, never finished`,
  /** What a stopped app was doing: answering a request, and where its route is, when known. */
  answering: (request: string, route?: { file: string; line: number }) =>
    route
      ? `answering ${request}, whose route is at ${route.file} line ${route.line} (or in a middleware before it)`
      : `answering ${request}`,
  /** A followed chain of redirects came back to where it had been. */
  redirectLoop: (limit: number, chain: string) =>
    `The app redirects in a loop, and a browser gives up after ${limit} redirects: ${chain}`,
  /** The hint for a loop between routes that send the browser to each other. */
  redirectLoopHint: () =>
    'Look at where each of those routes redirects, and at what it checks before redirecting.',
  /** The hint for a path that redirects to itself, such as a login page behind its own guard. */
  selfRedirectHint: (path: string) =>
    `${path} keeps sending the browser back to ${path}. Its own handler never gets to answer: what runs before it for this visitor, and redirects them?`,
  /** A handler (or middleware) finished without a response, and Hono said so in its own words. */
  noResponse: (request: string, honoWords: string) =>
    `${request} ended without a response: the handler (or a middleware) on that route finished without returning one, so Hono had nothing to send (its words: "${honoWords}"). Every path through a handler must end in a return, such as return c.html(…), return c.text(…) or return c.redirect(…).`,
  /** A learner's test file threw before its tests ran. */
  testsCouldNotLoad: (reason: string) => `Your test file could not load: ${reason}`,
  /** A learner's test file imported one of the app's files. */
  testImportsApp: (file: string, specifier: string) =>
    `${file} may not import "${specifier}": tests reach the app only through newClient(), as a browser does, so they test what it answers rather than how it is written.`,
  /** A learner's test file declared no test. */
  noTests: (file: string) =>
    `${file} declares no tests yet. Write one with test('what it shows', async () => { … }).`,
  /** The learner's tests ran out of time against one app. */
  testsTimedOut: (seconds: number, against: string) =>
    `Your tests ran for more than ${seconds} ${seconds === 1 ? 'second' : 'seconds'} against ${against}, so they were stopped. Look for a loop that never ends, or a promise that is never resolved.`,
  /** The reference app or a mutant did not start: the course's fault. */
  referenceDidNotStart: (reason: string) =>
    `The app your tests run against did not start, which is a bug in the course: ${reason}`,
  /** A newer run replaced this one. */
  cancelled: () => 'This run was cancelled before it finished (a newer run replaced it).',
  /** The exercise's database (its seed data) could not be opened: the course's fault. */
  databaseFailed: (reason: string) =>
    `The database could not be opened, which is a bug in the course: ${reason}`,
  /** SQLite's wasm could not be fetched or compiled (offline before the first visit). */
  sqliteUnavailable: (error: unknown) =>
    `SQLite could not be loaded, so this code cannot run yet: ${reasonOf(error)}. Reload the page when you are online.`,
} as const
