import { pageSchedule } from '../stores/warmup'
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
 * without opening it. For Monaco, the file the learner sees first then gets its editor made at
 * the next idle moment, hidden, so a first click there only has to reveal it. Failures are left
 * to the click, which tries again and falls back to the next kind of editor.
 *
 * @param element - the panel whose editors are meant
 * @returns when the editor's code has loaded and the first file's editor is made (or either failed)
 * @example
 * await prefetchEditor(panel)
 */
export async function prefetchEditor(element: Element): Promise<void> {
  try {
    if (usesPlainEditor(element)) {
      await import('../editor/codemirror-editor')
      return
    }
    await (await import('../editor/monaco-editor')).prepareMonaco()
    await customElements.whenDefined('code-editor')
    await new Promise<void>((resolve) => pageSchedule.afterLoadWhenIdle(resolve))
    const editors = element.querySelectorAll<CodeEditorElement>('code-editor[data-editable="true"]')
    await [...editors].find((editor) => editor.getClientRects().length > 0)?.prepare()
  } catch {
    // The first click tries again, and falls back if it must.
  }
}
