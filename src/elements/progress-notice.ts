import { progress } from '../stores/progress'

/**
 * `<progress-notice>`: shows the one-time message when saved progress could not be read.
 *
 * @example
 * <progress-notice hidden><p data-message></p><button data-dismiss>Dismiss</button></progress-notice>
 */
export class ProgressNoticeElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined

  connectedCallback() {
    const message = this.querySelector('[data-message]')
    this.querySelector('[data-dismiss]')?.addEventListener('click', () => progress.dismissNotice())
    this.#unsubscribe = progress.$notice.subscribe((notice) => {
      this.hidden = notice === null
      if (message) message.textContent = notice ?? ''
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }
}

if (!customElements.get('progress-notice'))
  customElements.define('progress-notice', ProgressNoticeElement)
