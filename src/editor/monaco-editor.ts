import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker'
import { findBlanks, nextBlank } from '../grader/blanks'
import type { EditorTypes } from './editor-types'
import * as monaco from './monaco-lean'

/** What the course needs from an editor, whichever kind it is. */
export interface EditorHandle {
  getValue(): string
  setValue(value: string): void
  focus(): void
  /** Select the first blank, if any. Returns whether one was found. */
  selectFirstBlank(): boolean
  /** Focus, with the cursor at a 1-based line and column (where an error was thrown). */
  goTo(line: number, column: number): void
  /**
   * The file's type errors from the editor's TypeScript worker, or null when this editor has no
   * such worker (CodeMirror, the textarea). Blanks are left out: they are reported as blanks.
   */
  typeErrors(): Promise<TypeErrorAt[] | null>
  dispose(): void
}

/**
 * One type error in a file, 1-based.
 *
 * @example
 * const error: TypeErrorAt = { line: 12, column: 5, message: "Property 'nme' does not exist…" }
 */
export interface TypeErrorAt {
  line: number
  column: number
  message: string
}

/** Options for {@link createMonacoEditor}. */
export interface MonacoEditorOptions {
  value: string
  /** The file's path, e.g. `app.ts`; it names the model and the editor's accessible label. */
  path: string
  readOnly: boolean
  ariaLabel: string
  onChange(value: string): void
  /** Ctrl/Cmd+Enter. */
  onCheck(): void
  /** The exercise's other files, so imports such as `./users` resolve for types. */
  siblings?: Record<string, string>
  /**
   * The exercise the file belongs to (its slug). Each exercise's files get their own folder of
   * models, so two exercises on one page that both have an `app.ts` never share (or dispose) one.
   */
  folder?: string | undefined
}

let environmentReady = false
/** Settles once the type declarations are in (or failed to load), so diagnostics are complete. */
let typesLoaded: Promise<void> = Promise.resolve()

/**
 * Monaco's workers come from npm through Vite (`?worker`), never from a CDN. The type declarations
 * for hono and the login manager (a few hundred KB) load alongside, so the editor opens at once;
 * type checking starts when they arrive, which spares the learner a flash of "Cannot find module".
 */
function prepareEnvironment(): void {
  if (environmentReady) return
  environmentReady = true
  ;(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript'
        ? new TypeScriptWorker()
        : new EditorWorker(),
  }
  const defaults = monaco.typescript.typescriptDefaults
  defaults.setEagerModelSync(true)
  const compilerOptions = {
    target: monaco.typescript.ScriptTarget.ES2020,
    module: monaco.typescript.ModuleKind.ESNext,
    moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    baseUrl: 'file:///',
    lib: ['es2022', 'dom'],
  }
  defaults.setCompilerOptions(compilerOptions)
  defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false })
  typesLoaded = (async () => {
    try {
      const response = await fetch('/editor/types.json')
      const types = (await response.json()) as EditorTypes
      for (const [path, content] of Object.entries(types.files)) defaults.addExtraLib(content, path)
      defaults.setCompilerOptions({ ...compilerOptions, paths: types.paths })
    } catch {
      // Without the declarations the editor still works; it only loses autocomplete for hono.
    } finally {
      defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false })
    }
  })()
}

/**
 * Load Monaco's code, set up its workers' environment and theme, and start its TypeScript worker,
 * without making an editor, so the first editor the learner opens starts at once (called at idle,
 * before any click).
 *
 * @example
 * await prepareMonaco()
 */
export async function prepareMonaco(): Promise<void> {
  prepareEnvironment()
  currentTheme()
  // Start the TypeScript worker (about 7 MB of code to compile) on an empty model, so the first
  // editor finds it running. The model stays: it is empty, so it adds nothing to the program.
  const uri = monaco.Uri.parse('file:///prefetch/empty.ts')
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel('', 'typescript', uri)
  await typeScriptWorker(model.uri)
}

