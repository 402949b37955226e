import { setPersistentEngine } from '@nanostores/persistent'
import { beforeEach, describe, expect, it } from 'vitest'
import { createProgressStore } from './progress'

let storage: Record<string, string>
const noEvents = { addEventListener() {}, removeEventListener() {} }

beforeEach(() => {
  storage = {}
  setPersistentEngine(storage, noEvents)
})

describe('progress store', () => {
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
})
