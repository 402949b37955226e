/** One request a check made, for the request inspector. */
export interface TimelineEntry {
  /** Which check (or scenario step) made the request. */
  check: string
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
}

/** One check's result. */
export interface CheckResult {
  name: string
  passed: boolean
  /** What was expected and what came back. */
  message?: string
  /** A nudge toward the fix. */
  hint?: string
}

/** Where a blank is left. */
export interface BlankLocation {
  path: string
  line: number
  column: number
}

/** Where learner code threw. */
export interface CodeError {
  message: string
  file?: string
  line?: number
  column?: number
}

/**
 * The outcome of running an exercise or example. The same shape, and for the same code the same
 * values, from every runtime (Node, Worker, WebContainer).
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
