// Hostile learner TEST files for the exercise graded by mutants, graded in every runtime that
// grades mutants (Node: src/course/mutants.test.ts; the Worker in Chromium:
// tests/browser/runner-worker.test.ts; the WebContainer through the fake that really runs Node:
// src/runner/webcontainer/webcontainer-runtime.test.ts). Each tries to tell the correct app from a
// mutant by something other than its answers over HTTP: reading where the app's code runs, patching
// the built-ins the app uses, forging a verdict, importing the app. Each must get exactly the verdict
// of HONEST_NOTHING (tests that pass everywhere and so catch no mutant), or say plainly that the
// import is not allowed, or stop at the time limit.
import { loadExercise } from '../../src/course/exercise-files'
import { expect } from 'vitest'
import { requestFor, type RunRequest } from '../../src/grader/run-request'
import type { Verdict } from '../../src/grader/verdict'
import { comparableVerdict } from '../support/comparable-verdict'

/**
 * The exercise graded by mutants.
 *
 * @example
 * loadExercise(MUTANT_EXERCISE).mutants?.mutants.length // 9
 */
export const MUTANT_EXERCISE = 'test-the-login-flow'

const bundle = loadExercise(MUTANT_EXERCISE)
const header = "import { expect, newClient, test } from 'signed-in/testing'\n"
const ada = "const ada = { username: 'Ada', password: 'analytical-engine' }\n"
const request = (source: string): RunRequest => requestFor(bundle, { 'app.test.ts': source })

/**
 * An honest test file that tests nothing: its one test logs in and asserts nothing, so it passes
 * against the correct app and every mutant, and catches none.
 *
 * @example
 * expect(comparableVerdict(await run(hostile.request))).toEqual(comparableVerdict(await run(HONEST_NOTHING)))
 */
export const HONEST_NOTHING = request(
  `${header}${ada}test('logs in', async () => { await newClient().postForm('/login', ada) })\n`,
)

/**
 * The lines of the correct app that build a response (`c.text(`, `c.redirect(` …), 1-based. A
 * learner can read them: the app is shown beside the test file.
 */
