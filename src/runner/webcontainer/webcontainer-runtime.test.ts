import type { WebContainer } from '@webcontainer/api'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { listExercises, loadExercise } from '../exercise-files'
import { runInNode } from '../node-runtime'
import { requestFor } from '../run-request'
import type { Verdict } from '../verdict'
import { buildContainerTree } from './dependency-tree'
import { FakeWebContainer } from './fake-webcontainer'
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

const withoutTimes = (verdict: Verdict) =>
  JSON.parse(JSON.stringify(verdict).replace(/Expires=[^;"]+/g, 'Expires=(time)')) as Verdict

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

  it('a wrong answer fails the same named checks as in Node', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const files = {
      'app.ts': (bundle.solution['app.ts'] ?? '').replace('remember: true', 'remember: false'),
    }
    expect(withoutTimes(await runtime.run(requestFor(bundle, files)))).toEqual(
      withoutTimes(await runInNode(bundle, files)),
    )
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

  it('serves the learner app for the live preview, with real cookies', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const announced: string[] = []
    const stop = runtime.onServerReady((url) => announced.push(url))
    const url = await new Promise<string>(
      (resolve) => void runtime.startPreview(requestFor(bundle, bundle.solution), resolve),
    )
    stop()
    expect(announced).toEqual([url])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${url}/dashboard`)).status).toBe(401)
    const login = await fetch(`${url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'ada', password: 'analytical-engine' }),
      redirect: 'manual',
      headers: { Origin: url },
    })
    expect(login.status).toBe(302)
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect(await (await fetch(`${url}/dashboard`, { headers: { Cookie: cookie } })).text()).toBe(
      'Welcome back, Ada!',
    )
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
