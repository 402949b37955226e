import { atom, type ReadableAtom } from 'nanostores'

/**
 * The work an exercise panel can start ahead of need. Each runs at most once per panel.
 *
 * @example
 * const actions: WarmupActions = { attach, prefetchEditor, warmRuntime, bootInBackground }
 */
export interface WarmupActions {
  /** Load the panel's code (buttons, results, inspector) and attach it. */
  attach(): void
  /** Fetch and compile the code editor this device will get, without opening it. */
  prefetchEditor(): void
  /** Start the Worker that runs learner code. */
  warmRuntime(): void
  /** Boot a WebContainer in the background, where the learner's choice allows one. */
  bootInBackground(): void
}

/**
 * What a panel has started so far, for tests and the bench.
 *
 * @example
 * policy.$started.get().attach // true once the panel's code is loading
 */
export type WarmupState = Record<keyof WarmupActions, boolean>

/**
 * When the page may do speculative work: after the load event, when the browser is idle.
 *
 * @example
 * const schedule: WarmupSchedule = { afterLoadWhenIdle: (work) => work() }
 */
export interface WarmupSchedule {
  afterLoadWhenIdle(work: () => void): void
}

/**
 * One panel's warm-up policy: which interaction, or which idle moment, starts which work.
 *
 * - The panel's own code loads on the first sign of interest in the panel (pointer, focus), or
 *   at idle after load: nothing before the load event, so it never counts against the page.
 * - The editor is prefetched at idle once an editable panel comes near the viewport, so the first
 *   click finds Monaco (or CodeMirror on phones) compiled.
 * - The Worker starts when the learner heads for the buttons (for an example, anywhere in the
 *   panel: running is all there is to do), or at idle once the editor is ready. A WebContainer
 *   boots only at that idle moment: booting competes for the page, so never while the learner
 *   waits on something else.
 *
 * @example
 * const policy = createWarmupPolicy({ editsCode: true }, actions, schedule)
 * panel.addEventListener('focusin', () => policy.interest('panel'))
 */
export interface WarmupPolicy {
  $started: ReadableAtom<WarmupState>
  /** The page has loaded; speculative work may wait for idle now. */
  loaded(): void
  /** The pointer or focus reached the panel, or its buttons. */
  interest(where: 'panel' | 'actions'): void
  /** The panel came near the viewport. */
  nearViewport(): void
  /** An editor in the panel is ready for typing. */
  editorReady(): void
}

/**
 * Make the warm-up policy for one panel.
 *
 * @param panel - `editsCode`: whether the panel has code to edit (not an example)
 * @param actions - the work itself
 * @param schedule - when speculative work may run
 * @returns the policy
 * @example
 * const policy = createWarmupPolicy({ editsCode }, actions, pageSchedule)
 * policy.loaded()
 */
export function createWarmupPolicy(
  panel: { editsCode: boolean },
  actions: WarmupActions,
  schedule: WarmupSchedule,
): WarmupPolicy {
  const $started = atom<WarmupState>({
    attach: false,
    prefetchEditor: false,
    warmRuntime: false,
    bootInBackground: false,
  })
  const start = (name: keyof WarmupActions) => {
    if ($started.get()[name]) return
    $started.set({ ...$started.get(), [name]: true })
    actions[name]()
  }
  let near = false
  let loaded = false
  const prefetchWhenIdle = () => {
    if (near && loaded && panel.editsCode) schedule.afterLoadWhenIdle(() => start('prefetchEditor'))
  }
  return {
    $started,
    loaded() {
      loaded = true
      schedule.afterLoadWhenIdle(() => start('attach'))
      prefetchWhenIdle()
    },
    interest(where) {
      start('attach')
      if (where === 'actions' || !panel.editsCode) start('warmRuntime')
    },
    nearViewport() {
      near = true
      prefetchWhenIdle()
    },
    editorReady() {
      schedule.afterLoadWhenIdle(() => {
        start('warmRuntime')
        start('bootInBackground')
      })
    },
  }
}

/**
 * The page's schedule for speculative work: it waits for the load event, then for an idle moment.
 * Just before the first such work it sets the performance mark `signed-in:speculative`, which the
 * size-budget test uses to tell what a page needs from what it fetches ahead of an interaction.
 *
 * @example
 * pageSchedule.afterLoadWhenIdle(() => void import('../editor/monaco-editor'))
 */
export const pageSchedule: WarmupSchedule = {
  afterLoadWhenIdle(work) {
    const idle = () => {
      const run = () => {
        if (performance.getEntriesByName(SPECULATIVE_MARK).length === 0)
          performance.mark(SPECULATIVE_MARK)
        work()
      }
      if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 3000 })
      else setTimeout(run, 300)
    }
    if (document.readyState === 'complete') idle()
    else addEventListener('load', idle, { once: true })
  },
}

/**
 * The name of the performance mark set before the first speculative fetch.
 *
 * @example
 * performance.getEntriesByName(SPECULATIVE_MARK)[0]?.startTime
 */
export const SPECULATIVE_MARK = 'signed-in:speculative'
