import type { ExerciseStep } from '../schemas/exercise'
import type { Verdict } from '../grader/verdict'

/**
 * Where a step of a multi-step exercise stands for the learner. `passed`: it passed and still does
 * (or has not been checked since); `failing`: it passed before, but the latest check broke it
 * again; `current`: the step being worked on; `locked`: it opens once the steps before it pass.
 *
 * @example
 * const state: StepState = 'current'
 */
export type StepState = 'passed' | 'failing' | 'current' | 'locked'

/**
 * One line of the step list.
 *
 * @example
 * const view: StepView = { id: 'sign-up', title: 'Sign up', number: 1, state: 'current' }
 */
export interface StepView {
  /** The step's id from exercise.yaml. */
  id: string
  /** The step's title. */
  title: string
  /** Its position, from 1. */
  number: number
  state: StepState
}

/**
 * The step the learner is on: the first one not yet passed, or `steps.length` once all have.
 *
 * @param steps - the exercise's steps, in order
 * @param passed - the ids of the steps passed so far (from saved progress)
 * @returns an index into `steps`, or `steps.length` when every step has passed
 * @example
 * currentStepIndex([{ id: 'a' }, { id: 'b' }], ['a']) // 1
 */
export function currentStepIndex(
  steps: readonly Pick<ExerciseStep, 'id'>[],
  passed: readonly string[],
): number {
  const index = steps.findIndex((step) => !passed.includes(step.id))
  return index === -1 ? steps.length : index
}

/**
 * The checks a Check runs: the current step's and every earlier step's, so a regression shows.
 * Once every step has passed, all of them.
 *
 * @param steps - the exercise's steps, in order
 * @param current - from {@link currentStepIndex}
 * @returns check names, in checks.ts order
 * @example
 * checksUpTo([{ checks: ['x'] }, { checks: ['y'] }], 0) // ['x']
 */
export function checksUpTo(
  steps: readonly Pick<ExerciseStep, 'checks'>[],
  current: number,
): string[] {
  return steps.slice(0, current + 1).flatMap((step) => step.checks)
}

/** Whether every one of a step's checks ran in the verdict and passed. */
function stepPassesIn(step: Pick<ExerciseStep, 'checks'>, verdict: Verdict): boolean {
  return step.checks.every(
    (name) => verdict.checks.find((check) => check.name === name)?.passed === true,
  )
}

/**
 * The steps a verdict passes: the longest run from the first step in which every check passed.
 * A step counts only when every step before it passes too, so a later step never unlocks over a
 * broken earlier one.
 *
 * @param steps - the exercise's steps, in order
 * @param verdict - the latest run's verdict
 * @returns the ids of the steps passed, in order
 * @example
 * stepsPassedIn([{ id: 'a', checks: ['x'] }], { status: 'passed', checks: [{ name: 'x', passed: true }], timeline: [] }) // ['a']
 */
export function stepsPassedIn(
  steps: readonly Pick<ExerciseStep, 'id' | 'checks'>[],
  verdict: Verdict,
): string[] {
  if (verdict.status !== 'passed' && verdict.status !== 'failed') return []
  const broken = steps.findIndex((step) => !stepPassesIn(step, verdict))
  return steps.slice(0, broken === -1 ? steps.length : broken).map((step) => step.id)
}

/**
 * The step list as the learner sees it.
 *
 * @param steps - the exercise's steps, in order
 * @param passed - the ids of the steps passed so far
 * @param verdict - the latest run's verdict, if any, to show a passed step that broke again
 * @returns one view per step
 * @example
 * stepViews([{ id: 'a', title: 'A', checks: ['x'] }, { id: 'b', title: 'B', checks: ['y'] }], [], null)
 * // [{ id: 'a', title: 'A', number: 1, state: 'current' }, { id: 'b', title: 'B', number: 2, state: 'locked' }]
 */
export function stepViews(
  steps: readonly Pick<ExerciseStep, 'id' | 'title' | 'checks'>[],
  passed: readonly string[],
  verdict: Verdict | null,
): StepView[] {
  const current = currentStepIndex(steps, passed)
  const checked = verdict && (verdict.status === 'passed' || verdict.status === 'failed')
  return steps.map((step, index) => {
    const view = { id: step.id, title: step.title, number: index + 1 }
    if (index > current) return { ...view, state: 'locked' }
    if (index === current) return { ...view, state: 'current' }
    const broke =
      checked &&
      step.checks.some((name) => verdict.checks.some((c) => c.name === name && !c.passed))
    return { ...view, state: broke ? 'failing' : 'passed' }
  })
}

/**
 * A sentence for the live region after a check: what changed in the step list, or `null` when
 * nothing did.
 *
 * @param before - the views before the check
 * @param after - the views after it
 * @returns e.g. "Step 1, Sign up, passed. Step 2, Log in, is unlocked."
 * @example
 * stepChangeSentence(
 *   [{ id: 'a', title: 'A', number: 1, state: 'current' }, { id: 'b', title: 'B', number: 2, state: 'locked' }],
 *   [{ id: 'a', title: 'A', number: 1, state: 'passed' }, { id: 'b', title: 'B', number: 2, state: 'current' }],
 * ) // 'Step 1, A, passed. Step 2, B, is unlocked.'
 */
export function stepChangeSentence(
  before: readonly StepView[],
  after: readonly StepView[],
): string | null {
  const sentences: string[] = []
  after.forEach((step, index) => {
    const was = before[index]?.state
    const name = `Step ${step.number}, ${step.title},`
    if (step.state === 'passed' && (was === 'current' || was === 'locked'))
      sentences.push(`${name} passed.`)
    if (step.state === 'failing' && was !== 'failing')
      sentences.push(`${name} passed before but fails now.`)
    if (step.state === 'passed' && was === 'failing') sentences.push(`${name} passes again.`)
    if (step.state === 'current' && was === 'locked') sentences.push(`${name} is unlocked.`)
  })
  if (after.length > 0 && after.every((step) => step.state === 'passed') && sentences.length > 0)
    sentences.push('Every step passes.')
  return sentences.length > 0 ? sentences.join(' ') : null
}
