import { setPersistentEngine } from '@nanostores/persistent'
import { beforeEach, describe, expect, it } from 'vitest'
import { createProgressStore as createStore, type ProgressStoreOptions } from './progress'

let storage: Record<string, string>
const noEvents = { addEventListener() {}, removeEventListener() {} }
const working: ProgressStoreOptions = { storageWorks: () => true }
const createProgressStore = (key: string, options = working) => createStore(key, options)

beforeEach(() => {
  storage = {}
  setPersistentEngine(storage, noEvents)
})

/**
 * Make the store's storage one that holds `saved` and accepts `allowed` writes, then throws like
 * a full localStorage.
 */
function useFillingStorage(allowed: number, saved: Record<string, string> = {}) {
  let writes = 0
  const data: Record<string, string> = { ...saved }
  const engine = new Proxy(data, {
    set(target, key, value: string) {
      writes += 1
      if (writes > allowed)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      target[key as string] = value
      return true
    },
  })
  setPersistentEngine(engine, noEvents)
  return { writes: () => writes }
}

/** Saved progress of one lesson, `a`: visited, one example run, and `fields` on top. */
function saveLessonA(fields: Record<string, unknown>) {
  storage['p'] = JSON.stringify({
    version: 1,
    lastLesson: 'a',
    lessons: {
      a: {
        visitedAt: '2026-01-01T00:00:00.000Z',
        examplesRun: ['x'],
        exercises: {},
        quizzes: {},
        ...fields,
      },
    },
  })
}

