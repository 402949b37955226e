import { comparableVerdict } from '../support/comparable-verdict'
import type { Plugin } from 'esbuild'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { listExercises, loadExercise } from '../../src/course/exercise-files'
import type { RunnerStatus } from '../../src/runner/index'
import { courseModules } from '../../src/grader/builtin-modules'
import { gradeInNode, runInNode } from '../../src/course/node-runtime'
import { runExercise } from '../../src/grader/run-exercise'
import { requestFor, type RunRequest } from '../../src/grader/run-request'
import type { Verdict } from '../../src/grader/verdict'
import { BLOCKED_GLOBALS, NO_EVAL_MESSAGE } from '../../src/runner/worker/sandbox'
import { timeLimitVerdict } from '../../src/grader/time-limit'
import { HONEST_RIGHT, HONEST_WRONG, HOSTILE_FILES } from '../hostile/hostile-files'
import {
  expectHostileVerdict,
  HONEST_NOTHING,
  HOSTILE_TEST_FILES,
} from '../hostile/hostile-test-files'
import { CLOCK_PROBE } from '../clock/clock-probe'
import { DATABASE_PROBE } from '../database/database-probe'
import { bundleForWorker } from './bundle'
import { launchChromium } from './chromium'

// The Worker runtime is bundled from the same worker-entry.ts the site ships, and driven through
// the same WorkerRuntime controller and createRunner(), inside a page of the built site.
let browser: Browser
let page: Page
const wasmRequests: string[] = []

/**
 * Vite turns `new URL('./worker/worker-entry.ts', import.meta.url)` into the Worker's URL; esbuild
 * leaves it alone, so point it at the Blob URL the test makes from the bundled worker-entry.ts.
 */
const viteWorkerUrl: Plugin = {
  name: 'vite-worker-url',
  setup(plugin) {
    plugin.onLoad({ filter: /src[/\\]runner[/\\]index\.ts$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8')
      for (const [entry, global] of [
        ['worker-entry.ts', 'workerUrl'],
        ['app-worker-entry.ts', 'appWorkerUrl'],
      ]) {
        const pattern = `new URL('./worker/${entry}', import.meta.url)`
        if (!source.includes(pattern)) throw new Error(`${args.path} no longer contains ${pattern}`)
        source = source.replaceAll(pattern, `(window as any).${global}`)
      }
      return { contents: source, loader: 'ts' }
    })
  },
}

beforeAll(async () => {
  const [workerCode, appWorkerCode, controllerCode] = await Promise.all([
    bundleForWorker('src/runner/worker/worker-entry.ts'),
    bundleForWorker('src/runner/worker/app-worker-entry.ts'),
    bundleForWorker('tests/browser/fixtures/runner-controller.ts', [viteWorkerUrl]),
  ])
  browser = await launchChromium()
  // No service worker: the network test below counts the page's own requests.
  page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage()
  // Every .wasm the page or its Workers fetch, over the page's whole life: SQLite's must come
  // once, however many runs (in any test, in any order) use it.
  page.context().on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasmRequests.push(request.url())
  })
  await page.goto(inject('baseUrl'))
  await page.evaluate(
    ({ workerCode, appWorkerCode, controllerCode }) => {
      const blobUrl = (code: string) =>
        URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))
      Object.assign(window, {
        workerUrl: blobUrl(workerCode),
        appWorkerUrl: blobUrl(appWorkerCode),
      })
      const script = document.createElement('script')
      script.type = 'module'
      script.src = URL.createObjectURL(new Blob([controllerCode], { type: 'text/javascript' }))
      document.head.append(script)
    },
    { workerCode, appWorkerCode, controllerCode },
  )
  await page.waitForFunction(() => 'runWithRunner' in window)
})

afterAll(async () => {
  await browser?.close()
})

/** Node's time limit far out of reach, as the fixture's Worker's is: a busy machine is slow, not wrong. */
const unhurried = { timeLimitMs: 120_000 }

/** Cookie expiry dates depend on the clock, not the runtime; blank them before comparing. */
const withoutTimes = comparableVerdict

function runInWorker(request: RunRequest, timeLimitMs?: number): Promise<Verdict> {
  return page.evaluate(
    ({ request, timeLimitMs }) =>
      (
        window as unknown as { runInWorker: (r: unknown, t?: number) => Promise<Verdict> }
      ).runInWorker(request, timeLimitMs),
    { request, timeLimitMs },
  )
}

