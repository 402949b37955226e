import { describe, expect, it } from 'vitest'
import type { Verdict } from '../grader/verdict'
import { lessonStatus } from './progress-data'
import {
  checksUpTo,
  currentStepIndex,
  stepChangeSentence,
  stepViews,
  stepsPassedIn,
} from './exercise-steps'

const steps = [
  { id: 'sign-up', title: 'Sign up', checks: ['signs up', 'refuses a duplicate'] },
  { id: 'log-in', title: 'Log in', checks: ['logs in'] },
  { id: 'admin', title: 'Admin page', checks: ['admin only'] },
]

/** A verdict in which the named checks ran, passing unless listed in `failing`. */
function verdict(ran: string[], failing: string[] = []): Verdict {
  const checks = ran.map((name) => ({ name, passed: !failing.includes(name) }))
  return {
    status: checks.every((check) => check.passed) ? 'passed' : 'failed',
    checks,
    timeline: [],
  }
}

describe('multi-step exercises', () => {
  it('starts at the first step not passed, and runs its checks with every earlier step', () => {
    expect(currentStepIndex(steps, [])).toBe(0)
    expect(currentStepIndex(steps, ['sign-up'])).toBe(1)
    expect(currentStepIndex(steps, ['sign-up', 'log-in', 'admin'])).toBe(3)
    expect(checksUpTo(steps, 0)).toEqual(['signs up', 'refuses a duplicate'])
    expect(checksUpTo(steps, 1)).toEqual(['signs up', 'refuses a duplicate', 'logs in'])
    expect(checksUpTo(steps, 3)).toEqual([
      'signs up',
      'refuses a duplicate',
      'logs in',
      'admin only',
    ])
  })

  it('passes a step only when all its checks pass and every earlier step does too', () => {
    expect(stepsPassedIn(steps, verdict(['signs up', 'refuses a duplicate']))).toEqual(['sign-up'])
    expect(
      stepsPassedIn(steps, verdict(['signs up', 'refuses a duplicate'], ['refuses a duplicate'])),
    ).toEqual([])
    // Step 2 passes but step 1 broke again: nothing counts, so step 3 stays locked.
    expect(
      stepsPassedIn(steps, verdict(['signs up', 'refuses a duplicate', 'logs in'], ['signs up'])),
    ).toEqual([])
    // A step whose checks did not run (locked) does not pass.
    expect(stepsPassedIn(steps, verdict(['signs up', 'refuses a duplicate', 'logs in']))).toEqual([
      'sign-up',
      'log-in',
    ])
    expect(stepsPassedIn(steps, { status: 'error', checks: [], timeline: [] })).toEqual([])
  })

  it('shows passed, failing, current and locked steps', () => {
    expect(stepViews(steps, [], null).map((view) => view.state)).toEqual([
      'current',
      'locked',
      'locked',
    ])
    const regressed = verdict(
      ['signs up', 'refuses a duplicate', 'logs in'],
      ['refuses a duplicate'],
    )
    expect(stepViews(steps, ['sign-up'], regressed).map((view) => view.state)).toEqual([
      'failing',
      'current',
      'locked',
    ])
    expect(stepViews(steps, ['sign-up', 'log-in', 'admin'], null).map((v) => v.state)).toEqual([
      'passed',
      'passed',
      'passed',
    ])
  })

  it('says in words what a check changed', () => {
    const before = stepViews(steps, [], null)
    const after = stepViews(steps, ['sign-up'], verdict(['signs up', 'refuses a duplicate']))
    expect(stepChangeSentence(before, after)).toBe(
      'Step 1, Sign up, passed. Step 2, Log in, is unlocked.',
    )
    expect(stepChangeSentence(after, after)).toBeNull()
    const broken = stepViews(
      steps,
      ['sign-up'],
      verdict(['signs up', 'refuses a duplicate', 'logs in'], ['signs up']),
    )
    expect(stepChangeSentence(after, broken)).toBe('Step 1, Sign up, passed before but fails now.')
    const done = stepViews(steps, ['sign-up', 'log-in', 'admin'], null)
    expect(stepChangeSentence(stepViews(steps, ['sign-up', 'log-in'], null), done)).toBe(
      'Step 3, Admin page, passed. Every step passes.',
    )
  })

  it('leaves the lesson unfinished until the exercise passes, which needs every step', () => {
    const asks = { examples: [], exercises: ['capstone'], quizzes: [] }
    const lesson = (exercise: object) => ({
      visitedAt: 'x',
      examplesRun: [],
      exercises: { capstone: { code: {}, passed: false, ...exercise } },
      quizzes: {},
    })
    expect(lessonStatus(lesson({ stepsPassed: { 'sign-up': 'x', 'log-in': 'x' } }), asks)).toBe(
      'in-progress',
    )
    expect(lessonStatus(lesson({ passed: true, stepsPassed: {} }), asks)).toBe('complete')
  })
})
