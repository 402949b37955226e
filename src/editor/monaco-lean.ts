// The parts of Monaco the course uses, instead of `editor.main` with its 80 languages. Loaded
// only when a learner starts editing (a dynamic import), so lesson pages don't pay for it.
import 'monaco-editor/editor/browser/coreCommands'
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget'
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching'
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard'
import 'monaco-editor/editor/contrib/comment/browser/comment'
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu'
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo'
import 'monaco-editor/editor/contrib/find/browser/findController'
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution'
import 'monaco-editor/editor/contrib/indentation/browser/indentation'
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations'
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor'
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints'
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode'
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter'
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError'
import 'monaco-editor/editor/common/standaloneStrings'
// Services that contributions loaded later depend on. The TypeScript language features pull in
// every editor contribution (code lens, drop into editor, inlay hints…) once the first model is
// made, after the editor's services were created; a service registered that late stays unknown,
// and the next editor on the page fails to start. Registering them here, up front, avoids that.
import 'monaco-editor/editor/common/services/treeViewsDndService'
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache'
import 'monaco-editor/editor/contrib/documentSymbols/browser/outlineModel'
import 'monaco-editor/editor/contrib/editorState/browser/keybindingCancellation'
import 'monaco-editor/editor/contrib/gotoSymbol/browser/symbolNavigation'
import 'monaco-editor/editor/contrib/inlayHints/browser/inlayHintsController'
import 'monaco-editor/editor/contrib/peekView/browser/peekView'
// The package's exports map every subpath to `.js`, so its stylesheets are reached by path.
import '../../node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css'
import '../../node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css'
import 'monaco-editor/languages/definitions/typescript/register'
export * as typescript from 'monaco-editor/languages/features/typescript/register'
export * from 'monaco-editor/editor/editor.api'