/**
 * The TypeScript worker's proxy for a model. Monaco sets its TypeScript mode up when a model first
 * uses the language, once the mode's code has loaded; until then `getTypeScriptWorker` rejects
 * with "TypeScript not registered!". So a caller right after the first model is made (the idle
 * prefetch, half the time) asks again a moment later, for up to about two seconds.
 */
async function typeScriptWorker(uri: InstanceType<typeof monaco.Uri>) {
  for (let attempt = 1; ; attempt++) {
    let getWorker: Awaited<ReturnType<typeof monaco.typescript.getTypeScriptWorker>>
    try {
      getWorker = await monaco.typescript.getTypeScriptWorker()
    } catch (error) {
      if (attempt === 100) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
      continue
    }
    return getWorker(uri)
  }
}

let themesDefined = false

/** Monaco's own themes, with comments readable at 4.5:1 on the dark one (its green is 4.2:1). */
function currentTheme(): 'vs' | 'signed-in-dark' {
  if (!themesDefined) {
    themesDefined = true
    monaco.editor.defineTheme('signed-in-dark', {
      base: 'vs-dark',
      inherit: true,
      rules: [{ token: 'comment', foreground: '7fae6b' }],
      colors: {},
    })
  }
  const chosen = document.documentElement.dataset['theme']
  const dark = chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches
  return dark ? 'signed-in-dark' : 'vs'
}

let themeWatcher: MutationObserver | undefined

/**
 * Create a Monaco editor for one exercise file, with blanks highlighted, Tab and Shift+Tab
 * moving between blanks, Ctrl/Cmd+Enter to check, and the site's light or dark theme.
 *
 * @param container - the element the editor fills
 * @param options - value, path, and callbacks
 * @returns a handle the exercise element drives
 * @example
 * const editor = await createMonacoEditor(box, {
 *   value: 'const a = ___', path: 'app.ts', readOnly: false, ariaLabel: 'app.ts',
 *   onChange: console.log, onCheck: () => {},
 * })
 */
