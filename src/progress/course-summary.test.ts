import { describe, expect, it } from 'vitest'
import type { LessonProgress, Progress } from '../schemas/progress'
import { courseSummary } from './course-summary'
import { emptyProgress } from './progress-data'

const lessons = [
  { slug: 'intro', examples: [], exercises: [], quizzes: [] },
  { slug: 'cookies', examples: ['run-it'], exercises: ['sign-it'], quizzes: ['cookie-quiz'] },
  { slug: 'manager', examples: [], exercises: ['fill-it', 'fix-it'], quizzes: ['manager-quiz'] },
]

const visited = (extra: Partial<LessonProgress> = {}): LessonProgress => ({
  visitedAt: '2026-11-01T09:00:00.000Z',
  examplesRun: [],
  exercises: {},
  quizzes: {},
  ...extra,
})

const done: Progress = {
  ...emptyProgress(),
  lessons: {
    intro: visited(),
    cookies: visited({
      examplesRun: ['run-it'],
      exercises: { 'sign-it': { code: {}, passed: true, passedAt: '2026-11-02T10:00:00.000Z' } },
      quizzes: { 'cookie-quiz': { bestScore: 1, attempts: 1, passed: true } },
    }),
    manager: visited({
      exercises: {
        'fill-it': { code: {}, passed: true, passedAt: '2026-11-05T10:00:00.000Z' },
        'fix-it': {
          code: {},
          passed: true,
          passedAt: '2026-11-04T10:00:00.000Z',
          passedAfterSolution: true,
        },
      },
      quizzes: { 'manager-quiz': { bestScore: 0.8, attempts: 3, passed: true } },
    }),
    gone: visited(),
  },
}

describe('courseSummary', () => {
  it('says not yet for a new learner, with every lesson unfinished and nothing counted', () => {
    const summary = courseSummary(emptyProgress(), lessons)
    expect(summary.complete).toBe(false)
    expect(summary.lessons).toEqual({ complete: 0, total: 3 })
    expect(summary.unfinished).toEqual(['intro', 'cookies', 'manager'])
    expect(summary.exercises).toEqual({ passed: 0, total: 3, afterSolution: 0 })
    expect(summary.quizzes.map((quiz) => quiz.bestScore)).toEqual([null, null])
    expect(summary.meanQuizScore).toBe(0)
    expect(summary.finishedAt).toBeNull()
  })

  it('sums up a finished course: counts, scores, solution use and the finishing date', () => {
    const summary = courseSummary(done, lessons)
    expect(summary.complete).toBe(true)
    expect(summary.lessons).toEqual({ complete: 3, total: 3 })
    expect(summary.unfinished).toEqual([])
    expect(summary.exercises).toEqual({ passed: 3, total: 3, afterSolution: 1 })
    expect(summary.examples).toEqual({ run: 1, total: 1 })
    expect(summary.perLesson).toEqual([
      { slug: 'intro', exercisesPassed: 0, exercisesTotal: 0 },
      { slug: 'cookies', exercisesPassed: 1, exercisesTotal: 1 },
      { slug: 'manager', exercisesPassed: 2, exercisesTotal: 2 },
    ])
    expect(summary.quizzes).toEqual([
      { slug: 'cookie-quiz', lesson: 'cookies', bestScore: 1, attempts: 1, passed: true },
      { slug: 'manager-quiz', lesson: 'manager', bestScore: 0.8, attempts: 3, passed: true },
    ])
    expect(summary.meanQuizScore).toBeCloseTo(0.9)
    expect(summary.finishedAt).toBe('2026-11-05T10:00:00.000Z')
  })

  it('is not complete while one lesson still lacks a passed quiz', () => {
    const manager = done.lessons['manager'] as LessonProgress
    const failed: Progress = {
      ...done,
      lessons: {
        ...done.lessons,
        manager: {
          ...manager,
          quizzes: { 'manager-quiz': { bestScore: 0.4, attempts: 1, passed: false } },
        },
      },
    }
    const summary = courseSummary(failed, lessons)
    expect(summary.complete).toBe(false)
    expect(summary.unfinished).toEqual(['manager'])
    expect(summary.lessons.complete).toBe(2)
  })

  it('never calls an empty course complete', () => {
    expect(courseSummary(emptyProgress(), []).complete).toBe(false)
    expect(courseSummary(emptyProgress(), []).meanQuizScore).toBeNull()
  })
})
