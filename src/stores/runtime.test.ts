import { setPersistentEngine } from '@nanostores/persistent'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { loadExercise } from '../course/exercise-files'

// Node has no Worker and is not cross-origin isolated, so here the store meets what an old browser
// would: no WebContainer, and a Worker that cannot start. The browser tests drive the real thing.
let storage: Record<string, string>
const noEvents = { addEventListener() {}, removeEventListener() {} }

async function freshStore() {
  vi.resetModules()
  return import('./runtime')
}

beforeEach(() => {
  storage = {}
  setPersistentEngine(storage, noEvents)
})

describe('runtime store', () => {
  it('says nothing before anything runs, and starts no runtime', async () => {
    const { $runtimeStatus, $runtimeChoice } = await freshStore()
    expect($runtimeChoice.get()).toBe('auto')
    expect($runtimeStatus.get()).toEqual({ runtime: 'worker', note: '', previewAvailable: false })
  })

  it('remembers the choice across visits and ignores a foreign stored value', async () => {
    const first = await freshStore()
    first.chooseRuntime('worker')
    expect(storage['signed-in:runtime']).toBe('worker')
    expect((await freshStore()).$runtimeChoice.get()).toBe('worker')
    storage['signed-in:runtime'] = '<script>'
    expect((await freshStore()).$runtimeChoice.get()).toBe('auto')
  })

  it('explains why a WebContainer cannot start here, and still answers a run with a verdict', async () => {
    const { $runtimeStatus, chooseRuntime, runInChosenRuntime, startPreview } = await freshStore()
    chooseRuntime('webcontainer')
    await vi.waitFor(() => expect($runtimeStatus.get().note).toMatch(/could not start/))
    expect($runtimeStatus.get()).toEqual({
      runtime: 'worker',
      note: 'Node in the browser could not start: this browser or page cannot host one. Your code runs in this page instead; the checks are the same.',
      previewAvailable: false,
    })
    const bundle = loadExercise('manual-session-login')
    const verdict = await runInChosenRuntime(bundle, {})
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(/^The in-page runner could not start: .*Worker/)
    expect(await startPreview(bundle, {}, () => undefined)).toBe(false)
  })

  it('a choice made in the store reaches the runner before a run', async () => {
    const { $runtimeStatus, chooseRuntime, runInChosenRuntime } = await freshStore()
    chooseRuntime('worker')
    await runInChosenRuntime(loadExercise('manual-session-login'), {})
    expect($runtimeStatus.get().note).toBe(
      'Your code runs in this page (chosen). Checks are the same everywhere.',
    )
  })

  it('tries a WebContainer only after a run (here, where none can start, it says so)', async () => {
    const { $runtimeStatus, runInChosenRuntime, warmRuntime } = await freshStore()
    warmRuntime()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect($runtimeStatus.get().note).toBe('')
    await runInChosenRuntime(loadExercise('manual-session-login'), {})
    await vi.waitFor(() =>
      expect($runtimeStatus.get().note).toMatch(/^Node in the browser could not start/),
    )
  })
})
