import { $runtimeStatus, startPreview } from '../stores/runtime'
import { exerciseOf } from './exercise-context'

/**
 * `<live-preview>`: once a WebContainer runs the learner's app, a button serves it and shows it
 * in a frame. The frame is made only when a preview is shown, already pointing at the preview's
 * own origin: an empty frame would share the page's origin, where scripts plus same-origin could
 * escape the sandbox. Same-origin is kept because the learner's login app needs its cookies.
 *
 * @example
 * <live-preview><section data-preview data-frame-title="Live preview of …" hidden>
 *   <button data-action="preview">Open a live preview of your server</button></section></live-preview>
 */
export class LivePreviewElement extends HTMLElement {
  #stop: (() => void) | undefined

  connectedCallback() {
    const section = this.querySelector<HTMLElement>('[data-preview]')
    const unsubscribe = $runtimeStatus.subscribe((status) => {
      if (section) section.hidden = !status.previewAvailable
    })
    const listeners = new AbortController()
    this.#stop = () => {
      unsubscribe()
      listeners.abort()
    }
    this.querySelector('[data-action="preview"]')?.addEventListener(
      'click',
      () =>
        void exerciseOf(this)?.then(({ bundle, store }) =>
          startPreview(bundle, store.$files.get(), (url) => this.#show(url)),
        ),
      { signal: listeners.signal },
    )
  }

  disconnectedCallback() {
    this.#stop?.()
  }

  #show(url: string) {
    const section = this.querySelector<HTMLElement>('[data-preview]')
    let frame = this.querySelector<HTMLIFrameElement>('iframe[data-preview-frame]')
    if (frame) {
      frame.src = url
      return
    }
    frame = document.createElement('iframe')
    frame.dataset['previewFrame'] = ''
    frame.title = section?.dataset['frameTitle'] ?? 'Live preview'
    frame.setAttribute('sandbox', 'allow-scripts allow-forms allow-same-origin')
    frame.src = url
    section?.append(frame)
  }
}

if (!customElements.get('live-preview')) customElements.define('live-preview', LivePreviewElement)
