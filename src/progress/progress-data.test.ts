import { describe, expect, it } from 'vitest'
import {
  continueTarget,
  emptyProgress,
  lessonStatus,
  readProgress,
  summarizeProgress,
} from './progress-data'

describe('readProgress', () => {
  it('gives a fresh record when nothing is stored', () => {
    expect(readProgress(null)).toEqual({ ok: true, progress: emptyProgress() })
  })

  it('reads a valid record back', () => {
    const saved = {
      version: 1,
      lastLesson: 'a',
      lessons: {
        a: {
          visitedAt: '2026-01-01T00:00:00.000Z',
          examplesRun: ['x'],
          exercises: {},
          quizzes: {},
        },
      },
    }
    expect(readProgress(JSON.stringify(saved))).toEqual({ ok: true, progress: saved })
  })

  it.each([
    ['not json', 'it is not valid JSON'],
    ['[1,2]', 'it is not a Signed In progress object'],
    ['{"theme":"dark"}', 'it has no recognisable format version (expected 1)'],
    ['{"version":9,"lessons":{},"lastLesson":null}', 'newer version of the course (format 9'],
    [
      '{"version":1,"lessons":{"a":{"examplesRun":"x","exercises":{},"quizzes":{}}},"lastLesson":null}',
      'lessons.a.examplesRun',
    ],
  ])('replaces %s with a fresh record and says why', (text, problem) => {
    const result = readProgress(text)
    expect(result.ok).toBe(false)
    expect(result.progress).toEqual(emptyProgress())
    if (!result.ok) expect(result.problem).toContain(problem)
  })
})

describe('readProgress with some unreadable lessons', () => {
  const good = {
    visitedAt: '2026-01-01T00:00:00.000Z',
    examplesRun: [],
    exercises: {},
    quizzes: {},
  }

  it('keeps the lessons that read and names each one left out', () => {
    const result = readProgress(
      JSON.stringify({
        version: 1,
        lastLesson: 'good',
        lessons: {
          good,
          bad: { ...good, examplesRun: 'x' },
          worse: { ...good, quizzes: { q: { bestScore: 7, attempts: 1, passed: true } } },
        },
      }),
    )
    expect(result.ok).toBe(false)
    expect(result.progress).toEqual({ version: 1, lastLesson: 'good', lessons: { good } })
    if (!result.ok) {
      expect(result.problem).toMatch(/^2 lessons could not be read and were left out/)
      expect(result.problem).toContain('lessons.bad.examplesRun')
      expect(result.problem).toContain('lessons.worse.quizzes.q.bestScore')
    }
  })

  it('drops a broken lastLesson but keeps the lessons', () => {
    const result = readProgress(JSON.stringify({ version: 1, lastLesson: 3, lessons: { good } }))
    expect(result.progress).toEqual({ version: 1, lastLesson: null, lessons: { good } })
    if (!result.ok) expect(result.problem).toBe('lastLesson: expected a lesson slug or null')
  })

  it('starts fresh when lessons is not an object', () => {
    const result = readProgress('{"version":1,"lessons":[],"lastLesson":null}')
    expect(result.progress).toEqual(emptyProgress())
    if (!result.ok) expect(result.problem).toContain('lessons: expected an object')
  })
})

describe('readProgress with spaced review', () => {
  const item = { quiz: 'q', question: 'a', stage: 1, due: '2026-01-04T00:00:00.000Z' }
  it('reads a record with questions in review, and one saved before review existed', () => {
    const withReview = { version: 1, lessons: {}, lastLesson: null, review: { 'q/a': item } }
    expect(readProgress(JSON.stringify(withReview))).toEqual({ ok: true, progress: withReview })
    expect(readProgress('{"version":1,"lessons":{},"lastLesson":null}').ok).toBe(true)
  })
  it('keeps the readable review items and the lessons, naming what was left out', () => {
    const text = JSON.stringify({
      version: 1,
      lessons: { l: { examplesRun: [], exercises: {}, quizzes: {} } },
      lastLesson: 'l',
      review: { 'q/a': item, 'q/b': { ...item, stage: 9 }, 'q/c': { ...item, due: 'soon' } },
    })
    const result = readProgress(text)
    expect(result.ok).toBe(false)
    expect(result.progress.review).toEqual({ 'q/a': item })
    expect(Object.keys(result.progress.lessons)).toEqual(['l'])
    expect(!result.ok && result.problem).toMatch(/review\.q\/b\.stage.*review\.q\/c\.due/)
  })
  it('drops a review that is not an object and says so', () => {
    const result = readProgress(
      JSON.stringify({ version: 1, lessons: {}, lastLesson: null, review: [1] }),
    )
    expect(result.progress.review).toBeUndefined()
    expect(!result.ok && result.problem).toMatch(/^review: expected an object/)
  })
})

