import { createWarmupPolicy, pageSchedule, type WarmupPolicy } from '../stores/warmup'
import { prefetchEditor, prepareFirstEditor, usesPlainEditor } from './editor-choice'
import { isApplePlatform } from './platform'

/** What the panel's code offers once loaded (see `exercise-controller.ts`). */
type Controller = Awaited<ReturnType<typeof import('./exercise-controller').attachExercise>>

/**
 * `<exercise-panel>`: a graded exercise or a runnable example. This part loads with the page and
 * stays small: it makes the server-rendered panel usable (buttons on, shortcuts named for this
 * device) and follows the {@link createWarmupPolicy} warm-up policy, which loads the rest (the
 * store, the editors, results, hints, the request inspector, the diff and the preview, each its
 * own element) on the first sign of interest or at idle after load. A click or Ctrl/Cmd+Enter
 * that comes before the rest has loaded is carried out once it has.
 *
 * @example
 * <exercise-panel data-slug="complete-the-login-flow" data-kind="exercise">
 *   <script type="application/json" data-exercise>{…the exercise bundle…}</script>
 *   …server-rendered editors, buttons and parts…
 * </exercise-panel>
 */
export class ExercisePanelElement extends HTMLElement {
  #policy: WarmupPolicy | undefined
  #controller: Promise<Controller> | undefined
  #attached: Controller | undefined
  #observer: IntersectionObserver | undefined
  /** What the learner did before the panel's code arrived, to do once it has. */
  #pending: Array<(controller: Controller) => void> = []
  /** Whether the editor's code has loaded, the learner has shown interest, and the editor was made. */
  #editorCode = false
  #interested = false
  #editorPrepared = false

  /** Once both the editor's code and the learner are here, make the first file's editor, hidden. */
  #prepareEditor(): void {
    if (!this.#editorCode || !this.#interested || this.#editorPrepared) return
    this.#editorPrepared = true
    void prepareFirstEditor(this)
  }

  connectedCallback() {
    if (!this.querySelector('script[data-exercise]')) return
    for (const button of this.querySelectorAll<HTMLButtonElement>('.actions [data-action]'))
      if (button.dataset['action'] !== 'hint' || this.querySelector('[data-hints]'))
        button.disabled = ['diff', 'solution'].includes(button.dataset['action'] ?? '')
    this.querySelectorAll<HTMLElement>('[data-needs-js]').forEach((el) => (el.hidden = false))
    const apple = isApplePlatform()
    for (const shortcut of this.querySelectorAll('[data-shortcut]'))
      shortcut.replaceChildren(apple ? '⌘ Enter' : 'Ctrl Enter')
    for (const key of this.querySelectorAll('[data-tab-key]'))
      key.replaceChildren(apple ? 'Ctrl+Shift+M' : 'Ctrl+M')
    // The help explains the editor the learner will get: Monaco, or CodeMirror on touch screens.
    const help = this.querySelector<HTMLElement>('.editor-help')
    if (help) help.dataset['mode'] = usesPlainEditor(this) ? 'plain' : 'monaco'

    const editsCode = this.querySelector('code-editor[data-editable="true"]') !== null
    const policy = createWarmupPolicy(
      { editsCode },
      {
        attach: () => void this.#load(),
        // Marked when done, for the bench: it times a first click on a page that has settled.
        prefetchEditor: () =>
          void prefetchEditor(this).then(() => {
            this.dataset['editorPrefetched'] = 'true'
            this.#editorCode = true
            this.#prepareEditor()
          }),
        warmRuntime: () => void this.#load().then((controller) => controller.warmRuntime()),
        bootInBackground: () =>
          void this.#load().then((controller) => controller.bootInBackground()),
      },
      pageSchedule,
    )
    this.#policy = policy
    for (const type of ['pointerenter', 'focusin'] as const) {
      this.addEventListener(type, () => {
        policy.interest('panel')
        this.#interested = true
        this.#prepareEditor()
      })
      this.querySelector('.actions')?.addEventListener(type, () => policy.interest('actions'))
    }
    this.addEventListener('editor-ready', () => policy.editorReady())
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return
        policy.nearViewport()
        this.#observer?.disconnect()
      },
      { rootMargin: '50% 0px' },
    )
    this.#observer.observe(this)
    this.addEventListener('click', (event) => this.#holdUntilLoaded(event), { capture: true })
    this.addEventListener('keydown', (event) => this.#holdUntilLoaded(event), { capture: true })
    this.addEventListener('change', (event) => this.#holdUntilLoaded(event), { capture: true })
    policy.loaded()
  }

  disconnectedCallback() {
    this.#observer?.disconnect()
    this.#attached?.detach()
  }

  /** The warm-up policy of this panel, for tests and the bench. */
  get warmup(): WarmupPolicy | undefined {
    return this.#policy
  }

  #load(): Promise<Controller> {
    this.#controller ??= import('./exercise-controller')
      .then(({ attachExercise }) => attachExercise(this))
      .then((controller) => {
        this.#attached = controller
        for (const replay of this.#pending.splice(0)) replay(controller)
        return controller
      })
    return this.#controller
  }

  /** Before the panel's code has loaded, keep a click, Ctrl/Cmd+Enter or a choice for later. */
  #holdUntilLoaded(event: Event) {
    if (this.#attached) return
    const target = event.target instanceof Element ? event.target : null
    if (event.type === 'click') {
      const button = target?.closest<HTMLButtonElement>('button, [data-go-to]')
      if (!button || button.closest('dialog')) return
      event.preventDefault()
      event.stopImmediatePropagation()
      this.#pending.push(() => button.click())
    } else if (event.type === 'keydown') {
      const key = event as KeyboardEvent
      if (!(key.ctrlKey || key.metaKey) || key.key !== 'Enter') return
      key.preventDefault()
      this.#pending.push((controller) => void controller.check())
    } else if (target instanceof HTMLSelectElement) {
      const { value } = target
      this.#pending.push(() => {
        target.value = value
        target.dispatchEvent(new Event('change', { bubbles: true }))
      })
    } else return
    this.#policy?.interest('panel')
  }
}

if (!customElements.get('exercise-panel'))
  customElements.define('exercise-panel', ExercisePanelElement)
