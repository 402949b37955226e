/**
 * One request a check made, for the request inspector.
 *
 * @example
 * timeline.push({ check: 'login works', browser: 1, method: 'POST', path: '/login', status: 302, location: '/dashboard', setCookie: ['session=…'], cookieSent: '', bodySnippet: '' })
 */
export interface TimelineEntry {
  /** Which check made the request (`scenario` for an example's steps). */
  check: string
  /**
   * Which simulated browser sent it, counted within its check: 1 for the check's own client, 2 for
   * the first `newClient()`, and so on. Every check starts with fresh browsers and empty jars.
   */
  browser: number
  method: string
  path: string
  status: number
  location?: string
  /** `Set-Cookie` headers received. */
  setCookie: string[]
  /** The `Cookie` header sent, or `''`. */
  cookieSent: string
  /** The first 200 characters of the body. */
  bodySnippet: string
  /** What the cookie jar did on this request: each cookie sent or withheld, each Set-Cookie stored, replaced, deleted or rejected, with the reason in plain words. */
  cookieEvents?: CookieEvent[]
  /**
   * What the check did between the previous request and this one that no request shows, in plain
   * words: the server restarted, the clock moved, a cookie put into or taken out of a jar by hand.
   */
  before?: string[]
}

/**
 * One decision of the simulated browser's cookie jar, in words a learner can read.
 *
 * @example
 * const event: CookieEvent = { cookie: 'session', action: 'rejected', reason: 'Secure cookie set over plain http' }
 */
export interface CookieEvent {
  /** The cookie's name. */
  cookie: string
  /** What the jar did. */
  action: 'sent' | 'withheld' | 'stored' | 'replaced' | 'deleted' | 'rejected' | 'expired'
  /** Why, in plain words: "Not sent: SameSite=Strict and this request came from another site". */
  reason: string
}

/**
 * One check's result.
 *
 * @example
 * const result: CheckResult = { name: 'An anonymous visitor to /dashboard gets 401', passed: false, message: 'Expected status 401, but got 200.', hint: 'Guard the route with loginRequired().' }
 */
export interface CheckResult {
  name: string
  passed: boolean
  /** What was expected and what came back. */
  message?: string
  /** A nudge toward the fix. */
  hint?: string
  /** When the learner's code threw during this check: what, and the file, line and column. */
  error?: CodeError
}

/**
 * Where a blank is left.
 *
 * @example
 * verdict.blanks // [{ path: 'app.ts', line: 15, column: 40 }]
 */
export interface BlankLocation {
  path: string
  line: number
  column: number
}

/**
 * Where learner code threw.
 *
 * @example
 * verdict.error // { message: 'TypeError: …', file: 'app.ts', line: 15, column: 7 }
 */
export interface CodeError {
  message: string
  file?: string
  line?: number
  column?: number
}

/**
 * The outcome of running an exercise or example. The same shape, and for the same code the same
 * values, from every runtime (Node, Worker, WebContainer).
 *
 * @example
 * if (verdict.status === 'failed') for (const check of verdict.checks) console.log(check.passed ? '✓' : '✗', check.name)
 */
export interface Verdict {
  /** `blanks`: not run, blanks left; `error`: the code threw or ran too long. */
  status: 'passed' | 'failed' | 'error' | 'blanks'
  checks: CheckResult[]
  /** An example's printed lines, in order. */
  output?: string[]
  timeline: TimelineEntry[]
  /** A sentence for the learner when the run did not reach the checks. */
  message?: string
  blanks?: BlankLocation[]
  error?: CodeError
}

/**
 * Where learner code threw, in words: `app.ts, line 15, column 7`, or `''` when no file is known.
 *
 * @param error - from a verdict or a check result
 * @returns the location, for messages
 * @example
 * formatCodeLocation({ message: 'boom', file: 'app.ts', line: 15, column: 7 }) // 'app.ts, line 15, column 7'
 */
export function formatCodeLocation(error: CodeError | undefined): string {
  if (!error?.file) return ''
  if (!error.line) return error.file
  return `${error.file}, line ${error.line}${error.column ? `, column ${error.column}` : ''}`
}

/**
 * The one way to build an `error` verdict: the run did not reach, or did not finish, its checks.
 *
 * @param message - a sentence for the learner (see `sentences.ts`)
 * @param details - where the code threw, and what an example printed or a check sent before it
 * @returns the verdict
 * @example
 * errorVerdict(say.codeStoppedTheRun(described.message), { error: described })
 */
export function errorVerdict(
  message: string,
  details: { error?: CodeError; output?: string[]; timeline?: TimelineEntry[] } = {},
): Verdict {
  return {
    status: 'error',
    checks: [],
    ...(details.output ? { output: details.output } : {}),
    timeline: details.timeline ?? [],
    message,
    ...(details.error ? { error: details.error } : {}),
  }
}