describe('summarizeProgress', () => {
  it('counts what a record holds', () => {
    expect(summarizeProgress(emptyProgress())).toEqual({
      visited: 0,
      examplesRun: 0,
      exercises: 0,
      quizzes: 0,
    })
    const lesson = {
      visitedAt: 'x',
      examplesRun: ['a', 'b'],
      exercises: { e: { code: {}, passed: false } },
      quizzes: {},
    }
    const other = {
      examplesRun: [],
      exercises: {},
      quizzes: { q: { bestScore: 1, attempts: 2, passed: true } },
    }
    expect(summarizeProgress({ version: 1, lastLesson: null, lessons: { lesson, other } })).toEqual(
      { visited: 1, examplesRun: 2, exercises: 1, quizzes: 1 },
    )
  })
})

describe('lessonStatus', () => {
  const visited = { visitedAt: 'x', examplesRun: [], exercises: {}, quizzes: {} }
  const none = { examples: [], exercises: [], quizzes: [] }
  it('is not started before a visit', () => {
    expect(lessonStatus(undefined, none)).toBe('not-started')
  })
  it('is complete after a visit when nothing else is asked', () => {
    expect(lessonStatus(visited, none)).toBe('complete')
  })
  it('waits for every example to have run, even when it is all the lesson asks', () => {
    const requirements = { ...none, examples: ['x', 'y'] }
    expect(lessonStatus(visited, requirements)).toBe('in-progress')
    expect(lessonStatus({ ...visited, examplesRun: ['x'] }, requirements)).toBe('in-progress')
    expect(lessonStatus({ ...visited, examplesRun: ['y', 'x'] }, requirements)).toBe('complete')
  })
  it('waits for every exercise and quiz', () => {
    const requirements = { examples: [], exercises: ['e'], quizzes: ['q'] }
    expect(lessonStatus(visited, requirements)).toBe('in-progress')
    const exerciseDone = { ...visited, exercises: { e: { code: {}, passed: true } } }
    expect(lessonStatus(exerciseDone, requirements)).toBe('in-progress')
    const allDone = { ...exerciseDone, quizzes: { q: { bestScore: 1, attempts: 1, passed: true } } }
    expect(lessonStatus(allDone, requirements)).toBe('complete')
  })
})

describe('continueTarget', () => {
  const course = [
    { slug: 'a', examples: [], exercises: [], quizzes: [] },
    { slug: 'b', examples: [], exercises: ['e'], quizzes: [] },
    { slug: 'c', examples: [], exercises: [], quizzes: [] },
  ]
  const visited = { visitedAt: 'x', examplesRun: [], exercises: {}, quizzes: {} }
  const passedB = { ...visited, exercises: { e: { code: {}, passed: true } } }
  const progress = (lastLesson: string | null, lessons: Record<string, typeof visited>) => ({
    version: 1 as const,
    lastLesson,
    lessons,
  })

  it('starts at the beginning before any lesson was opened', () => {
    expect(continueTarget(emptyProgress(), course)).toBeNull()
  })

  it('continues the last lesson opened while it is unfinished', () => {
    expect(continueTarget(progress('b', { a: visited, b: visited }), course)).toEqual({
      slug: 'b',
      reason: 'continue',
    })
  })

  it('moves on to the next unfinished lesson once the last one is complete', () => {
    expect(continueTarget(progress('a', { a: visited }), course)).toEqual({
      slug: 'b',
      reason: 'next',
    })
    expect(continueTarget(progress('b', { a: visited, b: passedB }), course)).toEqual({
      slug: 'c',
      reason: 'next',
    })
  })

  it('wraps round to an unfinished lesson before the last one', () => {
    expect(continueTarget(progress('c', { a: visited, b: visited, c: visited }), course)).toEqual({
      slug: 'b',
      reason: 'next',
    })
  })

  it('goes back to the last lesson when everything is complete', () => {
    const all = { a: visited, b: passedB, c: visited }
    expect(continueTarget(progress('b', all), course)).toEqual({ slug: 'b', reason: 'review' })
  })

  it('picks the first unfinished lesson when the last one left the course', () => {
    expect(continueTarget(progress('gone', { a: visited }), course)).toEqual({
      slug: 'b',
      reason: 'next',
    })
    expect(
      continueTarget(progress('gone', { a: visited, b: passedB, c: visited }), course),
    ).toBeNull()
  })
})
