import { say } from '../grader/sentences'
import { errorVerdict } from '../grader/verdict'
import { atom, computed, type ReadableAtom } from 'nanostores'
import type { RunProgress } from '../grader/harness/grade'
import type { Verdict as RunVerdict } from '../grader/verdict'
import type { ExerciseBundle } from '../schemas/exercise'
import type { ProgressStore } from './progress'
import {
  checksUpTo,
  currentStepIndex,
  stepChangeSentence,
  stepViews,
  stepsPassedIn,
  type StepView,
} from '../progress/exercise-steps'

/**
 * Runs code and returns a verdict; the runtime (Worker or WebContainer) sits behind it. An
 * example's lines go to `progress.onOutput` as they are printed. `only` names the checks to run
 * (a multi-step exercise's steps so far); absent, all of them.
 *
 * @example
 * const run: RunCode = (files, progress, only) => runInChosenRuntime(bundle, files, progress, only)
 */
export type RunCode = (
  files: Record<string, string>,
  progress?: RunProgress,
  only?: readonly string[],
) => Promise<RunVerdict>

/**
 * The state of the Check/Run button.
 *
 * @example
 * store.$runState.get() // 'idle'
 */
export type RunState = 'idle' | 'running' | 'done'

/**
 * One exercise's state and actions. Elements subscribe; all logic lives here.
 *
 * @example
 * const store: ExerciseStore = createExerciseStore(bundle, run, progress)
 */
export interface ExerciseStore {
  $files: ReadableAtom<Record<string, string>>
  $runState: ReadableAtom<RunState>
  $verdict: ReadableAtom<RunVerdict | null>
  /** An example's lines so far in the current run, as they are printed; null before any run. */
  $output: ReadableAtom<string[] | null>
  $hintsShown: ReadableAtom<number>
  /** True once code has really run: a check that was refused for blanks does not count. */
  $attempted: ReadableAtom<boolean>
  $solutionShown: ReadableAtom<boolean>
  /** True once every check has passed (now or on an earlier visit); with steps, every step. */
  $passed: ReadableAtom<boolean>
  /**
   * The files of the latest run: the code the verdict's timeline came from, so the request
   * inspector replays that code even after the learner has edited it since.
   */
  $runFiles: ReadableAtom<Record<string, string>>
  /** A multi-step exercise's step list (passed, failing, current, locked); `null` without steps. */
  $steps: ReadableAtom<StepView[] | null>
  /** What the last Check changed in the step list, in words for the live region; else `null`. */
  $stepNews: ReadableAtom<string | null>
  /** The hints on offer: the current step's, or the exercise's own without steps. */
  $hints: ReadableAtom<string[]>
  edit(path: string, value: string): void
  check(): Promise<RunVerdict>
  reset(): void
  showNextHint(): void
  showSolution(): void
}

/**
 * Make the store for one exercise or example. Saved code, whether it has really run, and passing
 * state come from, and go to, the progress store.
 *
 * @param bundle - the exercise, as the page ships it
 * @param run - runs code in the chosen runtime
 * @param progress - the learner's progress
 * @returns the exercise's store
 * @example
 * const store = createExerciseStore(exercise, (files) => runtime.run(bundle, files), progress)
 * store.edit('app.ts', code)
 * const verdict = await store.check()
 */