describe('progress store', () => {
  it('records a pass after the solution was shown apart from a plain pass, and keeps it', () => {
    const store = createProgressStore('p')
    store.recordExercisePassed('lesson-a', 'plain', { 'app.ts': 'mine' })
    store.recordSolutionViewed('lesson-a', 'helped')
    store.recordExercisePassed('lesson-a', 'helped', { 'app.ts': 'solution' })
    store.recordExercisePassed('lesson-a', 'helped', { 'app.ts': 'solution again' })
    // Viewing the solution after a plain pass does not change how that pass was made.
    store.recordSolutionViewed('lesson-a', 'plain')
    store.recordExercisePassed('lesson-a', 'plain', { 'app.ts': 'solution' })
    const lesson = createProgressStore('p').$progress.get().lessons['lesson-a']
    expect(lesson?.exercises['helped']).toMatchObject({ passed: true, passedAfterSolution: true })
    expect(lesson?.exercises['plain']?.passedAfterSolution).toBeUndefined()
    expect(lesson?.exercises['plain']?.solutionViewed).toBe(true)
  })

  it('records visits, example runs, exercises and the best quiz score, and persists them', () => {
    const store = createProgressStore('p')
    store.markVisited('lesson-a')
    store.recordExampleRun('lesson-a', 'demo')
    store.recordExampleRun('lesson-a', 'demo')
    store.saveExerciseCode('lesson-a', 'ex', { 'app.ts': 'draft' })
    store.recordExercisePassed('lesson-a', 'ex', { 'app.ts': 'good' })
    store.saveExerciseCode('lesson-a', 'ex', { 'app.ts': 'edited later' })
    store.recordQuizScore('lesson-a', 'quiz', 0.9, true)
    store.recordQuizScore('lesson-a', 'quiz', 0.5, false)

    const reloaded = createProgressStore('p').$progress.get()
    expect(reloaded.lastLesson).toBe('lesson-a')
    const lesson = reloaded.lessons['lesson-a']
    expect(lesson?.visitedAt).toMatch(/^\d{4}-/)
    expect(lesson?.examplesRun).toEqual(['demo'])
    expect(lesson?.exercises['ex']).toMatchObject({
      code: { 'app.ts': 'edited later' },
      passed: true,
      passingCode: { 'app.ts': 'good' },
    })
    expect(lesson?.quizzes['quiz']).toEqual({ bestScore: 0.9, attempts: 2, passed: true })
  })

  it('records the steps of a multi-step exercise, keeps each first time, and exports them', () => {
    const store = createProgressStore('p')
    store.saveExerciseCode('lesson-a', 'capstone', { 'app.ts': 'step one' })
    store.recordStepsPassed('lesson-a', 'capstone', ['sign-up'])
    const first = store.$progress.get().lessons['lesson-a']?.exercises['capstone']?.stepsPassed
    store.recordStepsPassed('lesson-a', 'capstone', ['sign-up', 'log-in'])
    const saved =
      createProgressStore('p').$progress.get().lessons['lesson-a']?.exercises['capstone']
    expect(saved).toMatchObject({ passed: false, code: { 'app.ts': 'step one' } })
    expect(Object.keys(saved?.stepsPassed ?? {})).toEqual(['sign-up', 'log-in'])
    expect(saved?.stepsPassed?.['sign-up']).toBe(first?.['sign-up'])
    // The exercise's own pass keeps the steps, and an export carries them to another browser.
    store.recordExercisePassed('lesson-a', 'capstone', { 'app.ts': 'done' })
    const text = store.exportJson()
    storage = {}
    setPersistentEngine(storage, noEvents)
    const elsewhere = createProgressStore('p')
    expect(elsewhere.importJson(text)).toEqual({ ok: true })
    expect(elsewhere.$progress.get().lessons['lesson-a']?.exercises['capstone']).toMatchObject({
      passed: true,
      stepsPassed: { 'sign-up': expect.any(String) },
    })
  })

  it('reads a corrupt step record as none, keeping the code and the rest of the lesson', () => {
    saveLessonA({
      exercises: { capstone: { code: { 'app.ts': 'mine' }, passed: false, stepsPassed: [1] } },
    })
    const store = createProgressStore('p')
    expect(store.$progress.get().lessons['a']?.exercises['capstone']).toEqual({
      code: { 'app.ts': 'mine' },
      passed: false,
      stepsPassed: {},
    })
    expect(store.$progress.get().lessons['a']?.examplesRun).toEqual(['x'])
  })

  it('reads a corrupt quiz draft as none, keeping the rest of the lesson', () => {
    saveLessonA({ quizDrafts: { q: { attempt: -1, answers: 'broken' } } })
    const store = createProgressStore('p')
    expect(store.$notice.get()).toBeNull()
    expect(store.$progress.get().lessons['a']).toMatchObject({ examplesRun: ['x'], quizDrafts: {} })
    store.saveQuizDraft('a', 'q', { attempt: 0, answers: { one: 'b', two: ['c', 'd'] } })
    expect(createProgressStore('p').$progress.get().lessons['a']?.quizDrafts).toEqual({
      q: { attempt: 0, answers: { one: 'b', two: ['c', 'd'] } },
    })
    store.saveQuizDraft('a', 'q', null)
    expect(createProgressStore('p').$progress.get().lessons['a']?.quizDrafts).toEqual({})
  })

  it('replaces corrupt stored data with a fresh record, keeps the old text and notices once', () => {
    storage['p'] = '{"version":1,"lessons":'
    const store = createProgressStore('p')
    expect(store.$progress.get()).toEqual({ version: 1, lessons: {}, lastLesson: null })
    expect(store.$notice.get()).toContain('could not be read (it is not valid JSON)')
    expect(store.$unreadableCopy.get()).toBe('{"version":1,"lessons":')
    expect(createProgressStore('p').$notice.get()).toBeNull()
    store.discardUnreadableCopy()
    expect(createProgressStore('p').$unreadableCopy.get()).toBe('')
  })

  it('exports and imports, refusing a bad file without changing anything', () => {
    const store = createProgressStore('p')
    store.markVisited('x')
    const exported = store.exportJson()
    store.reset()
    expect(store.$progress.get().lessons).toEqual({})
    expect(store.importJson('{"hello":1}')).toEqual({
      ok: false,
      message: expect.stringContaining('not Signed In progress') as unknown as string,
    })
    expect(store.$progress.get().lessons).toEqual({})
    expect(store.importJson(exported)).toEqual({ ok: true })
    expect(store.$progress.get().lastLesson).toBe('x')
  })

  it('says what an import would replace and bring, without changing anything', () => {
    const store = createProgressStore('p')
    store.markVisited('a')
    store.recordExampleRun('a', 'demo')
    const exported = store.exportJson()
    store.recordQuizScore('b', 'quiz', 0.5, false)
    const before = store.$progress.get()
    expect(store.checkImport(exported)).toEqual({
      ok: true,
      replaces: { visited: 1, examplesRun: 1, exercises: 0, quizzes: 1 },
      brings: { visited: 1, examplesRun: 1, exercises: 0, quizzes: 0 },
    })
    expect(store.checkImport('nope')).toEqual({
      ok: false,
      message: 'That file is not Signed In progress: it is not valid JSON. Nothing was changed.',
    })
    expect(store.$progress.get()).toBe(before)
  })

  it('keeps the lessons that read when one saved lesson is broken, and the old text too', () => {
    const good = {
      visitedAt: '2026-01-01T00:00:00.000Z',
      examplesRun: ['demo'],
      exercises: {},
      quizzes: {},
    }
    const text = JSON.stringify({
      version: 1,
      lastLesson: 'good',
      lessons: { good, bad: { examplesRun: 'oops', exercises: {}, quizzes: {} } },
    })
    storage['p'] = text
    const store = createProgressStore('p')
    expect(store.$progress.get()).toEqual({ version: 1, lastLesson: 'good', lessons: { good } })
    expect(store.$notice.get()).toContain('Part of your saved progress could not be read')
    expect(store.$notice.get()).toContain('lessons.bad.examplesRun')
    expect(store.$unreadableCopy.get()).toBe(text)
    expect(JSON.parse(storage['p'] ?? '')).toEqual(store.$progress.get())
    expect(createProgressStore('p').$notice.get()).toBeNull()
  })

  it('works in memory and says so once when this browser cannot save at all', () => {
    const store = createProgressStore('p', { storageWorks: () => false })
    expect(store.$saving.get()).toBe(false)
    expect(store.$notice.get()).toContain("can't be saved in this browser")
    store.markVisited('lesson-a')
    store.recordQuizScore('lesson-a', 'quiz', 1, true)
    expect(store.$progress.get().lessons['lesson-a']?.quizzes['quiz']?.passed).toBe(true)
    expect(storage).toEqual({})
    store.dismissNotice()
    store.markVisited('lesson-b')
    expect(store.$notice.get()).toBeNull()
  })

  it('carries on in memory when a write is refused, tells the learner once, and stops trying', () => {
    const storage = useFillingStorage(1)
    const store = createProgressStore('p')
    expect(() => store.markVisited('lesson-a')).not.toThrow()
    expect(store.$notice.get()).toBeNull()
    expect(() => store.recordExampleRun('lesson-a', 'demo')).not.toThrow()
    expect(store.$saving.get()).toBe(false)
    expect(store.$progress.get().lessons['lesson-a']?.examplesRun).toEqual(['demo'])
    expect(store.$progress.get().lastLesson).toBe('lesson-a')
    const notice = store.$notice.get()
    expect(notice).toContain("can't be saved in this browser")
    const writes = storage.writes()
    store.recordExampleRun('lesson-a', 'other')
    store.reset()
    expect(storage.writes()).toBe(writes)
    expect(store.$notice.get()).toBe(notice)
    expect(store.$progress.get().lessons).toEqual({})
  })

  it('survives a refused write of the unreadable copy, keeping it in memory', () => {
    useFillingStorage(0, { p: 'not json' })
    const store = createProgressStore('p')
    expect(store.$unreadableCopy.get()).toBe('not json')
    expect(store.$notice.get()).toContain('could not be read (it is not valid JSON)')
    expect(store.$notice.get()).toContain("can't be saved in this browser")
  })
})