export async function createMonacoEditor(
  container: HTMLElement,
  options: MonacoEditorOptions,
): Promise<EditorHandle> {
  prepareEnvironment()
  const folder = `file:///exercise/${options.folder ? `${encodeURIComponent(options.folder)}/` : ''}`
  for (const [path, source] of Object.entries(options.siblings ?? {})) {
    const siblingUri = monaco.Uri.parse(`${folder}${path}`)
    if (path !== options.path && !monaco.editor.getModel(siblingUri))
      monaco.editor.createModel(source, 'typescript', siblingUri)
  }
  const uri = monaco.Uri.parse(`${folder}${options.path}`)
  monaco.editor.getModel(uri)?.dispose()
  const model = monaco.editor.createModel(options.value, 'typescript', uri)
  const editor = monaco.editor.create(container, {
    model,
    readOnly: options.readOnly,
    ariaLabel: options.ariaLabel,
    theme: currentTheme(),
    fontSize: 14,
    lineHeight: 21,
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono'),
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    automaticLayout: true,
    padding: { top: 14, bottom: 14 },
    lineNumbersMinChars: 3,
    glyphMargin: false,
    folding: false,
    renderLineHighlight: 'line',
    // Monaco dims the number of an empty last line below readable contrast; show it like the rest.
    renderFinalNewline: 'on',
    tabSize: 2,
    scrollbar: { alwaysConsumeMouseWheel: false },
    // A quote or bracket typed over a selected blank must replace it, not wrap it: wrapped
    // quotes are not overtyped, so typing 'on' gave 'on''.
    autoSurround: 'never',
    accessibilitySupport: 'auto',
  })
  themeWatcher ??= new MutationObserver(() => monaco.editor.setTheme(currentTheme()))
  themeWatcher.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  })

  const decorations = editor.createDecorationsCollection()
  const hasBlanks = editor.createContextKey<boolean>('exerciseHasBlanks', false)
  const refreshBlanks = () => {
    const blanks = findBlanks(model.getValue())
    hasBlanks.set(blanks.length > 0)
    decorations.set(
      blanks.map((blank) => {
        const start = model.getPositionAt(blank.offset)
        const length = /^_+/.exec(model.getValue().slice(blank.offset))?.[0].length ?? 3
        return {
          range: new monaco.Range(
            start.lineNumber,
            start.column,
            start.lineNumber,
            start.column + length,
          ),
          options: {
            inlineClassName: 'exercise-blank',
            hoverMessage: { value: 'Fill in this blank' },
          },
        }
      }),
    )
  }
  // The blank selected for the learner when the editor took focus. The first Tab from it stays on
  // it (a keyboard user presses Tab to reach a blank), so answers never land one blank off.
  let offered: InstanceType<typeof monaco.Range> | null = null
  const selectBlank = (direction: 1 | -1, from?: number) => {
    const selection = editor.getSelection()
    if (offered && direction === 1 && selection?.equalsRange(offered)) {
      offered = null
      return true
    }
    offered = null
    const blanks = findBlanks(model.getValue())
    const position = editor.getPosition()
    const offset = from ?? (position ? model.getOffsetAt(position) : 0)
    const blank = nextBlank(blanks, offset, direction)
    if (!blank) return false
    const length = /^_+/.exec(model.getValue().slice(blank.offset))?.[0].length ?? 3
    const start = model.getPositionAt(blank.offset)
    editor.setSelection(
      new monaco.Range(start.lineNumber, start.column, start.lineNumber, start.column + length),
    )
    editor.revealLineInCenterIfOutsideViewport(start.lineNumber)
    return true
  }
  refreshBlanks()
  model.onDidChangeContent(() => {
    refreshBlanks()
    options.onChange(model.getValue())
  })
  editor.addCommand(
    monaco.KeyCode.Tab,
    () => void selectBlank(1),
    'exerciseHasBlanks && !suggestWidgetVisible && !editorTabMovesFocus',
  )
  editor.addCommand(
    monaco.KeyMod.Shift | monaco.KeyCode.Tab,
    () => void selectBlank(-1),
    'exerciseHasBlanks && !suggestWidgetVisible && !editorTabMovesFocus',
  )
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onCheck())

  return {
    getValue: () => model.getValue(),
    setValue: (value) => {
      if (value !== model.getValue()) model.setValue(value)
    },
    focus: () => editor.focus(),
    selectFirstBlank: () => {
      const found = selectBlank(1, -1)
      offered = found ? editor.getSelection() : null
      return found
    },
    goTo: (lineNumber, column) => {
      editor.setPosition({ lineNumber, column })
      editor.revealLineInCenterIfOutsideViewport(lineNumber)
      editor.focus()
    },
    typeErrors: async () => {
      await typesLoaded
      const worker = await typeScriptWorker(model.uri)
      const file = model.uri.toString()
      const diagnostics = [
        ...(await worker.getSyntacticDiagnostics(file)),
        ...(await worker.getSemanticDiagnostics(file)),
      ]
      const blanks = new Set(findBlanks(model.getValue()).map((blank) => blank.offset))
      return diagnostics
        .filter((diagnostic) => diagnostic.category === 1 && !blanks.has(diagnostic.start ?? -1))
        .map((diagnostic) => {
          const position = model.getPositionAt(diagnostic.start ?? 0)
          return {
            line: position.lineNumber,
            column: position.column,
            message: flatten(diagnostic.messageText),
          }
        })
    },
    dispose: () => {
      editor.dispose()
      model.dispose()
    },
  }
}

/** A TypeScript diagnostic's message: a string, or a chain of them (the first says it all). */
function flatten(text: string | { messageText: string }): string {
  return typeof text === 'string' ? text : text.messageText
}
