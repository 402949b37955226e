import { atom, computed, type ReadableAtom } from 'nanostores'
import { blanksVerdict } from '../runner/blanks'
import type { ProgressStore } from './progress'
import type { Verdict as RunVerdict } from '../runner/verdict'

/** What the exercise UI knows about one exercise, from its build-time bundle. */
export interface ExerciseDescription {
  slug: string
  lesson: string
  kind: 'example' | 'exercise' | 'debug'
  /** Learner-visible files in tab order. */
  files: Array<{ path: string; editable: boolean }>
  starter: Record<string, string>
  solution: Record<string, string>
  hints: string[]
}

/** Runs code and returns a verdict; the runtime (Worker or WebContainer) sits behind it. */
export type RunCode = (files: Record<string, string>) => Promise<RunVerdict>

/** The state of the Check/Run button. */
export type RunState = 'idle' | 'running' | 'done'

/** One exercise's state and actions. Elements subscribe; all logic lives here. */
export interface ExerciseStore {
  $files: ReadableAtom<Record<string, string>>
  $runState: ReadableAtom<RunState>
  $verdict: ReadableAtom<RunVerdict | null>
  $hintsShown: ReadableAtom<number>
  $attempted: ReadableAtom<boolean>
  $solutionShown: ReadableAtom<boolean>
  /** True once every check has passed (now or on an earlier visit). */
  $passed: ReadableAtom<boolean>
  edit(path: string, value: string): void
  check(): Promise<RunVerdict>
  reset(): void
  showNextHint(): void
  showSolution(): void
}

/**
 * Make the store for one exercise or example. Saved code and passing state come from, and go to,
 * the progress store.
 *
 * @param description - the exercise, from its bundle
 * @param run - runs code in the chosen runtime
 * @param progress - the learner's progress
 * @returns the exercise's store
 * @example
 * const store = createExerciseStore(exercise, (files) => runtime.run(bundle, files), progress)
 * store.edit('app.ts', code)
 * const verdict = await store.check()
 */
export function createExerciseStore(
  description: ExerciseDescription,
  run: RunCode,
  progress: ProgressStore,
): ExerciseStore {
  const saved = progress.$progress.get().lessons[description.lesson]?.exercises[description.slug]
  const $files = atom<Record<string, string>>({ ...description.starter, ...(saved?.code ?? {}) })
  const $runState = atom<RunState>('idle')
  const $verdict = atom<RunVerdict | null>(null)
  const $hintsShown = atom(0)
  const $attempted = atom(saved !== undefined && Object.keys(saved.code).length > 0)
  const $solutionShown = atom(false)
  const $passedBefore = atom(saved?.passed ?? false)
  const $passed = computed(
    [$passedBefore, $verdict],
    (before, verdict) => before || verdict?.status === 'passed',
  )
  let running: Promise<RunVerdict> | undefined

  const save = () => {
    if (description.kind !== 'example')
      progress.saveExerciseCode(description.lesson, description.slug, $files.get())
  }

  return {
    $files,
    $runState,
    $verdict,
    $hintsShown,
    $attempted,
    $solutionShown,
    $passed,
    edit(path, value) {
      if ($files.get()[path] === value) return
      $files.set({ ...$files.get(), [path]: value })
      save()
    },
    check() {
      if (running) return running
      const files = $files.get()
      $attempted.set(true)
      const editable =
        description.kind === 'example'
          ? []
          : description.files.filter((f) => f.editable).map((f) => f.path)
      const blanks = blanksVerdict(editable, files)
      if (blanks) {
        $verdict.set(blanks)
        $runState.set('done')
        return Promise.resolve(blanks)
      }
      $runState.set('running')
      running = run(files)
        .catch((error: unknown): RunVerdict => ({
          status: 'error',
          checks: [],
          timeline: [],
          message: `The runner stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        }))
        .then((verdict) => {
          $verdict.set(verdict)
          $runState.set('done')
          if (description.kind === 'example') {
            progress.recordExampleRun(description.lesson, description.slug)
          } else if (verdict.status === 'passed') {
            progress.recordExercisePassed(description.lesson, description.slug, files)
            $passedBefore.set(true)
          }
          running = undefined
          return verdict
        })
      return running
    },
    reset() {
      $files.set({ ...description.starter })
      $verdict.set(null)
      $runState.set('idle')
      save()
    },
    showNextHint() {
      $hintsShown.set(Math.min($hintsShown.get() + 1, description.hints.length))
    },
    showSolution() {
      if (!$attempted.get()) return
      $solutionShown.set(true)
      $files.set({ ...$files.get(), ...description.solution })
      save()
    },
  }
}
