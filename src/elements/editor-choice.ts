import type { CodeEditorElement } from './code-editor'

/**
 * Whether editors in this element get the touch editor (CodeMirror) instead of Monaco: on coarse
 * pointers (phones and tablets, which Monaco does not support) or when `data-plain="true"` is set
 * on it or an ancestor. Its keyboard help is the same as the last-resort textarea's.
 *
 * @param element - the editor, or the panel around it
 * @returns true for the touch editor
 * @example
 * help.dataset.mode = usesPlainEditor(panel) ? 'plain' : 'monaco'
 */
export function usesPlainEditor(element: Element): boolean {
  return matchMedia('(pointer: coarse)').matches || element.closest('[data-plain="true"]') !== null
}

/**
 * Fetch and compile the editor an element would get (Monaco, or CodeMirror on touch screens)
 * without opening it, so a later first click only has to create it. Failures are left to the
 * click, which falls back to the next kind of editor.
 *
 * @param element - the panel whose editors are meant
 * @returns when the editor's code has loaded (or failed to)
 * @example
 * await prefetchEditor(panel)
 */
export async function prefetchEditor(element: Element): Promise<void> {
  try {
    if (usesPlainEditor(element)) await import('../editor/codemirror-editor')
    else await (await import('../editor/monaco-editor')).prepareMonaco()
  } catch {
    // The first click tries again, and falls back if it must.
  }
}

/**
 * Make the Monaco editor of the first file the learner sees in a panel, hidden behind its
 * highlighted code, so a first click there only has to reveal it. Called once the learner shows
 * interest in the panel (the pointer or the focus reaches it) and the editor's code has loaded:
 * making an editor is a long task, spent only on a panel someone is about to edit. Failures are
 * left to the click, which tries again.
 *
 * @param element - the panel
 * @returns when that editor is made (or failed to be)
 * @example
 * panel.addEventListener('pointerenter', () => void prepareFirstEditor(panel), { once: true })
 */
export async function prepareFirstEditor(element: Element): Promise<void> {
  if (usesPlainEditor(element)) return
  try {
    await customElements.whenDefined('code-editor')
    const editors = element.querySelectorAll<CodeEditorElement>('code-editor[data-editable="true"]')
    await [...editors].find((editor) => editor.getClientRects().length > 0)?.prepare()
  } catch {
    // The first click tries again, and falls back if it must.
  }
}
