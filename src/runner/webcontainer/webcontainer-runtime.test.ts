import { comparableVerdict } from '../../../tests/support/comparable-verdict'
import type { WebContainer } from '@webcontainer/api'
import type { Verdict } from '../../grader/verdict'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { HONEST_RIGHT, HONEST_WRONG, HOSTILE_FILES } from '../../../tests/hostile/hostile-files'
import {
  expectHostileVerdict,
  HONEST_NOTHING,
  HOSTILE_TEST_FILES,
} from '../../../tests/hostile/hostile-test-files'
import { CLOCK_PROBE } from '../../../tests/clock/clock-probe'
import { DATABASE_PROBE } from '../../../tests/database/database-probe'
import { listExercises, loadExercise } from '../../course/exercise-files'
import { abortedVerdict, timeLimitVerdict } from '../../grader/time-limit'
import { runInNode } from '../../course/node-runtime'
import { requestFor } from '../../grader/run-request'
import { buildContainerTree } from '../../course/dependency-tree'
import { FakeWebContainer } from '../../../tests/fakes/fake-webcontainer'
import {
  WebContainerRuntime,
  type WebContainerLike,
  type WebContainerStatus,
} from './webcontainer-runtime'

async function collect(stream: ReadableStream<string>): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += chunk
  return text
}

const withoutTimes = comparableVerdict

describe('the fake WebContainer', () => {
  it('has the real package types: the adapter needs no more than the real one gives', () => {
    expectTypeOf<Omit<FakeWebContainer, 'fs'>>().toExtend<
      Pick<WebContainer, 'mount' | 'spawn' | 'on' | 'teardown'>
    >()
    expectTypeOf<FakeWebContainer['fs']>().toExtend<
      Pick<WebContainer['fs'], 'readFile' | 'writeFile' | 'mkdir' | 'rm'>
    >()
    expectTypeOf<WebContainer>().toExtend<WebContainerLike>()
  })

  it('mounts trees, reads and removes files, and spawns real Node with either signature', async () => {
    const container = await FakeWebContainer.boot()
    try {
      await container.mount(
        {
          'hello.mjs': {
            file: { contents: 'process.stdin.on("data", (d) => console.log(`hi ${d}`))' },
          },
        },
        { mountPoint: 'app' },
      )
      expect(await container.fs.readFile('app/hello.mjs', 'utf-8')).toContain('process.stdin')
      expect(await container.fs.readFile('app/hello.mjs')).toBeInstanceOf(Uint8Array)
      expect(await container.fs.mkdir('a/b', { recursive: true })).toBe('a/b')
      const echo = await container.spawn('node', ['hello.mjs'], { cwd: 'app' })
      const writer = echo.input.getWriter()
      await writer.write('Ada')
      await writer.close()
      expect(await echo.exit).toBe(0)
      expect(await collect(echo.output)).toBe('hi Ada\n')
      const version = await container.spawn('node', { env: { NODE_OPTIONS: '' } })
      version.kill()
      expect(await version.exit).not.toBe(0)
      await container.fs.rm('app', { recursive: true })
      await expect(container.fs.readFile('app/hello.mjs', 'utf-8')).rejects.toThrow()
    } finally {
      container.teardown()
    }
  })
})

