import { comparableVerdict } from '../../tests/support/comparable-verdict'
import { build } from 'esbuild'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { loadExercise } from '../course/exercise-files'
import { createRunner, describeRuntime, type RunnerStatus } from './index'
import { runInNode } from '../course/node-runtime'
import { buildContainerTree } from '../course/dependency-tree'
import { FakeWebContainer } from '../../tests/fakes/fake-webcontainer'

// Node has no Web Worker, so here the runner is driven through its WebContainer side (a fake that
// really runs Node); tests/browser/runner-worker.test.ts drives the same runner with a real Worker.
const noWorker = () => {
  throw new Error('no Worker in Node')
}

describe('createRunner with a WebContainer that boots', async () => {
  const tree = await buildContainerTree()
  const runner = createRunner({
    createWorker: noWorker,
    webcontainer: {
      boot: () => FakeWebContainer.boot(),
      loadTree: async () => tree,
      supported: () => true,
    },
  })
  const seen: RunnerStatus[] = []
  runner.onStatus((status) => seen.push(status))
  afterAll(() => runner.dispose())

  it('starts on the Worker, then moves to the WebContainer once it is ready', async () => {
    expect(runner.status.runtime).toBe('worker')
    runner.chooseRuntime('webcontainer')
    const bundle = loadExercise('manual-session-login')
    const verdict = await runner.run(bundle, {})
    expect(runner.status).toMatchObject({ runtime: 'webcontainer', previewAvailable: true })
    expect(seen.map((s) => s.webcontainer.state)).toEqual(['idle', 'idle', 'booting', 'ready'])
    expect(comparableVerdict(verdict)).toEqual(comparableVerdict(await runInNode(bundle, {})))
  })

  it('serves the live preview and announces its URL', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const url = new Promise<string>((resolve) => runner.onServerReady(resolve))
    expect(await runner.startPreview(bundle, bundle.solution)).toBe(true)
    expect((await fetch(`${await url}/dashboard`)).status).toBe(401)
  })

  it('choosing the Worker leaves the WebContainer alone and says so', () => {
    expect(runner.chooseRuntime('worker')).toMatchObject({
      runtime: 'worker',
      note: 'Your code runs in this page (chosen). Checks are the same everywhere.',
    })
  })
})

describe('createRunner warming', () => {
  it('starts with the saved preference; warm() boots nothing, bootInBackground() boots once', async () => {
    let boots = 0
    const runner = createRunner({
      createWorker: noWorker,
      preference: 'webcontainer',
      webcontainer: {
        boot: () => {
          boots++
          return FakeWebContainer.neverBoots()
        },
        supported: () => true,
        bootTimeoutMs: 100,
      },
    })
    expect(runner.status.preference).toBe('webcontainer')
    runner.warm()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(boots).toBe(0)
    expect(runner.status.webcontainer.state).toBe('idle')
    runner.bootInBackground()
    await vi.waitFor(() => expect(boots).toBe(1))
    runner.bootInBackground()
    expect(boots).toBe(1)
    runner.chooseRuntime('worker')
    expect(runner.status.preference).toBe('worker')
    await runner.dispose()
  })
})

describe('createRunner when the WebContainer cannot start', () => {
  it('times out a boot that never settles, says why, and runs in the Worker', async () => {
    const runner = createRunner({
      createWorker: noWorker,
      webcontainer: {
        boot: () => FakeWebContainer.neverBoots(),
        supported: () => true,
        bootTimeoutMs: 200,
      },
    })
    runner.chooseRuntime('webcontainer')
    const verdict = await runner.run(loadExercise('manual-session-login'), {})
    expect(runner.status).toMatchObject({ runtime: 'worker', webcontainer: { state: 'failed' } })
    expect(runner.status.note).toBe(
      "Node in the browser could not start: it did not start within 0.2 seconds (StackBlitz's servers may be unreachable). Your code runs in this page instead; the checks are the same.",
    )
    // Node has no Worker, so the fallback reports that plainly instead of rejecting.
    expect(verdict).toMatchObject({
      status: 'error',
      message: 'The in-page runner could not start: no Worker in Node',
    })
    await runner.dispose()
  })

  it('does not try on a page that cannot host one', async () => {
    const runner = createRunner({
      createWorker: noWorker,
      webcontainer: { supported: () => false },
    })
    runner.chooseRuntime('auto')
    expect(await runner.startPreview(loadExercise('account-page'), {})).toBe(false)
    expect(runner.status.webcontainer).toEqual({
      state: 'failed',
      reason: 'this browser or page cannot host one',
    })
  })
})

describe('describeRuntime', () => {
  it('says nothing until a WebContainer is tried, and explains booting', () => {
    expect(describeRuntime('auto', { state: 'idle' }).note).toBe('')
    expect(describeRuntime('auto', { state: 'booting' })).toMatchObject({ runtime: 'worker' })
    expect(describeRuntime('worker', { state: 'ready' }).runtime).toBe('worker')
  })
})

describe('src/runner/index.ts in the browser', () => {
  it('bundles for the browser without any Node-only module', async () => {
    const result = await build({
      entryPoints: ['src/runner/index.ts'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      metafile: true,
      // Vite's `?url` (SQLite's wasm) is a URL string in the site's build, not code.
      external: ['*?url'],
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((path) => path.startsWith('src/runner/')).sort()).not.toContainEqual(
      expect.stringMatching(/exercise-files|node-runtime|fake-webcontainer|dependency-tree|hooks/),
    )
    expect(inputs).toContain('src/runner/worker/worker-runtime.ts')
  })
})
