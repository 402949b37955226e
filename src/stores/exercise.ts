import { atom, computed, type ReadableAtom } from 'nanostores'
import type { RunProgress } from '../runner/harness/grade'
import type { Verdict as RunVerdict } from '../runner/verdict'
import type { ProgressStore } from './progress'

/**
 * What the exercise UI knows about one exercise, from its build-time bundle.
 *
 * @example
 * const description: ExerciseDescription = { slug: 'x', lesson: 'y', kind: 'exercise', files: [{ path: 'app.ts', editable: true }], starter: {}, solution: {}, hints: [] }
 */
export interface ExerciseDescription {
  slug: string
  lesson: string
  kind: 'example' | 'exercise' | 'debug'
  /** Learner-visible files in tab order. */
  files: Array<{ path: string; editable: boolean }>
  starter: Record<string, string>
  /** The solution's versions of the editable files (empty for an example). */
  solution: Record<string, string>
  hints: string[]
}

/**
 * What a page ships for one exercise, in a JSON script inside its panel: the description (which
 * holds the starter, once) and what the runtimes need on top of it.
 *
 * @example
 * const data: ExercisePageData = { description, checks: bundle.checks, entry: 'app.ts' }
 */
export interface ExercisePageData {
  description: ExerciseDescription
  /** The TypeScript source of the exercise's checks.ts. */
  checks: string
  /** The file that `export default`s the app. */
  entry: string
}

/**
 * Runs code and returns a verdict; the runtime (Worker or WebContainer) sits behind it. An
 * example's lines go to `progress.onOutput` as they are printed.
 *
 * @example
 * const run: RunCode = (files, progress) => runInChosenRuntime(bundle, files, progress)
 */
export type RunCode = (files: Record<string, string>, progress?: RunProgress) => Promise<RunVerdict>

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
 * const store: ExerciseStore = createExerciseStore(description, run, progress)
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
  /** True once every check has passed (now or on an earlier visit). */
  $passed: ReadableAtom<boolean>
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
  const $output = atom<string[] | null>(null)
  const $hintsShown = atom(0)
  const $attempted = atom(saved?.attempted === true || saved?.passed === true)
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
    $output,
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
      // Blanks left are graded too: a check that reaches one fails naming it.
      const changed = Object.entries(files).some(
        ([path, text]) => description.starter[path] !== text,
      )
      $runState.set('running')
      $output.set([])
      let ran = true
      running = run(files, {
        onOutput: (line) => $output.set([...($output.get() ?? []), line]),
      })
        .catch((error: unknown): RunVerdict => {
          ran = false
          return {
            status: 'error',
            checks: [],
            timeline: [],
            message: `The runner stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
          }
        })
        .then((verdict) => {
          // An attempt is the learner's own code, run: not the untouched starter, not code refused
          // (blanks where the code cannot be read), not a runner that crashed.
          if (ran && changed && verdict.status !== 'blanks' && description.kind !== 'example') {
            progress.recordExerciseAttempt(description.lesson, description.slug)
            $attempted.set(true)
          }
          $output.set(verdict.output ?? $output.get())
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
      $output.set(null)
      $runState.set('idle')
      save()
    },
    showNextHint() {
      $hintsShown.set(Math.min($hintsShown.get() + 1, description.hints.length))
    },
    showSolution() {
      if (!$attempted.get()) return
      $solutionShown.set(true)
      progress.recordSolutionViewed(description.lesson, description.slug)
      $files.set({ ...$files.get(), ...description.solution })
      save()
    },
  }
}