describe('WebContainer runtime (against a fake that really runs Node)', () => {
  let runtime: WebContainerRuntime
  const statuses: WebContainerStatus[] = []

  beforeAll(async () => {
    const tree = await buildContainerTree()
    runtime = new WebContainerRuntime({
      boot: () => FakeWebContainer.boot(),
      loadTree: async () => tree,
      // Two Node processes start per run (runner.mjs, then app-server.mjs): on a busy machine
      // that alone can pass the 5 s limit, and this test is about verdicts, not speed.
      runTimeoutMs: 30_000,
      onStatus: (s) => statuses.push(s),
    })
    expect(await runtime.start()).toBe(true)
  }, 60_000)

  afterAll(() => runtime?.dispose())

  it('boots once, mounting the prebuilt tree', async () => {
    expect(statuses.map((s) => s.state)).toEqual(['booting', 'ready'])
    expect(await runtime.start()).toBe(true)
    expect(statuses).toHaveLength(2)
  })

  for (const slug of listExercises()) {
    it(`${slug}: the solution gets the same verdict as in Node`, async () => {
      const bundle = loadExercise(slug)
      const verdict = await runtime.run(requestFor(bundle, bundle.solution))
      expect(verdict.status).toBe('passed')
      expect(withoutTimes(verdict)).toEqual(withoutTimes(await runInNode(bundle, bundle.solution)))
    })
  }

  it("clock.advance() moves the app's clock in its own process, across a restart", async () => {
    const verdict = await runtime.run(CLOCK_PROBE)
    expect(
      verdict.checks.map((c) => (c.passed ? `✓ ${c.name}` : `✗ ${c.name}: ${c.message}`)),
    ).toEqual(['✓ clock'])
  })

  it('runs signed-in/db from the prebuilt tree: the seed, and a file that survives a restart', async () => {
    const verdict = await runtime.run(DATABASE_PROBE)
    expect(verdict.message).toBeUndefined()
    expect(
      verdict.checks.map((c) => (c.passed ? `✓ ${c.name}` : `✗ ${c.name}: ${c.message}`)),
    ).toEqual(['✓ seed and migrations', '✓ a restart keeps the file'])
  })

  it('a wrong answer fails the same named checks as in Node', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const files = {
      'app.ts': (bundle.solution['app.ts'] ?? '').replace("form['remember']", "form['rememberMe']"),
    }
    const verdict = await runtime.run(requestFor(bundle, files))
    expect(verdict.status).toBe('failed')
    expect(withoutTimes(verdict)).toEqual(withoutTimes(await runInNode(bundle, files)))
  })

  it.each([
    [
      'a syntax error',
      (code: string) => code.replace('const app = new Hono', 'const app = new Hono('),
    ],
    [
      'a thrown error',
      (code: string) => code.replace('const app = new', 'null!.x\nconst app = new'),
    ],
  ])('%s is reported at the same file, line and column as in Node', async (_name, breakIt) => {
    const bundle = loadExercise('complete-the-login-flow')
    const files = { 'app.ts': breakIt(bundle.solution['app.ts'] ?? '') }
    const verdict = await runtime.run(requestFor(bundle, files))
    expect(verdict.error?.line).toBeGreaterThan(0)
    expect(verdict).toEqual(await runInNode(bundle, files))
  })

  it("reports an example's lines as runner.mjs prints them, and the verdict carries them too", async () => {
    const bundle = loadExercise('manual-session-login')
    const lines: Array<[string, number]> = []
    const verdict = await runtime.run(requestFor(bundle, {}), {
      onOutput: (line, index) => lines.push([line, index]),
    })
    expect(lines).toEqual((verdict.output ?? []).map((line, index) => [line, index]))
    expect(lines).toHaveLength(5)
  })

  it('serves the learner app for the live preview: a home page, a login form, and real cookies', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const announced: string[] = []
    const stop = runtime.onServerReady((url) => announced.push(url))
    const url = await new Promise<string>(
      (resolve) => void runtime.startPreview(requestFor(bundle, bundle.solution), resolve),
    )
    stop()
    expect(announced).toEqual([url])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    // The iframe opens on /: a real page with somewhere to go, not a 404.
    const home = await fetch(`${url}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('Content-Type')).toContain('text/html')
    const homeHtml = await home.text()
    expect(homeHtml).toContain('Nobody is signed in.')
    expect(homeHtml).toContain('<a href="/login">Log in</a>')
    expect(homeHtml).toContain('<a href="/dashboard">Dashboard</a>')

    // The login form posts username and password to /login.
    const form = await (await fetch(`${url}/login`)).text()
    expect(form).toMatch(/<form method="post" action="\/login">/)
    expect(form).toMatch(/<input name="username"[^>]*required/)
    expect(form).toMatch(/<input name="password" type="password"[^>]*required/)
    expect(form).toMatch(/<input name="remember" type="checkbox"/)

    expect((await fetch(`${url}/dashboard`)).status).toBe(401)
    // Post the form as the browser would, and keep the cookies it sets.
    const login = await fetch(`${url}/login`, {
      method: 'POST',
      body: new URLSearchParams({
        username: 'ada',
        password: 'analytical-engine',
        remember: 'on',
      }),
      redirect: 'manual',
      headers: { Origin: url },
    })
    expect(login.status).toBe(302)
    expect(login.headers.get('Location')).toBe('/dashboard')
    const setCookie = login.headers.getSetCookie()
    expect(setCookie.map((c) => c.split('=')[0]).sort()).toEqual(['remember_token', 'session'])
    expect(setCookie.every((c) => /; HttpOnly/i.test(c))).toBe(true)
    expect(setCookie.find((c) => c.startsWith('session='))).toMatch(/SameSite=Lax/i)
    const cookie = setCookie.map((c) => c.split(';')[0]).join('; ')
    expect(await (await fetch(`${url}/dashboard`, { headers: { Cookie: cookie } })).text()).toBe(
      'Welcome back, Ada!',
    )
    const signedIn = await (await fetch(`${url}/`, { headers: { Cookie: cookie } })).text()
    expect(signedIn).toContain('Signed in as Ada.')
    expect(signedIn).toMatch(/<form method="post" action="\/logout">/)

    // The page's logout form ends the login and clears the remember-me cookie.
    const logout = await fetch(`${url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: url },
    })
    expect(logout.status).toBe(302)
    expect(
      logout.headers
        .getSetCookie()
        .some((c) => /^remember_token=;/.test(c) || /^remember_token=.*Max-Age=0/i.test(c)),
    ).toBe(true)
  })
})

