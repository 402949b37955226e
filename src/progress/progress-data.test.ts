import { describe, expect, it } from 'vitest'
import { emptyProgress, lessonStatus, readProgress } from './progress-data'

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

describe('lessonStatus', () => {
  const visited = { visitedAt: 'x', examplesRun: [], exercises: {}, quizzes: {} }
  it('is not started before a visit', () => {
    expect(lessonStatus(undefined, { exercises: [], quizzes: [] })).toBe('not-started')
  })
  it('is complete after a visit when nothing else is asked', () => {
    expect(lessonStatus(visited, { exercises: [], quizzes: [] })).toBe('complete')
  })
  it('waits for every exercise and quiz', () => {
    const requirements = { exercises: ['e'], quizzes: ['q'] }
    expect(lessonStatus(visited, requirements)).toBe('in-progress')
    const exerciseDone = { ...visited, exercises: { e: { code: {}, passed: true } } }
    expect(lessonStatus(exerciseDone, requirements)).toBe('in-progress')
    const allDone = { ...exerciseDone, quizzes: { q: { bestScore: 1, attempts: 1, passed: true } } }
    expect(lessonStatus(allDone, requirements)).toBe('complete')
  })
})
