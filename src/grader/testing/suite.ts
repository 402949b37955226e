// The test runner behind `signed-in/testing`: it collects the tests a learner's file declares and
// runs them one by one against the app in the same realm. It runs in the app's realm (never the
// grader's), and reports plain data only: each test's name, whether it passed, and what failed.
import {
  createClient,
  type ClientOptions,
  type RequestHandler,
  type TestClient,
} from '../harness/client'
import type { CodeError } from '../verdict'

/** A test as the learner declared it. */
interface DeclaredTest {
  name: string
  body: () => unknown
}

/**
 * One test's result, as plain data.
 *
 * @example
 * const outcome: TestOutcome = { name: 'a wrong password gets 401', passed: false, error: { message: 'expected 302 to be 401', file: 'app.test.ts', line: 12 } }
 */
export interface TestOutcome {
  name: string
  passed: boolean
  /** The failed assertion or thrown error, with the learner's file and line. */
  error?: CodeError
}

/** At most this many tests a file may declare; more is refused, so the work stays bounded. */
export const MAX_TESTS = 100

let collecting: DeclaredTest[] | undefined
let handler: RequestHandler | undefined

/**
 * Declare a test, as vitest's `test`: a name and an (async) function that throws when the app is
 * wrong. Call it at the top level of the test file.
 *
 * @param name - what the test shows, in words
 * @param body - the test
 * @example
 * test('a wrong password gets 401', async () => {
 *   const response = await newClient().postForm('/login', { username: 'Ada', password: 'nope' })
 *   expect(response.status).toBe(401)
 * })
 */
export function test(name: string, body: () => unknown): void {
  if (!collecting) throw new Error('test() is called at the top level of a test file only.')
  if (typeof name !== 'string' || typeof body !== 'function')
    throw new Error('test() takes a name and a function: test("what it shows", async () => { … })')
  if (collecting.length >= MAX_TESTS)
    throw new Error(`A test file may declare at most ${MAX_TESTS} tests.`)
  collecting.push({ name: name.slice(0, 200), body })
}

/**
 * A fresh simulated browser with an empty cookie jar, on `http://localhost` unless `origin` says
 * otherwise: the same client the course's checks use (`get`, `postForm`, `postJson`, `cookie`,
 * `fromSite(...)` for a page on another site, and more).
 *
 * @param options - `origin`: where the app is served
 * @returns the client
 * @example
 * const browser = newClient()
 * await browser.postForm('/login', { username: 'Ada', password: 'analytical-engine' })
 * expect(browser.cookie('session')).toBeDefined()
 */
export function newClient(options: Pick<ClientOptions, 'origin'> = {}): TestClient {
  if (!handler) throw new Error('newClient() works inside a test only.')
  return createClient(handler, [], 'test', 1, options.origin ? { origin: options.origin } : {})
}

/**
 * Load a test file and collect the tests it declares. `load` evaluates the file (its top level
 * calls {@link test}).
 *
 * @param load - evaluates the test file
 * @returns the declared tests
 * @example
 * const tests = collectTests(() => loadModules(files, 'app.test.ts', builtins))
 */
export function collectTests(load: () => void): DeclaredTest[] {
  const declared: DeclaredTest[] = []
  collecting = declared
  try {
    load()
  } finally {
    collecting = undefined
  }
  return declared
}

/**
 * Run the declared tests one at a time against `app`, each with fresh clients, and describe each
 * failure with `describe` (file and line in the learner's test file).
 *
 * @param tests - from {@link collectTests}
 * @param app - sends a request to the app
 * @param describe - turns a thrown value into a `CodeError`
 * @returns one outcome per test, in order
 * @example
 * const outcomes = await runTests(tests, (path, init) => app.request(path, init), describeCodeError)
 */
export async function runTests(
  tests: DeclaredTest[],
  app: RequestHandler,
  describe: (error: unknown) => CodeError,
): Promise<TestOutcome[]> {
  const outcomes: TestOutcome[] = []
  handler = app
  try {
    for (const declared of tests) {
      try {
        // await, not then(): learner code may patch Promise.prototype.then.
        await declared.body()
        outcomes.push({ name: declared.name, passed: true })
      } catch (error) {
        outcomes.push({ name: declared.name, passed: false, error: describe(error) })
      }
    }
  } finally {
    handler = undefined
  }
  return outcomes
}
