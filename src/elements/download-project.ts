import { exerciseOf } from './exercise-context'

/**
 * `<download-project>`: the "Download as a project" button of an exercise. On a press it loads
 * the zipping code (and fflate) for the first time, fetches the project kit, zips the learner's
 * current files into a Node project and saves `<slug>.zip`. Its status line says what happened,
 * and why not when the kit cannot be fetched.
 *
 * @example
 * <exercise-panel …>
 *   <download-project><button type="button" disabled>Download as a project</button><span data-status role="status"></span></download-project>
 * </exercise-panel>
 */
export class DownloadProjectElement extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button')
    if (!button) return
    button.disabled = false
    button.addEventListener('click', () => void this.#download(button))
  }

  async #download(button: HTMLButtonElement) {
    const status = this.querySelector<HTMLElement>('[data-status]')
    // The panel's store holds the learner's files as the editor has them (saved or not). A press
    // before the panel's code has loaded is held by the panel and replayed once it has.
    const context = exerciseOf(this)
    if (!context) return
    button.disabled = true
    if (status) status.textContent = 'Preparing the zip…'
    try {
      const [{ bundle, store }, { downloadableProject }] = await Promise.all([
        context,
        import('../take-home/project'),
      ])
      const { name, bytes } = await downloadableProject(bundle, store.$files.get())
      const link = document.createElement('a')
      link.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }))
      link.download = name
      link.click()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
      if (status)
        status.textContent = `Saved ${name}: unzip it, then run npm install and npm start.`
    } catch (error) {
      if (status)
        status.textContent = `The project could not be made: ${error instanceof Error ? error.message : String(error)}. Your code is safe here; try again.`
    } finally {
      button.disabled = false
    }
  }
}

if (!customElements.get('download-project'))
  customElements.define('download-project', DownloadProjectElement)
