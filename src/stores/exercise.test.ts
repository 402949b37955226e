import { setPersistentEngine } from '@nanostores/persistent'
import { beforeEach, describe, expect, it } from 'vitest'
import { blanksVerdict } from '../grader/blanks'
import { createExerciseStore } from './exercise'
import { exerciseSchema, type ExerciseBundle } from '../schemas/exercise'
import type { Progress } from '../schemas/progress'
import { createProgressStore } from './progress'
import type { Verdict as RunVerdict } from '../grader/verdict'

const exercise: ExerciseBundle = {
  slug: 'ex',
  meta: exerciseSchema.parse({
    title: 'An exercise',
    lesson: 'lesson',
    kind: 'exercise',
    files: [
      { path: 'app.ts', editable: true },
      { path: 'users.ts', editable: false },
    ],
    hints: ['first', 'second'],
  }),
  checks: '',
  starter: { 'app.ts': 'line one\nconst a = ___\nconst b = ___', 'users.ts': 'const ___ = 1' },
  solution: { 'app.ts': 'line one\nconst a = 1\nconst b = 2', 'users.ts': 'const ___ = 1' },
}
const passed: RunVerdict = {
  status: 'passed',
  checks: [{ name: 'works', passed: true }],
  timeline: [],
}

let storage: Record<string, string> = {}
beforeEach(() => {
  storage = {}
  setPersistentEngine(storage, { addEventListener() {}, removeEventListener() {} })
})

describe('blanksVerdict', () => {
  it('names the file and line of each blank in editable files only', () => {
    const verdict = blanksVerdict(['app.ts'], exercise.starter)
    expect(verdict?.message).toBe(
      'Fill in every blank (___) before checking. 2 blanks are left: app.ts line 2, app.ts line 3.',
    )
    expect(blanksVerdict(['app.ts'], exercise.solution)).toBeNull()
  })
})

