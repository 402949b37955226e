/**
 * How long after the load event the service worker is registered (then at the browser's next idle
 * moment). Its first install downloads the whole course for offline use, several megabytes: it
 * waits for the page to settle, so it never competes with the learner's first Run or first click
 * in the editor on a 2-core laptop.
 *
 * @example
 * setTimeout(register, REGISTER_AFTER_LOAD_MS)
 */
export const REGISTER_AFTER_LOAD_MS = 3000

/**
 * `<app-update>`: registers the service worker once the page has loaded and settled (see
 * {@link REGISTER_AFTER_LOAD_MS}), and shows itself when a new version is waiting. "Reload" lets that version take over and reloads; "Later" hides the
 * offer until the next page. Does nothing where service workers are unavailable (plain http on a
 * non-local host, or `astro dev`).
 *
 * @example
 * <app-update hidden><button data-reload>Reload</button><button data-later>Later</button></app-update>
 */
export class AppUpdateElement extends HTMLElement {
  connectedCallback() {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
    const start = () =>
      setTimeout(() => {
        const register = () => void this.#register()
        if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 2000 })
        else register()
      }, REGISTER_AFTER_LOAD_MS)
    if (document.readyState === 'complete') start()
    else addEventListener('load', start, { once: true })
  }

  async #register() {
    const registration = await navigator.serviceWorker.register('/sw.js').catch(() => null)
    if (!registration) return
    const offer = (worker: ServiceWorker | null) => {
      // With no controller this is the first install, not an update.
      if (!worker || !navigator.serviceWorker.controller) return
      this.hidden = false
      this.querySelector('[data-reload]')?.addEventListener('click', () => {
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload())
        worker.postMessage('skip-waiting')
      })
      this.querySelector('[data-later]')?.addEventListener('click', () => (this.hidden = true))
    }
    offer(registration.waiting)
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') offer(installing)
      })
    })
  }
}

if (!customElements.get('app-update')) customElements.define('app-update', AppUpdateElement)
