import type { ExerciseBundle } from '../schemas/exercise'
import type { ExerciseStore } from '../stores/exercise'

/**
 * What the parts of one exercise panel share: the exercise as the page ships it, and its store.
 *
 * @example
 * const { bundle, store } = await exerciseOf(this)
 */
export interface ExerciseContext {
  bundle: ExerciseBundle
  store: ExerciseStore
  /** The panel element itself. */
  panel: HTMLElement
}

const contexts = new WeakMap<
  Element,
  { promise: Promise<ExerciseContext>; resolve(context: ExerciseContext): void }
>()

function entryFor(panel: Element) {
  let entry = contexts.get(panel)
  if (!entry) {
    let resolve!: (context: ExerciseContext) => void
    const promise = new Promise<ExerciseContext>((done) => (resolve = done))
    entry = { promise, resolve }
    contexts.set(panel, entry)
  }
  return entry
}

/**
 * Give a panel's parts their exercise. The one way data reaches them: each part asks
 * {@link exerciseOf} from inside the panel; nothing sets properties on another element.
 *
 * @param context - the panel, its bundle and its store
 * @example
 * provideExercise({ panel: this, bundle, store })
 */
export function provideExercise(context: ExerciseContext): void {
  entryFor(context.panel).resolve(context)
}

/**
 * The exercise of the panel an element sits in, once the panel has made its store.
 *
 * @param element - any element inside an `<exercise-panel>`
 * @returns the panel's context, or null outside a panel
 * @example
 * const { store } = (await exerciseOf(this)) ?? {}
 */
export function exerciseOf(element: Element): Promise<ExerciseContext> | null {
  const panel = element.closest('exercise-panel')
  return panel ? entryFor(panel).promise : null
}
