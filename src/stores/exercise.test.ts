import { setPersistentEngine } from '@nanostores/persistent'
import { beforeEach, describe, expect, it } from 'vitest'
import { blanksVerdict } from '../runner/blanks'
import { createExerciseStore, type ExerciseDescription } from './exercise'
import { createProgressStore } from './progress'
import type { Verdict as RunVerdict } from '../runner/verdict'

const exercise: ExerciseDescription = {
  slug: 'ex',
  lesson: 'lesson',
  kind: 'exercise',
  files: [
    { path: 'app.ts', editable: true },
    { path: 'users.ts', editable: false },
  ],
  starter: { 'app.ts': 'line one\nconst a = ___\nconst b = ___', 'users.ts': 'const ___ = 1' },
  solution: { 'app.ts': 'line one\nconst a = 1\nconst b = 2', 'users.ts': 'const ___ = 1' },
  hints: ['first', 'second'],
}
const passed: RunVerdict = {
  status: 'passed',
  checks: [{ name: 'works', passed: true }],
  timeline: [],
}

beforeEach(() => setPersistentEngine({}, { addEventListener() {}, removeEventListener() {} }))

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
  it('refuses to run while a blank remains, then runs, and records the pass with the code', async () => {
    const progress = createProgressStore('p')
    let runs = 0
    const store = createExerciseStore(exercise, async () => (runs++, passed), progress)
    expect((await store.check()).status).toBe('blanks')
    expect(runs).toBe(0)
    store.edit('app.ts', exercise.solution['app.ts'] ?? '')
    expect((await store.check()).status).toBe('passed')
    expect(runs).toBe(1)
    expect(store.$passed.get()).toBe(true)
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

  it('shows hints one at a time, the solution only after an attempt, and resets to the starter', async () => {
    const store = createExerciseStore(exercise, async () => passed, createProgressStore('p'))
    store.showNextHint()
    store.showNextHint()
    store.showNextHint()
    expect(store.$hintsShown.get()).toBe(2)
    store.showSolution()
    expect(store.$solutionShown.get()).toBe(false)
    await store.check()
    store.showSolution()
    expect(store.$files.get()['app.ts']).toBe(exercise.solution['app.ts'])
    store.reset()
    expect(store.$files.get()['app.ts']).toBe(exercise.starter['app.ts'])
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
      { ...exercise, kind: 'example' },
      async () => passed,
      progress,
    )
    await store.check()
    expect(progress.$progress.get().lessons['lesson']?.examplesRun).toEqual(['ex'])
  })
})