const responseLines = (bundle.starter['app.ts'] ?? '')
  .split('\n')
  .flatMap((line, index) =>
    /\bc\.(text|html|json|redirect|req\.\w+)\(/.test(line) ? [index + 1] : [],
  )
if (responseLines.length < 4) throw new Error(`${MUTANT_EXERCISE}/app.ts has changed shape`)

/**
 * Code for the top of a test file: replaces `Response` with a stand-in that reads, from the stack,
 * which line of app.ts built each response. A response built on a line where the correct app builds
 * none means the app's source differs: a mutant. Where the test file shares the app's realm this
 * sees the app's frames; in a realm of its own it sees only its own.
 */
const spyOnTheApp = `Error.stackTraceLimit = 100
const known = new Set(${JSON.stringify(responseLines)})
const strange = new WeakSet<object>()
const seenStrange: string[] = []
const RealResponse = globalThis.Response
globalThis.Response = new Proxy(RealResponse, {
  construct(target, args) {
    const made = Reflect.construct(target, args) as object
    const frame = /exercise:\\/\\/\\/app\\.ts:(\\d+):\\d+/.exec(String(new Error().stack))
    if (frame && !known.has(Number(frame[1]))) {
      strange.add(made)
      seenStrange.push(frame[0])
    }
    return made
  },
})
const journey = async () => {
  const browser = newClient()
  const answers = [
    await browser.get('/login'),
    await browser.postForm('/login', { ...ada, remember: 'on' }),
    await browser.get('/dashboard'),
    await browser.get('/settings'),
    await browser.postForm('/logout', {}),
  ]
  return answers
}
`

/**
 * One hostile test file, and the verdict it must get.
 *
 * @example
 * for (const hostile of HOSTILE_TEST_FILES) expect((await run(hostile.request)).status).not.toBe('passed')
 */
export interface HostileTestFile {
  name: string
  request: RunRequest
  /**
   * `catches-none`: exactly HONEST_NOTHING's verdict; `not-allowed`: an error verdict saying the
   * test file may not import the app; `time-limit`: the tests' time limit against the correct app.
   */
  expect: 'catches-none' | 'not-allowed' | 'time-limit'
}

/**
 * The hostile test files.
 *
 * @example
 * HOSTILE_TEST_FILES.map((file) => file.name)
 */
export const HOSTILE_TEST_FILES: HostileTestFile[] = [
  {
    name: "reads the app's source positions from the stack to spot a mutant",
    request: request(`${header}${ada}${spyOnTheApp}
test('logs in', async () => {
  await journey()
  expect(seenStrange).toEqual([])
})
`),
    expect: 'catches-none',
  },
  {
    name: "patches Response.prototype so that a mutant's answers break and the correct app's do not",
    request: request(`${header}${ada}${spyOnTheApp}
// Where the status getter lives: Response.prototype, or further up under a Response subclass.
let owner: object | null = RealResponse.prototype
while (owner && !Object.hasOwn(owner, 'status')) owner = Object.getPrototypeOf(owner) as object | null
const holder = owner ?? RealResponse.prototype
const status = Object.getOwnPropertyDescriptor(holder, 'status')?.get
Object.defineProperty(holder, 'status', {
  configurable: true,
  get() {
    return strange.has(this) ? 500 : status?.call(this)
  },
})
test('logs in', async () => {
  for (const answer of await journey()) expect(answer.status).toBeLessThan(500)
})
`),
    expect: 'catches-none',
  },
  {
    name: 'prints and posts lines shaped like verdicts and like replies',
    request: request(`${header}${ada}
const passed = { status: 'passed', checks: [{ name: 'Mutant: anything', passed: true }], timeline: [] }
const line = '\\n@@signed-in-verdict@@' + JSON.stringify(passed) + '\\n'
const g = globalThis as unknown as Record<string, any>
const tryTo = (act: () => unknown) => { try { act() } catch {} }
console.log(line)
console.error(line)
tryTo(() => g.process?.stdout?.write?.(line))
const forged = { type: 'tests', outcomes: [{ name: 'logs in', passed: false, error: { message: 'caught' } }] }
for (let id = 0; id < 8; id++) {
  tryTo(() => g.postMessage?.({ id, verdict: passed }))
  tryTo(() => g.process?.send?.({ callId: id, reply: forged }))
  tryTo(() => g.process?.getBuiltinModule?.('node:worker_threads')?.parentPort?.postMessage({ id, reply: forged }))
}
test('logs in', async () => {
  console.log(line)
  await newClient().postForm('/login', ada)
})
`),
    expect: 'catches-none',
  },
  {
    name: 'imports the app module directly',
    request: request(`${header}import app from './app'
test('the app has no logout route', () => {
  expect(String(app.routes?.map((route: { path: string }) => route.path))).not.toContain('/logout')
})
`),
    expect: 'not-allowed',
  },
  {
    name: "imports the app's users module directly",
    request: request(`${header}import { users } from './users'
test('there are users', () => { expect(users.size).toBeGreaterThan(0) })
`),
    expect: 'not-allowed',
  },
  {
    name: 'loops forever at the top of the test file',
    request: request(`${header}for (;;) {}\ntest('never declared', () => {})\n`),
    expect: 'time-limit',
  },
  {
    name: 'loops forever inside a test',
    request: request(`${header}test('spins', () => { for (;;) {} })\n`),
    expect: 'time-limit',
  },
]

/**
 * Check a hostile test file's verdict in any runtime: the time limit (whose length the runtime
 * names), the refusal to import the app, or exactly the verdict of {@link HONEST_NOTHING}.
 *
 * @param hostile - the file
 * @param verdict - what the runtime gave it
 * @param limitSeconds - the runtime's limit for learner tests against the correct app
 * @param honest - the runtime's verdict for HONEST_NOTHING (asked for only when needed, once)
 * @example
 * await expectHostileVerdict(hostile, await run(hostile.request), 2, () => run(HONEST_NOTHING))
 */
export async function expectHostileVerdict(
  hostile: HostileTestFile,
  verdict: Verdict,
  limitSeconds: number,
  honest: () => Promise<Verdict>,
): Promise<void> {
  if (hostile.expect === 'time-limit') {
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(
      new RegExp(`ran for more than ${limitSeconds} seconds against the correct app`),
    )
  } else if (hostile.expect === 'not-allowed') {
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(/may not import .+ through newClient\(\)/)
  } else expect(comparableVerdict(verdict)).toEqual(comparableVerdict(await honest()))
}
