import { describe, expect, it } from 'vitest'
import { createWarmupPolicy, type WarmupActions } from './warmup'

/** A schedule that holds work until the test says the browser is idle. */
function manualSchedule() {
  const queue: Array<() => void> = []
  return {
    schedule: { afterLoadWhenIdle: (work: () => void) => void queue.push(work) },
    idle: () => queue.splice(0).forEach((work) => work()),
  }
}

function setup(editsCode: boolean) {
  const calls: string[] = []
  const actions: WarmupActions = {
    attach: () => calls.push('attach'),
    prefetchEditor: () => calls.push('prefetchEditor'),
    warmRuntime: () => calls.push('warmRuntime'),
    bootInBackground: () => calls.push('bootInBackground'),
  }
  const { schedule, idle } = manualSchedule()
  return { calls, idle, policy: createWarmupPolicy({ editsCode }, actions, schedule) }
}

describe('warm-up policy', () => {
  it('starts nothing before the load event and idle, then attaches and prefetches once near', () => {
    const { calls, idle, policy } = setup(true)
    policy.nearViewport()
    idle()
    expect(calls).toEqual([])
    policy.loaded()
    expect(calls).toEqual([])
    idle()
    expect(calls).toEqual(['attach', 'prefetchEditor'])
  })

  it('prefetches no editor for a panel far from the viewport, or for an example', () => {
    const far = setup(true)
    far.policy.loaded()
    far.idle()
    expect(far.calls).toEqual(['attach'])
    const example = setup(false)
    example.policy.loaded()
    example.policy.nearViewport()
    example.idle()
    expect(example.calls).toEqual(['attach'])
  })

  it('on interest attaches at once; the Worker waits for the buttons where there is code to edit', () => {
    const { calls, policy } = setup(true)
    policy.interest('panel')
    expect(calls).toEqual(['attach'])
    policy.interest('actions')
    policy.interest('actions')
    expect(calls).toEqual(['attach', 'warmRuntime'])
    expect(policy.$started.get()).toMatchObject({ attach: true, warmRuntime: true })
  })

  it('warms the Worker anywhere in an example, and boots a WebContainer only at idle after the editor', () => {
    const example = setup(false)
    example.policy.interest('panel')
    expect(example.calls).toEqual(['attach', 'warmRuntime'])
    const exercise = setup(true)
    exercise.policy.editorReady()
    expect(exercise.calls).toEqual([])
    exercise.idle()
    expect(exercise.calls).toEqual(['warmRuntime', 'bootInBackground'])
  })
})