describe('Worker and Node give identical verdicts', () => {
  for (const slug of listExercises()) {
    const bundle = loadExercise(slug)
    it(`${slug}: solution`, async () => {
      const request = requestFor(bundle, bundle.solution)
      // No time limit in reach: whether the page's own limit (RUN_TIME_LIMIT_MS) is enough for
      // the slowest solution is a measurement, for a benchmark, not a test a busy machine fails.
      const [node, worker] = [
        await runInNode(bundle, bundle.solution, {}, unhurried),
        await runInWorker(request),
      ]
      expect(worker.status).toBe('passed')
      expect(withoutTimes(worker)).toEqual(withoutTimes(node))
    })
    it(`${slug}: starter`, async () => {
      const node = await runInNode(bundle, bundle.starter, {}, unhurried)
      const worker = await runInWorker(requestFor(bundle, bundle.starter))
      // A starter may sign with a secret made at random at start (secret-changes-on-restart).
      const unsigned = (verdict: Verdict) =>
        JSON.parse(
          JSON.stringify(withoutTimes(verdict)).replace(/\.[\w-]{43}(?=[;"])/g, '.(signature)'),
        ) as Verdict
      expect(unsigned(worker)).toEqual(unsigned(node))
      if (bundle.meta.kind === 'debug') {
        // The bug breaks exactly the checks the exercise names, and nothing else.
        expect(worker.status).toBe('failed')
        expect(worker.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(
          bundle.meta.breaks,
        )
      }
    })
  }
  it('there is a debug exercise among them', () => {
    expect(listExercises().filter((slug) => loadExercise(slug).meta.kind === 'debug')).toContain(
      'fix-the-user-loader',
    )
  })
  it('complete-the-login-flow with a wrong answer fails the same named checks', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const files = {
      'app.ts': (bundle.solution['app.ts'] ?? '').replace("form['remember']", "form['rememberMe']"),
    }
    const worker = await runInWorker(requestFor(bundle, files))
    expect(worker.status).toBe('failed')
    expect(withoutTimes(worker)).toEqual(
      withoutTimes(await runInNode(bundle, files, {}, unhurried)),
    )
  })
})

describe('createRunner, the page-facing API', () => {
  it('falls back to the Worker when the WebContainer never boots, says why, and grades alike', async () => {
    const bundle = loadExercise('manual-session-login')
    const { verdict, status, statuses } = await page.evaluate(
      ({ bundle }) =>
        (
          window as unknown as {
            runWithRunner: (
              b: unknown,
              f: Record<string, string>,
            ) => Promise<{ verdict: Verdict; status: RunnerStatus; statuses: string[] }>
          }
        ).runWithRunner(bundle, {}),
      { bundle },
    )
    expect(statuses).toEqual([
      'worker/idle',
      'worker/idle',
      'worker/booting',
      'worker/failed',
      'worker/idle', // dispose()
    ])
    expect(status.note).toBe(
      "Node in the browser could not start: it did not start within 0.3 seconds (StackBlitz's servers may be unreachable). Your code runs in this page instead; the checks are the same.",
    )
    expect(verdict.message).toBeUndefined()
    expect(verdict.output).toEqual([
      '401',
      'Logged in as ada',
      'Welcome to your dashboard, ada!',
      'Logged out',
      '401',
    ])
    expect(withoutTimes(verdict)).toEqual(withoutTimes(await runInNode(bundle, {}, {}, unhurried)))
  })
})

describe('the Worker runtime protects the learner and the page', () => {
  const bundle = loadExercise('complete-the-login-flow')
  const solution = bundle.solution['app.ts'] ?? ''

  /**
   * Add a GET route to the solution whose body (learner code, returning a JSON object of strings)
   * looks around the Worker, run it there, and return what it saw.
   */
  async function probeInWorker(path: string, body: string): Promise<Record<string, string>> {
    const probe = solution.replace(
      'export default app',
      `app.get('${path}', async (c) => {\n${body}\n})\nexport default app`,
    )
    const request = requestFor(bundle, { 'app.ts': probe })
    request.checks = `import { defineChecks, CheckFailure } from 'signed-in/checks'\nexport default defineChecks([{ name: 'probe', async run({ client }) { throw new CheckFailure((await client.get('${path}')).body) } }])`
    const verdict = await runInWorker(request)
    return JSON.parse(verdict.checks[0]?.message ?? '{}') as Record<string, string>
  }

  it('stops a runaway loop after the time limit, with a clear message, and recovers', async () => {
    const looping = solution.replace(
      "app.post('/logout'",
      "app.get('/spin', (c) => { while (true) {} })\napp.post('/logout'",
    )
    const request = requestFor(bundle, { 'app.ts': looping })
    request.checks = `import { defineChecks } from 'signed-in/checks'\nexport default defineChecks([{ name: 'spins', async run({ client }) { await client.get('/spin') } }])`
    const verdict = await runInWorker(request, 1000)
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(
      /^Your code ran for more than 1 second without answering, so it was stopped\. Look for a loop that never ends/,
    )
    const after = await runInWorker(requestFor(bundle, bundle.solution))
    expect(after.status).toBe('passed')
  })

  it('gives each run a fresh realm, the spare handed to the grader between runs, and ends every app Worker with its run', async () => {
    // A runtime of its own (its own time limit). Each run's app Workers end with it, so after
    // three more runs the page holds as many Workers as before them.
    const counting = solution.replace(
      'export default app',
      "const seen = ((globalThis as any).__runs = ((globalThis as any).__runs ?? 0) + 1)\napp.get('/runs', (c) => c.text(String(seen)))\nexport default app",
    )
    const request = requestFor(bundle, { 'app.ts': counting })
    request.checks = `import { defineChecks, CheckFailure } from 'signed-in/checks'\nexport default defineChecks([{ name: 'runs', async run({ client }) { throw new CheckFailure((await client.get('/runs')).body) } }])`
    const seen: string[] = []
    const threeRuns = async () => {
      for (let run = 0; run < 3; run++) {
        // A pause, as a learner reads the result: the next spare is ready and handed over by then.
        await page.waitForTimeout(400)
        seen.push((await runInWorker(request, 2999)).checks[0]?.message ?? '')
      }
      await page.waitForTimeout(400)
    }
    // Other tests' runtimes share the page, and theirs may still be replacing a spare: count once
    // the number has held still for a while.
    const stableCount = async () => {
      let last = -1
      for (let tries = 0; tries < 40; tries++) {
        const now = page.workers().length
        if (now === last) return now
        last = now
        await page.waitForTimeout(500)
      }
      return last
    }
    await threeRuns()
    const settled = await stableCount()
    await threeRuns()
    expect(seen).toEqual(['1', '1', '1', '1', '1', '1'])
    // A leak would leave one more app Worker per run: three.
    expect(await stableCount()).toBeLessThanOrEqual(settled)
    const passed = await runInWorker(requestFor(bundle, bundle.solution), 2999)
    expect(passed.status).toBe('passed')
  })

  it('starts no app Worker while a one-realm run runs: the next spare starts after it', async () => {
    const example = loadExercise('manual-session-login')
    const counts = await page.evaluate(
      (request) =>
        (
          window as unknown as { appWorkersStartedWhileRunning: (r: unknown) => Promise<number[]> }
        ).appWorkersStartedWhileRunning(request),
      requestFor(example, {}),
    )
    expect(counts).toEqual([0, 0])
  })

  it('warms an app Worker up only between runs: never the one a first run is waiting for', async () => {
    const example = loadExercise('manual-session-login')
    const told = await page.evaluate(
      (request) =>
        (
          window as unknown as {
            warmUpsAroundAColdRun: (r: unknown) => Promise<{ during: number; after: number }>
          }
        ).warmUpsAroundAColdRun(request),
      requestFor(example, {}),
    )
    expect(told).toEqual({ during: 0, after: 1 })
  })

  it('reports the file, line and column where learner code threw', async () => {
    const broken = solution.replace(
      'const loginManager = new LoginManager<User>()',
      'const loginManager = new LoginManager<User>()\nconst boom: { x: number } | undefined = undefined as never; boom!.x',
    )
    const verdict = await runInWorker(requestFor(bundle, { 'app.ts': broken }))
    expect(verdict.status).toBe('error')
    expect(verdict.error).toMatchObject({ file: 'app.ts', line: 16 })
    expect(verdict.error?.column).toBeGreaterThan(0)
    expect(verdict.message).toContain('Your code could not start')
    expect(verdict).toEqual(await runInNode(bundle, { 'app.ts': broken }, {}, unhurried))
  })

  it("reports the learner's file, line and column for an error thrown inside a route handler", async () => {
    const files = {
      'app.ts': solution
        .replace(
          "app.get('/dashboard', loginRequired<User>(), (c) =>",
          "app.get('/dashboard', loginRequired<User>(), (c: Context) => { const n: number = 1; throw new Error('boom ' + n) })\napp.get('/unused', (c) =>",
        )
        .replace("import { Hono } from 'hono'", "import { Hono, type Context } from 'hono'"),
    }
    const worker = await runInWorker(requestFor(bundle, files))
    const failed = worker.checks.find((c) => !c.passed)
    expect(failed?.error).toEqual({ message: 'boom 1', file: 'app.ts', line: 34, column: 91 })
    expect(failed?.message).toContain('(app.ts, line 34, column 91)')
    expect(withoutTimes(worker)).toEqual(
      withoutTimes(await runInNode(bundle, files, {}, unhurried)),
    )
  })

  it('reports each printed line as it happens, before the verdict', async () => {
    const example = loadExercise('manual-session-login')
    const { verdict, events } = await page.evaluate(
      ({ request }) =>
        (
          window as unknown as {
            runInWorkerWithEvents: (r: unknown) => Promise<{ verdict: Verdict; events: string[] }>
          }
        ).runInWorkerWithEvents(request),
      { request: requestFor(example, {}) },
    )
    expect(events).toEqual([
      '0: 401',
      '1: Logged in as ada',
      '2: Welcome to your dashboard, ada!',
      '3: Logged out',
      '4: 401',
      'verdict',
    ])
    expect(withoutTimes(verdict)).toEqual(withoutTimes(await runInNode(example, {}, {}, unhurried)))
  })

  it('serves hono subpaths beyond the usual: cors, secure-headers, validator and jwt work as in Node', async () => {
    const fixture = 'tests/browser/fixtures/hono-subpaths'
    const request: RunRequest = {
      files: { 'app.ts': readFileSync(`${fixture}/app.ts`, 'utf8') },
      editable: ['app.ts'],
      checks: readFileSync(`${fixture}/checks.ts`, 'utf8'),
      entry: 'app.ts',
    }
    const worker = await runInWorker(request)
    expect(worker.checks.map((c) => [c.name, c.passed])).toEqual([
      ['hono/secure-headers sets its headers', true],
      ['hono/cors allows the right origin', true],
      ['hono/validator turns away a body without a name', true],
      ['hono/jwt signs a token that it then verifies, and refuses a forged one', true],
    ])
    expect(worker).toEqual(await runExercise(request, courseModules))
  })

  it('turns away every way to run text as code, so import() cannot reach the network', async () => {
    const url = `${inject('baseUrl')}/escape-probe.js`
    const requested: string[] = []
    page.context().on('request', (request) => {
      if (request.url().includes('escape-probe')) requested.push(request.url())
    })
    const seen = await probeInWorker(
      '/escape',
      `  const url = ${JSON.stringify(url)}
  const code = 'return import(' + JSON.stringify(url) + ')'
  const seen: Record<string, string> = {}
  const attempt = async (name: string, run: () => unknown) => {
    try {
      await run()
      seen[name] = 'ran'
    } catch (error) {
      seen[name] = error instanceof Error ? error.name + ': ' + error.message : String(error)
    }
  }
  const g = globalThis as unknown as Record<string, (...args: unknown[]) => unknown>
  await attempt('eval', () => g['eval']?.('import(' + JSON.stringify(url) + ')') ?? Promise.reject(new TypeError('eval is gone')))
  await attempt('Function', () => (new Function(code) as () => unknown)())
  await attempt('arrow constructor', () => ((() => 0).constructor as (s: string) => () => unknown)(code)())
  await attempt('async constructor', () => ((async () => 0).constructor as (s: string) => () => unknown)(code)())
  await attempt('generator constructor', () => ((function* () {}).constructor as (s: string) => () => unknown)(code)())
  await attempt('setTimeout', () => (setTimeout as unknown as (s: string) => unknown)(code))
  await attempt('setInterval', () => (setInterval as unknown as (s: string) => unknown)(code))
  await attempt('import()', () => import(url))
  return c.json(seen)`,
    )
    const refused = `EvalError: ${NO_EVAL_MESSAGE}`
    expect(seen).toEqual({
      eval: 'TypeError: eval is gone',
      Function: refused,
      'arrow constructor': refused,
      'async constructor': refused,
      'generator constructor': refused,
      setTimeout: refused,
      setInterval: refused,
      'import()': expect.stringMatching(
        /^Error: app\.ts imports "http:.*escape-probe\.js", which is not available here\./,
      ),
    })
    // The page itself can still make that request, so the listener above would have seen one.
    // (A string, so the test runner does not rewrite this import() for Node.)
    await page.evaluate(`import(${JSON.stringify(url)}).catch(() => undefined)`)
    await expect.poll(() => requested.length).toBe(1)
  })

  it('gives learner code no DOM, storage, network or messaging', async () => {
    // The named ones must stay blocked whatever the list says; the rest of the list is checked too.
    const required = [
      'indexedDB',
      'caches',
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'importScripts',
      'BroadcastChannel',
      'postMessage',
      'onmessage',
    ]
    const names = [
      ...new Set([
        ...required,
        ...BLOCKED_GLOBALS,
        'document',
        'window',
        'localStorage',
        'sessionStorage',
      ]),
    ]
    const seen = await probeInWorker(
      '/probe',
      `  const g = globalThis as Record<string, unknown>
  const proto = Object.getPrototypeOf(globalThis) as Record<string, unknown>
  const seen: Record<string, string> = {}
  for (const name of ${JSON.stringify(names)}) seen[name] = typeof g[name]
  seen.protoFetch = typeof proto.fetch
  seen.protoPostMessage = typeof proto.postMessage
  seen.storage = typeof (g.navigator as Record<string, unknown>).storage
  try {
    Object.defineProperty(globalThis, 'fetch', { value: () => 1 })
    seen.restoredFetch = typeof g.fetch
  } catch {
    seen.restoredFetch = 'undefined'
  }
  return c.json(seen)`,
    )
    const expected = [...names, 'protoFetch', 'protoPostMessage', 'storage', 'restoredFetch']
    expect(seen).toEqual(Object.fromEntries(expected.map((name) => [name, 'undefined'])))
  })
})

describe('hostile learner files, in the Worker runtime', () => {
  const LIMIT_MS = 3000
  for (const hostile of HOSTILE_FILES) {
    it(hostile.name, async () => {
      const verdict = await runInWorker(hostile.request, LIMIT_MS)
      if (hostile.expect === 'time-limit')
        expect(verdict).toEqual(timeLimitVerdict(LIMIT_MS, hostile.doing, hostile.request.files))
      else if (hostile.expect === 'second-fails') {
        expect(verdict.status).toBe('failed')
        expect(verdict.checks.map((check) => check.passed)).toEqual([true, false])
      } else
        expect(comparableVerdict(verdict)).toEqual(
          comparableVerdict(await runInWorker(HONEST_WRONG, LIMIT_MS)),
        )
      expect((await runInWorker(HONEST_RIGHT, LIMIT_MS)).status).toBe('passed')
    })
  }
})

describe('hostile test files graded by mutants, in the Worker runtime', () => {
  let honest: Verdict | undefined
  for (const hostile of HOSTILE_TEST_FILES) {
    it(
      hostile.name,
      async () => {
        await expectHostileVerdict(
          hostile,
          await runInWorker(hostile.request),
          2,
          async () => (honest ??= await runInWorker(HONEST_NOTHING)),
        )
      },
      120_000,
    )
  }
})

describe("the checks' clock in the app Worker", () => {
  it("clock.advance() moves the app's Date.now(), new Date() and Date(), and the jars' expiry", async () => {
    const verdict = await runInWorker(CLOCK_PROBE)
    expect(
      verdict.checks.map((c) => (c.passed ? `✓ ${c.name}` : `✗ ${c.name}: ${c.message}`)),
    ).toEqual(['✓ clock'])
  })
})

describe('SQLite (signed-in/db) in the app Worker', () => {
  it('opens app.db from the seed, and a restart keeps the file, as in Node', async () => {
    const verdict = await runInWorker(DATABASE_PROBE, 10_000)
    expect(
      verdict.checks.map((c) => (c.passed ? `✓ ${c.name}` : `✗ ${c.name}: ${c.message}`)),
    ).toEqual(['✓ seed and migrations', '✓ a restart keeps the file'])
    expect(withoutTimes(verdict)).toEqual(withoutTimes(await gradeInNode(DATABASE_PROBE)))
    // Three realms (a start and two restarts) and a second run, after whatever earlier tests ran
    // in this page: one download in the page's whole life, compiled once.
    await runInWorker(DATABASE_PROBE, 10_000)
    expect(wasmRequests).toEqual([
      expect.stringMatching(/\/_astro\/sql-wasm-browser\.[\w-]+\.wasm$/),
    ])
  })

  it('says the seed is the course’s bug when it fails, as in Node', async () => {
    const verdict = await runInWorker({ ...DATABASE_PROBE, seed: 'CREAT TABLE users (id)' }, 10_000)
    expect(verdict.message).toMatch(
      /^The database could not be opened, which is a bug in the course: The exercise's seed data \(seed.sql\) failed: .*syntax error/,
    )
  })
})