describe('exercise store', () => {
  it('runs with blanks left (the runtime grades them), and records the pass with the code', async () => {
    const progress = createProgressStore('p')
    let runs = 0
    const failed: RunVerdict = { status: 'failed', checks: [], timeline: [] }
    const store = createExerciseStore(exercise, async () => (runs++, failed), progress)
    expect((await store.check()).status).toBe('failed')
    expect(runs).toBe(1)
    const passing = createExerciseStore(exercise, async () => (runs++, passed), progress)
    passing.edit('app.ts', exercise.solution['app.ts'] ?? '')
    expect((await passing.check()).status).toBe('passed')
    expect(runs).toBe(2)
    expect(passing.$passed.get()).toBe(true)
    const saved = progress.$progress.get().lessons['lesson']?.exercises['ex']
    expect(saved?.passed).toBe(true)
    expect(saved?.passingCode?.['app.ts']).toBe(exercise.solution['app.ts'])
  })

  it('restores saved code and passing state on return', async () => {
    const progress = createProgressStore('p')
    const first = createExerciseStore(exercise, async () => passed, progress)
    first.edit('app.ts', exercise.solution['app.ts'] ?? '')
    await first.check()
    const again = createExerciseStore(exercise, async () => passed, createProgressStore('p'))
    expect(again.$files.get()['app.ts']).toBe(exercise.solution['app.ts'])
    expect(again.$passed.get()).toBe(true)
    expect(again.$attempted.get()).toBe(true)
  })

  it('shows hints one at a time, and resets to the starter', () => {
    const store = createExerciseStore(exercise, async () => passed, createProgressStore('p'))
    store.showNextHint()
    store.showNextHint()
    store.showNextHint()
    expect(store.$hintsShown.get()).toBe(2)
    store.edit('app.ts', 'changed')
    store.reset()
    expect(store.$files.get()['app.ts']).toBe(exercise.starter['app.ts'])
  })

  it("unlocks the solution only after the learner's own code ran: checking the untouched starter is no attempt", async () => {
    let runs = 0
    const failed: RunVerdict = { status: 'failed', checks: [], timeline: [] }
    const store = createExerciseStore(
      exercise,
      async () => (runs++, failed),
      createProgressStore('p'),
    )
    expect((await store.check()).status).toBe('failed')
    expect(store.$attempted.get()).toBe(false)
    store.showSolution()
    expect(store.$solutionShown.get()).toBe(false)
    expect(store.$files.get()['app.ts']).toBe(exercise.starter['app.ts'])

    // Editing and saving code is not an attempt either, even across a reload.
    store.edit('app.ts', 'line one\nconst a = 3\nconst b = ___')
    expect(
      createExerciseStore(exercise, async () => failed, createProgressStore('p')).$attempted.get(),
    ).toBe(false)

    store.edit('app.ts', 'line one\nconst a = 3\nconst b = 4')
    expect((await store.check()).status).toBe('failed')
    expect(runs).toBe(2)
    expect(store.$attempted.get()).toBe(true)
    store.showSolution()
    expect(store.$files.get()['app.ts']).toBe(exercise.solution['app.ts'])
  })

  it('keeps the attempt across a reload, in the saved progress, for that exercise only', async () => {
    const failed: RunVerdict = { status: 'failed', checks: [], timeline: [] }
    const solved = { ...exercise, starter: exercise.solution }
    const first = createExerciseStore(solved, async () => failed, createProgressStore('p'))
    first.edit('app.ts', 'my own try')
    await first.check()
    const saved = JSON.parse(storage['p'] ?? '{}') as Progress
    expect(saved.lessons['lesson']?.exercises['ex']?.attempted).toBe(true)
    // A new page: every store and log made afresh from storage.
    const reloaded = createExerciseStore(solved, async () => failed, createProgressStore('p'))
    expect(reloaded.$attempted.get()).toBe(true)
    const other = createExerciseStore(
      { ...solved, slug: 'other' },
      async () => failed,
      createProgressStore('p'),
    )
    expect(other.$attempted.get()).toBe(false)
  })

  it('does not count a runner that crashed, or a runtime that refused blanks, as an attempt', async () => {
    const solved = { ...exercise, starter: exercise.solution }
    const crashed = createExerciseStore(
      solved,
      async () => {
        throw new Error('worker died')
      },
      createProgressStore('p'),
    )
    crashed.edit('app.ts', 'my own try')
    await crashed.check()
    expect(crashed.$attempted.get()).toBe(false)
    const refused = createExerciseStore(
      solved,
      async () => blanksVerdict(['app.ts'], exercise.starter) ?? passed,
      createProgressStore('p'),
    )
    refused.edit('app.ts', 'my own try')
    expect((await refused.check()).status).toBe('blanks')
    expect(refused.$attempted.get()).toBe(false)
    expect(JSON.stringify(storage['p'] ?? '')).not.toContain('attempted')
  })

  it("streams an example's lines as they are printed, then keeps the verdict's", async () => {
    const seen: Array<readonly string[] | null> = []
    let release: () => void = () => undefined
    const store = createExerciseStore(
      { ...exercise, meta: { ...exercise.meta, kind: 'example' } },
      async (_files, progress) => {
        progress?.onOutput?.('401', 0)
        await new Promise<void>((resolve) => (release = resolve))
        progress?.onOutput?.('Logged in as ada', 1)
        return { ...passed, output: ['401', 'Logged in as ada'] }
      },
      createProgressStore('p'),
    )
    store.$output.subscribe((lines) => seen.push(lines))
    const done = store.check()
    await Promise.resolve()
    expect(store.$output.get()).toEqual(['401'])
    expect(store.$verdict.get()).toBeNull()
    release()
    await done
    expect(seen).toEqual([
      null,
      [],
      ['401'],
      ['401', 'Logged in as ada'],
      ['401', 'Logged in as ada'],
    ])
  })

  it('turns a runner crash into an error verdict instead of throwing', async () => {
    const store = createExerciseStore(
      { ...exercise, starter: exercise.solution },
      async () => {
        throw new Error('worker died')
      },
      createProgressStore('p'),
    )
    const verdict = await store.check()
    expect(verdict.status).toBe('error')
    expect(verdict.message).toContain('worker died')
  })

  it('records an example run', async () => {
    const progress = createProgressStore('p')
    const store = createExerciseStore(
      { ...exercise, meta: { ...exercise.meta, kind: 'example' } },
      async () => passed,
      progress,
    )
    await store.check()
    expect(progress.$progress.get().lessons['lesson']?.examplesRun).toEqual(['ex'])
  })
})
