import { typescriptLanguage } from '@codemirror/lang-javascript'
import {
  HighlightStyle,
  bracketMatching,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language'
import { EditorSelection, EditorState, Prec } from '@codemirror/state'
import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view'
import { tags } from '@lezer/highlight'
import { minimalSetup } from 'codemirror'
import { findBlanks, nextBlank } from '../grader/blanks'
import type { EditorHandle, MonacoEditorOptions } from './monaco-editor'

/** Options for {@link createCodeMirrorEditor}: the same as Monaco's, so either can serve a file. */
export type CodeMirrorEditorOptions = Omit<MonacoEditorOptions, 'siblings'>

/**
 * Token colours, written as the site's tokens are (`light-dark()` in `styles/exercise.css`), so
 * the editor follows the theme the learner picked without listening for it. The palettes are the
 * ones the build-time highlighting uses (GitHub's default light and dark), which pass AA on
 * `--code-bg`.
 */
const syntaxColours = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: 'var(--syntax-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--syntax-string)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--syntax-comment)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--syntax-constant)' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: 'var(--syntax-function)',
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--syntax-type)' },
  { tag: [tags.propertyName, tags.definition(tags.variableName)], color: 'var(--syntax-name)' },
])

const siteTheme = EditorView.theme({
  '&': {
    height: '100%',
    background: 'var(--code-bg)',
    color: 'var(--text)',
    fontSize: '14px',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '21px', overflow: 'auto' },
  '.cm-content': { padding: '14px 0', caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  // The focus ring goes around the whole box (styles/exercise.css), where the gutter cannot hide it.
  '&.cm-focused': { outline: 'none' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground':
    { background: 'var(--accent-soft)' },
  '.cm-gutters': {
    background: 'var(--code-bg)',
    color: 'var(--text-muted)',
    border: 'none',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLineGutter': { background: 'var(--accent-soft)', color: 'var(--text)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    background: 'var(--accent-soft)',
    outline: '1px solid var(--border-strong)',
  },
})

const blankMarks = new MatchDecorator({
  regexp: /_{3,}/g,
  decoration: Decoration.mark({
    class: 'exercise-blank',
    attributes: { title: 'Fill in this blank' },
  }),
})

/** Blanks (`___`) stand out as they do in the highlighted code and in Monaco. */
const blankHighlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = blankMarks.createDeco(view)
    }
    update(update: ViewUpdate) {
      this.decorations = blankMarks.updateDeco(update, this.decorations)
    }
  },
  { decorations: (plugin) => plugin.decorations },
)

const selectedBlankMark = Decoration.mark({ class: 'exercise-blank-selected' })

/**
 * The blank under the selection gets a mark of its own: the selection is drawn behind the text,
 * where a blank's own background would hide it.
 */
const selectedBlank = EditorView.decorations.compute(['doc', 'selection'], (state) => {
  const { from, to } = state.selection.main
  if (to - from < 3 || !/^_{3,}$/.test(state.sliceDoc(from, to))) return Decoration.none
  return Decoration.set([selectedBlankMark.range(from, to)])
})

/**
 * Select the blank after (1) or before (-1) the selection, wrapping around; false when none is
 * left, so Tab falls through to the browser and moves focus on.
 */
function selectBlank(view: EditorView, direction: 1 | -1, from?: number): boolean {
  const text = view.state.doc.toString()
  const { main } = view.state.selection
  const blank = nextBlank(
    findBlanks(text),
    from ?? (direction === 1 ? main.to : main.from),
    direction,
  )
  if (!blank) return false
  const length = /^_+/.exec(text.slice(blank.offset))?.[0].length ?? 3
  view.dispatch({
    selection: { anchor: blank.offset, head: blank.offset + length },
    // Show the blank with as much of its line as fits, so a blank near the start of a line
    // brings the view back from one far to the right.
    effects: EditorView.scrollIntoView(
      EditorSelection.range(view.state.doc.lineAt(blank.offset).from, blank.offset + length),
      { y: 'center' },
    ),
  })
  return true
}

/**
 * Create a CodeMirror 6 editor for one exercise file: the touch-friendly editor that phones and
 * tablets get, since Monaco does not support them. TypeScript highlighting in the site's colours,
 * line numbers, long lines scroll instead of wrapping, and blanks work as in Monaco: Tab and
 * Shift+Tab select the next and previous blank, and typing replaces the selected blank as typed
 * (no brackets or quotes are closed automatically, so `'on'` stays `'on'`). Escape, then Tab,
 * moves focus out (CodeMirror's own convention). Ctrl/Cmd+Enter asks for a check.
 *
 * Loaded with a dynamic `import()` only where it is used, so desktop pages never fetch it.
 *
 * @param container - the element the editor fills
 * @param options - value, path, label and callbacks
 * @returns a handle the `<code-editor>` element drives
 * @example
 * const editor = createCodeMirrorEditor(box, {
 *   value: 'const a = ___', path: 'app.ts', readOnly: false, ariaLabel: 'app.ts',
 *   onChange: console.log, onCheck: () => {},
 * })
 * editor.selectFirstBlank() // true: `___` is selected
 */
export function createCodeMirrorEditor(
  container: HTMLElement,
  options: CodeMirrorEditorOptions,
): EditorHandle {
  const view = new EditorView({
    parent: container,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.onCheck()
                return true
              },
            },
            {
              // CodeMirror's way out is Escape, then Tab within two seconds. Its default Escape
              // only collapses a selected blank, and a handled key would not open that window.
              key: 'Escape',
              run: (target) => {
                target.setTabFocusMode(2000)
                return false
              },
            },
            {
              key: 'Tab',
              run: (target) => selectBlank(target, 1),
              shift: (target) => selectBlank(target, -1),
            },
          ]),
        ),
        minimalSetup,
        lineNumbers(),
        highlightActiveLineGutter(),
        bracketMatching(),
        // The TypeScript grammar alone: no completions or snippets, which would pop over blanks.
        typescriptLanguage,
        syntaxHighlighting(syntaxColours),
        blankHighlighter,
        selectedBlank,
        siteTheme,
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        EditorState.readOnly.of(options.readOnly),
        EditorView.contentAttributes.of({
          'aria-label': options.ariaLabel,
          // Focusable in its own right (not only as contenteditable), so axe and assistive tech
          // see that the scrolling region can be reached by keyboard.
          tabindex: '0',
          autocapitalize: 'off',
          autocorrect: 'off',
          spellcheck: 'false',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString())
        }),
      ],
    }),
  })
  return {
    getValue: () => view.state.doc.toString(),
    setValue: (value) => {
      if (value === view.state.doc.toString()) return
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } })
    },
    focus: () => view.focus(),
    selectFirstBlank: () => selectBlank(view, 1, -1),
    goTo: (line, column) => {
      const { doc } = view.state
      const target = doc.line(Math.min(Math.max(line, 1), doc.lines))
      const offset = Math.min(target.from + Math.max(column, 1) - 1, target.to)
      view.dispatch({
        selection: { anchor: offset },
        effects: EditorView.scrollIntoView(offset, { y: 'center' }),
      })
      view.focus()
    },
    typeErrors: () => Promise.resolve(null),
    dispose: () => view.destroy(),
  }
}
