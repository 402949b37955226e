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

describe('exercise store with steps', () => {
  const stepped: ExerciseBundle = {
    ...exercise,
    slug: 'stepped',
    meta: exerciseSchema.parse({
      ...exercise.meta,
      hints: [],
      steps: [
        { id: 'one', title: 'Step one', checks: ['aaa', 'bbb'], hints: ['one-1', 'one-2'] },
        { id: 'two', title: 'Step two', checks: ['ccc'], hints: ['two-1'] },
      ],
    }),
  }
  /** A runtime that passes the named checks it is asked to run, and fails the rest. */
  const runner =
    (passing: string[], asked: (readonly string[] | undefined)[]) =>
    async (_files: Record<string, string>, _progress?: unknown, only?: readonly string[]) => {
      asked.push(only)
      const checks = (only ?? ['aaa', 'bbb', 'ccc']).map((name) => ({
        name,
        passed: passing.includes(name),
      }))
      const status: RunVerdict['status'] = checks.every((c) => c.passed) ? 'passed' : 'failed'
      return { status, checks, timeline: [] }
    }

  it('grades the current step with the earlier ones, unlocks the next, and passes with the last', async () => {
    const progress = createProgressStore('p')
    const asked: (readonly string[] | undefined)[] = []
    const store = createExerciseStore(stepped, runner(['aaa'], asked), progress)
    expect(store.$steps.get()?.map((step) => step.state)).toEqual(['current', 'locked'])
    expect(store.$hints.get()).toEqual(['one-1', 'one-2'])
    store.showNextHint()
    await store.check()
    expect(asked).toEqual([['aaa', 'bbb']])
    expect(store.$steps.get()?.map((step) => step.state)).toEqual(['current', 'locked'])
    expect(store.$stepNews.get()).toBeNull()

    const better = createExerciseStore(stepped, runner(['aaa', 'bbb'], asked), progress)
    // A step that passes on its own does not pass the exercise: its own verdict says "passed".
    expect((await better.check()).status).toBe('passed')
    expect(better.$passed.get()).toBe(false)
    expect(better.$steps.get()?.map((step) => step.state)).toEqual(['passed', 'current'])
    expect(better.$stepNews.get()).toBe('Step 1, Step one, passed. Step 2, Step two, is unlocked.')
    expect(better.$hints.get()).toEqual(['two-1'])
    expect(better.$hintsShown.get()).toBe(0)
    const saved = progress.$progress.get().lessons['lesson']?.exercises['stepped']
    expect(saved?.passed).toBe(false)
    expect(Object.keys(saved?.stepsPassed ?? {})).toEqual(['one'])

    // A reload resumes on step two, and Check now runs steps one and two.
    const resumed = createExerciseStore(stepped, runner(['aaa', 'bbb', 'ccc'], asked), progress)
    expect(resumed.$steps.get()?.map((step) => step.state)).toEqual(['passed', 'current'])
    await resumed.check()
    expect(asked.at(-1)).toEqual(['aaa', 'bbb', 'ccc'])
    expect(resumed.$passed.get()).toBe(true)
    expect(resumed.$stepNews.get()).toBe('Step 2, Step two, passed. Every step passes.')
    expect(progress.$progress.get().lessons['lesson']?.exercises['stepped']?.passed).toBe(true)
  })

  it('shows a passed step that breaks again, without locking the learner out', async () => {
    const progress = createProgressStore('p')
    progress.recordStepsPassed('lesson', 'stepped', ['one'])
    const store = createExerciseStore(stepped, runner(['ccc'], []), progress)
    await store.check()
    expect(store.$steps.get()?.map((step) => step.state)).toEqual(['failing', 'current'])
    expect(store.$stepNews.get()).toBe('Step 1, Step one, passed before but fails now.')
    expect(store.$passed.get()).toBe(false)
  })
})
