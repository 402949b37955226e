// Hostile learner files, graded in all three runtimes (Node: src/grader/realm/hostile.test.ts;
// the Worker in Chromium: tests/browser/runner-worker.test.ts; the WebContainer through the fake
// that really runs Node: src/runner/webcontainer/webcontainer-runtime.test.ts). Each is the same
// wrong answer as HONEST_WRONG (it leaves /secret open) plus an attempt to change the verdict, and
// must get exactly the honest wrong answer's verdict, or the time-limit verdict for a loop.
import type { RunRequest } from '../../src/grader/run-request'
import type { InFlight } from '../../src/grader/time-limit'

const CHECKS = `import { defineChecks, expectBodyIncludes, expectStatus } from 'signed-in/checks'
export default defineChecks([
  { name: 'GET / says hello', async run({ client }) { expectBodyIncludes(await client.get('/'), 'hello') } },
  { name: 'GET /secret is refused with 401', async run({ client }) { expectStatus(await client.get('/secret'), 401) } },
])`

const app = (top: string, secret = "c.text('open to all')") => `import { Hono } from 'hono'
${top}
const app = new Hono()
app.get('/', (c) => c.text('hello'))
app.get('/secret', (c) => ${secret})
export default app`

const request = (source: string): RunRequest => ({
  files: { 'app.ts': source },
  editable: ['app.ts'],
  checks: CHECKS,
  entry: 'app.ts',
})

/**
 * The honest wrong answer every hostile file must be graded like.
 *
 * @example
 * expect(await run(hostile.request)).toEqual(await run(HONEST_WRONG))
 */
export const HONEST_WRONG = request(app(''))

/**
 * The right answer, graded straight after each hostile file: it must pass.
 *
 * @example
 * expect((await run(HONEST_RIGHT)).status).toBe('passed')
 */
export const HONEST_RIGHT = request(app('', "c.text('no', 401)"))

const verdictLine = JSON.stringify({
  status: 'passed',
  checks: [{ name: 'GET /secret is refused with 401', passed: true }],
  timeline: [],
})

/**
 * One hostile file, and the verdict it must get.
 *
 * @example
 * for (const hostile of HOSTILE_FILES) expect((await run(hostile.request)).status).not.toBe('passed')
 */
export interface HostileFile {
  name: string
  request: RunRequest
  /**
   * `honest-wrong`: exactly HONEST_WRONG's verdict; `second-fails`: failed, with the first check
   * passed and the second failed (the app's answer differs, as a throw does); `time-limit`.
   */
  expect: 'honest-wrong' | 'second-fails' | 'time-limit'
  /** For `time-limit`: what the app was doing when it was stopped, which the verdict says. */
  doing?: InFlight
}

const hostile = (name: string, top: string, secret?: string): HostileFile => ({
  name,
  request: request(app(top, secret)),
  expect: 'honest-wrong',
})

/**
 * The hostile files.
 *
 * @example
 * HOSTILE_FILES.map((file) => file.name)
 */
export const HOSTILE_FILES: HostileFile[] = [
  hostile(
    'patches Array: every() is always true, from inside a handler',
    '',
    "(Array.prototype.every = function () { return true }, c.text('open to all'))",
  ),
  hostile(
    'patches Promise: then() turns every failed verdict into a pass',
    `const then = Promise.prototype.then
Promise.prototype.then = function (ok, bad) {
  return then.call(this, (value) => {
    if (value && typeof value === 'object' && 'status' in value) value.status = 'passed'
    return ok ? ok(value) : value
  }, bad)
} as typeof then`,
  ),
  hostile(
    'patches Object: every object claims to have passed',
    `Object.defineProperty(Object.prototype, 'passed', { get: () => true, set: () => undefined, configurable: true })
const assign = Object.assign
Object.assign = ((target: object, ...sources: object[]) => assign(target, ...sources, { status: 'passed' })) as typeof assign`,
  ),
  hostile(
    'patches JSON: stringify and parse rewrite verdicts',
    `const stringify = JSON.stringify
const parse = JSON.parse
JSON.stringify = ((value: unknown, ...rest: never[]) =>
  value && typeof value === 'object' && 'checks' in value ? stringify({ ...value, status: 'passed', checks: [] }) : stringify(value, ...rest)) as typeof stringify
JSON.parse = ((text: string, ...rest: never[]) => {
  const value = parse(text, ...rest)
  return value && typeof value === 'object' && 'checks' in value ? { ...value, status: 'passed', checks: [] } : value
}) as typeof parse`,
  ),
  hostile(
    'replaces Response, Headers and Request',
    `const g = globalThis as unknown as Record<string, unknown>
const { Response: R, Headers: H, Request: Q } = globalThis
g.Response = class extends R { get ok() { return true } static [Symbol.hasInstance]() { return true } }
g.Headers = class extends H { static [Symbol.hasInstance]() { return true } }
g.Request = class extends Q { get method() { return super.method } }`,
  ),
  hostile(
    'prints and posts lines shaped like verdicts',
    `const line = '\\n@@signed-in-verdict@@' + ${JSON.stringify(verdictLine)} + '\\n'
console.log(line)
console.error(line)
const g = globalThis as unknown as Record<string, unknown>
const out = (g.process as { stdout?: { write?: (s: string) => void } } | undefined)?.stdout
out?.write?.(line)
for (const post of [g.postMessage, (g.self as Record<string, unknown> | undefined)?.postMessage])
  if (typeof post === 'function') try { post({ id: 1, verdict: JSON.parse(${JSON.stringify(verdictLine)}) }) } catch {}`,
    "(console.log('@@signed-in-verdict@@' + " +
      JSON.stringify(verdictLine) +
      "), c.text('open to all'))",
  ),
  hostile(
    'prints megabytes, at start and in a handler',
    `console.log('x'.repeat(3_000_000))`,
    "(console.log('y'.repeat(3_000_000)), c.text('open to all'))",
  ),
  {
    name: 'throws values that are not Errors, shaped like a pass',
    request: request(app('', "(() => { throw { status: 'passed', checks: [], passed: true } })()")),
    expect: 'second-fails',
  },
  {
    name: 'loops forever at the top of the module',
    request: request(app('for (;;) {}')),
    expect: 'time-limit',
    doing: { kind: 'start', entry: 'app.ts' },
  },
  {
    name: 'loops forever inside a handler',
    request: request(app('', '(() => { for (;;) {} })()')),
    expect: 'time-limit',
    doing: { kind: 'request', method: 'GET', url: '/secret' },
  },
]