describe('WebContainer boot failures', () => {
  it('gives up after the boot timeout when boot never settles, as offline', async () => {
    const runtime = new WebContainerRuntime({
      boot: () => FakeWebContainer.neverBoots(),
      loadTree: async () => ({}),
      bootTimeoutMs: 200,
    })
    expect(await runtime.start()).toBe(false)
    expect(runtime.status).toEqual({
      state: 'failed',
      reason: "it did not start within 0.2 seconds (StackBlitz's servers may be unreachable)",
    })
    await expect(
      runtime.run({ files: {}, editable: [], checks: '', entry: 'app.ts' }),
    ).rejects.toThrow('use the in-page runtime')
  })

  it('reports an unsupported browser', async () => {
    const runtime = new WebContainerRuntime({
      boot: () => Promise.reject(new Error('Your browser does not support all necessary features')),
      loadTree: async () => ({}),
    })
    expect(await runtime.start()).toBe(false)
    expect(runtime.status).toMatchObject({
      state: 'failed',
      reason: 'Your browser does not support all necessary features',
    })
  })
})

describe('hostile learner files, in the WebContainer (the fake really runs Node)', () => {
  const LIMIT_MS = 8000
  let hostileRuntime: WebContainerRuntime
  beforeAll(async () => {
    const tree = await buildContainerTree()
    hostileRuntime = new WebContainerRuntime({
      boot: () => FakeWebContainer.boot(),
      loadTree: async () => tree,
      runTimeoutMs: LIMIT_MS,
    })
    expect(await hostileRuntime.start()).toBe(true)
  }, 60_000)
  afterAll(() => hostileRuntime?.dispose())

  it('a run cancelled through its signal is stopped at once, and the next run is unaffected', async () => {
    const endless = HOSTILE_FILES.find((hostile) => hostile.expect === 'time-limit')
    if (!endless) throw new Error('no endless hostile file')
    const controller = new AbortController()
    const running = hostileRuntime.run(endless.request, {}, controller.signal)
    setTimeout(() => controller.abort(new Error('a newer run replaced it')), 300)
    // The time limit would give its own message; this one can only come from the cancellation.
    expect(await running).toEqual(abortedVerdict(new Error('a newer run replaced it')))
    expect((await hostileRuntime.run(HONEST_RIGHT)).status).toBe('passed')
  })

  for (const hostile of HOSTILE_FILES) {
    it(hostile.name, async () => {
      const verdict = await hostileRuntime.run(hostile.request)
      if (hostile.expect === 'time-limit')
        expect(verdict).toEqual(timeLimitVerdict(LIMIT_MS, hostile.doing, hostile.request.files))
      else if (hostile.expect === 'second-fails') {
        expect(verdict.status).toBe('failed')
        expect(verdict.checks.map((check) => check.passed)).toEqual([true, false])
      } else
        expect(comparableVerdict(verdict)).toEqual(
          comparableVerdict(await hostileRuntime.run(HONEST_WRONG)),
        )
      expect((await hostileRuntime.run(HONEST_RIGHT)).status).toBe('passed')
    })
  }
})

describe('hostile test files graded by mutants, in the WebContainer (the fake really runs Node)', () => {
  let mutantRuntime: WebContainerRuntime
  let honest: Verdict | undefined
  beforeAll(async () => {
    const tree = await buildContainerTree()
    // Every app and every run of the tests is a Node process of its own here: twenty per Check.
    mutantRuntime = new WebContainerRuntime({
      boot: () => FakeWebContainer.boot(),
      loadTree: async () => tree,
      runTimeoutMs: 120_000,
    })
    expect(await mutantRuntime.start()).toBe(true)
  }, 60_000)
  afterAll(() => mutantRuntime?.dispose())

  for (const hostile of HOSTILE_TEST_FILES) {
    it(
      hostile.name,
      async () => {
        await expectHostileVerdict(
          hostile,
          await mutantRuntime.run(hostile.request),
          2,
          async () => (honest ??= await mutantRuntime.run(HONEST_NOTHING)),
        )
      },
      180_000,
    )
  }
})