export function createExerciseStore(
  bundle: ExerciseBundle,
  run: RunCode,
  progress: ProgressStore,
): ExerciseStore {
  const saved = progress.$progress.get().lessons[bundle.meta.lesson]?.exercises[bundle.slug]
  const $files = atom<Record<string, string>>({ ...bundle.starter, ...(saved?.code ?? {}) })
  const $runState = atom<RunState>('idle')
  const $verdict = atom<RunVerdict | null>(null)
  const $output = atom<string[] | null>(null)
  const $hintsShown = atom(0)
  const $attempted = atom(saved?.attempted === true || saved?.passed === true)
  const $solutionShown = atom(false)
  const $runFiles = atom<Record<string, string>>({})
  const $passedBefore = atom(saved?.passed ?? false)
  const steps = bundle.meta.steps
  const $passed = computed(
    [$passedBefore, $verdict],
    (before, verdict) => before || (!steps && verdict?.status === 'passed'),
  )
  const $stepsPassed = atom<string[]>(Object.keys(saved?.stepsPassed ?? {}))
  const $steps = computed([$stepsPassed, $verdict], (passed, verdict) =>
    steps ? stepViews(steps, passed, verdict) : null,
  )
  const $stepNews = atom<string | null>(null)
  const $hints = computed($stepsPassed, (passed) =>
    steps
      ? ((steps[currentStepIndex(steps, passed)] ?? steps.at(-1))?.hints ?? [])
      : bundle.meta.hints,
  )
  // A newly opened step starts with its hints hidden.
  $hints.listen(() => $hintsShown.set(0))
  /** After a check: record the steps it passed; the exercise passes with the last one. */
  const recordSteps = (verdict: RunVerdict, files: Record<string, string>) => {
    if (!steps) return
    const passedNow = stepsPassedIn(steps, verdict)
    const fresh = passedNow.filter((id) => !$stepsPassed.get().includes(id))
    if (fresh.length > 0) {
      progress.recordStepsPassed(bundle.meta.lesson, bundle.slug, fresh)
      $stepsPassed.set([...$stepsPassed.get(), ...fresh])
    }
    if (passedNow.length === steps.length) {
      progress.recordExercisePassed(bundle.meta.lesson, bundle.slug, files)
      $passedBefore.set(true)
    }
  }
  let running: Promise<RunVerdict> | undefined

  const save = () => {
    if (bundle.meta.kind !== 'example')
      progress.saveExerciseCode(bundle.meta.lesson, bundle.slug, $files.get())
  }

  return {
    $files,
    $runState,
    $verdict,
    $output,
    $hintsShown,
    $attempted,
    $solutionShown,
    $passed,
    $runFiles,
    $steps,
    $stepNews,
    $hints,
    edit(path, value) {
      if ($files.get()[path] === value) return
      $files.set({ ...$files.get(), [path]: value })
      save()
    },
    check() {
      if (running) return running
      const files = $files.get()
      // Blanks left are graded too: a check that reaches one fails naming it.
      const changed = Object.entries(files).some(([path, text]) => bundle.starter[path] !== text)
      $runFiles.set(files)
      $runState.set('running')
      $output.set([])
      let ran = true
      const only = steps && checksUpTo(steps, currentStepIndex(steps, $stepsPassed.get()))
      const onOutput = (line: string) => $output.set([...($output.get() ?? []), line])
      running = (only ? run(files, { onOutput }, only) : run(files, { onOutput }))
        .catch((error: unknown): RunVerdict => {
          ran = false
          return errorVerdict(say.runnerCrashed(error))
        })
        .then((verdict) => {
          // An attempt is the learner's own code, run: not the untouched starter, not code refused
          // (blanks where the code cannot be read), not a runner that crashed.
          if (ran && changed && verdict.status !== 'blanks' && bundle.meta.kind !== 'example') {
            progress.recordExerciseAttempt(bundle.meta.lesson, bundle.slug)
            $attempted.set(true)
          }
          $output.set(verdict.output ?? $output.get())
          // Steps are recorded before the verdict is published, so whoever shows the verdict
          // already sees the step list, the exercise's pass and the news that go with it.
          const stepsBefore = $steps.get() ?? []
          recordSteps(verdict, files)
          $stepNews.set(
            steps
              ? stepChangeSentence(stepsBefore, stepViews(steps, $stepsPassed.get(), verdict))
              : null,
          )
          $verdict.set(verdict)
          $runState.set('done')
          if (bundle.meta.kind === 'example') {
            progress.recordExampleRun(bundle.meta.lesson, bundle.slug)
          } else if (!steps && verdict.status === 'passed') {
            progress.recordExercisePassed(bundle.meta.lesson, bundle.slug, files)
            $passedBefore.set(true)
          }
          running = undefined
          return verdict
        })
      return running
    },
    reset() {
      $files.set({ ...bundle.starter })
      $verdict.set(null)
      $output.set(null)
      $runState.set('idle')
      save()
    },
    showNextHint() {
      $hintsShown.set(Math.min($hintsShown.get() + 1, $hints.get().length))
    },
    showSolution() {
      if (!$attempted.get()) return
      $solutionShown.set(true)
      progress.recordSolutionViewed(bundle.meta.lesson, bundle.slug)
      $files.set({ ...$files.get(), ...bundle.solution })
      save()
    },
  }
}
