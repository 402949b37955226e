// What crosses between the grader and the learner's app, which live in different realms (a Worker,
// a worker thread, a process). Only plain data crosses: structured clone, IPC or HTTP carry it, so
// nothing the app does to its own built-ins can reach the grader's objects.
import type { WorkCounters } from '../../login-manager/work-counters'
import type { TestOutcome } from '../testing/suite'
import type { CodeError } from '../verdict'

/**
 * How an app realm starts: the learner's files, the environment and the clock it sees.
 *
 * @example
 * const start: AppStart = { files, entry: 'app.ts', env: { SESSION_SECRET: '…' }, clockOffsetMs: 0 }
 */
export interface AppStart {
  files: Record<string, string>
  entry: string
  /** JavaScript already compiled from `files`, by path (the WebContainer's page compiles it). */
  compiled?: Record<string, string>
  /** `process.env` as the app sees it. */
  env: Record<string, string>
  /** How far the checks have moved the app's clock (`Date.now()`, `new Date()`), in ms. */
  clockOffsetMs: number
  /**
   * SQLite, when the app imports `signed-in/db`: sql.js's compiled WebAssembly (left out where the
   * realm loads its own, as the WebContainer's app process does), the database files the previous
   * server left (a restart keeps them) and the exercise's seed SQL for a first start.
   */
  database?: { wasm?: WebAssembly.Module; files: Record<string, Uint8Array>; seed?: string }
}

/**
 * A learner's test file to run in a realm of its own (mutant grading): a realm that holds no app.
 * Each request its tests send goes back to the grader as a {@link RealmAsk}, and the grader passes
 * it to the app's realm, so the tests know the app only by its answers.
 *
 * @example
 * const run: TestRun = { file: 'app.test.ts', source: "import { test } from 'signed-in/testing'" }
 */
export interface TestRun {
  file: string
  source: string
  /** The file already compiled to JavaScript (the WebContainer's page compiles it). */
  compiled?: string
}

/**
 * A request as plain data. `url` is a path (`/login`) or an absolute URL
 * (`https://app.test/login`), handed to the app as the client gave it.
 *
 * @example
 * const request: WireRequest = { url: '/login', method: 'POST', headers: [['Origin', 'http://localhost']], body: 'a=1' }
 */
export interface WireRequest {
  url: string
  method: string
  headers: [string, string][]
  body: string | null
}

/**
 * A response as plain data, with each `Set-Cookie` as its own header pair.
 *
 * @example
 * const response: WireResponse = { status: 302, headers: [['location', '/dashboard']], body: '' }
 */
export interface WireResponse {
  status: number
  headers: [string, string][]
  body: string
}

/**
 * A call from the grader to the app realm.
 *
 * @example
 * await connection.call({ type: 'clock', offsetMs: 3_600_000 })
 */
export type AppCall =
  | ({ type: 'start' } & AppStart)
  | ({ type: 'request' } & WireRequest)
  | { type: 'clock'; offsetMs: number }
  | { type: 'work' }
  | { type: 'save' }
  | ({ type: 'tests' } & TestRun)

/**
 * The app realm's answer to a call. `serverErrors` are errors the app threw while answering (Hono
 * turns them into 500s), already described with the learner's file, line and column.
 *
 * @example
 * if (reply.type === 'start-failed') return errorVerdict(reply.message, reply.error)
 */
export type AppReply =
  | { type: 'started' }
  | { type: 'start-failed'; message: string; error: CodeError }
  | ({ type: 'response'; serverErrors: CodeError[] } & WireResponse)
  | { type: 'threw'; error: CodeError; serverErrors: CodeError[] }
  | { type: 'clock' }
  | { type: 'work'; counters: WorkCounters }
  | { type: 'saved'; files: Record<string, Uint8Array> }
  | { type: 'tests'; outcomes: TestOutcome[] }
  | { type: 'tests-failed'; message: string; error: CodeError }

/**
 * What a realm asks the grader while it answers a call: a test realm's request for the app under
 * test (the only kind). The grader answers with a `response` or `threw` {@link AppReply}, as
 * plain data that says nothing of where in the app's code the answer came from.
 *
 * @example
 * const ask: RealmAsk = { type: 'request', url: '/login', method: 'GET', headers: [], body: null }
 */
export type RealmAsk = { type: 'request' } & WireRequest

/**
 * Answers a realm's {@link RealmAsk}s during one call.
 *
 * @example
 * const answer: AskHandler = (ask) => app.call(ask, signal)
 */
export type AskHandler = (ask: RealmAsk) => Promise<AppReply>

/**
 * One open app realm, as the grader sees it: send a call, get the reply; close it when done.
 * `call` rejects when the realm is gone (closed, crashed, or the run was cancelled). `answer`
 * answers what the realm asks while it handles this call (a test realm's requests).
 *
 * @example
 * const reply = await connection.call({ type: 'work' })
 */
export interface AppConnection {
  call(call: AppCall, signal?: AbortSignal, answer?: AskHandler): Promise<AppReply>
  close(): void
}

/**
 * Where app realms come from: each runtime opens a fresh one per run (and per restart).
 *
 * @example
 * const connection = await realms.open(signal)
 */
export interface RealmSource {
  open(signal?: AbortSignal): Promise<AppConnection>
  /**
   * sql.js's WebAssembly, compiled once and kept, for runs whose app imports `signed-in/db`. A
   * source without it gives the realm no module: the realm then loads its own (the WebContainer).
   */
  sqliteWasm?(): Promise<WebAssembly.Module>
}
