import { isApplePlatform } from './platform'

/** The copy shortcut on this device: ⌘C on Apple systems, Ctrl+C elsewhere. */
function copyShortcut(): string {
  return isApplePlatform() ? '⌘C' : 'Ctrl+C'
}

/**
 * `<code-copy>`: adds a "Copy" button to every highlighted code block inside it. After a press the
 * button reads "Copied" for two seconds (a later press starts the two seconds again), and a status
 * region tells screen readers. If the browser refuses, the code is selected and the button says
 * which keys copy it (⌘C on a Mac, Ctrl+C elsewhere).
 *
 * @example
 * <code-copy><pre class="astro-code"><code>const a = 1</code></pre></code-copy>
 */
export class CodeCopyElement extends HTMLElement {
  connectedCallback() {
    const status = document.createElement('p')
    status.className = 'visually-hidden'
    status.setAttribute('role', 'status')
    this.append(status)
    for (const pre of this.querySelectorAll<HTMLPreElement>('pre.astro-code')) {
      if (pre.parentElement?.classList.contains('code-frame') || pre.closest('code-editor'))
        continue
      const frame = document.createElement('div')
      frame.className = 'code-frame'
      pre.replaceWith(frame)
      frame.append(pre)
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'copy-button'
      const label = document.createElement('span')
      const context = document.createElement('span')
      context.className = 'visually-hidden'
      context.textContent = ' code'
      const show = (text: string) => {
        label.textContent = text
        button.dataset['state'] = text === 'Copy' ? 'idle' : 'done'
      }
      show('Copy')
      button.append(label, context)
      let timer: ReturnType<typeof setTimeout> | undefined
      button.addEventListener('click', async () => {
        clearTimeout(timer)
        const text = pre.querySelector('code')?.innerText ?? pre.innerText
        try {
          await navigator.clipboard.writeText(text)
          show('Copied')
          status.textContent = 'Code copied to clipboard'
        } catch {
          const keys = copyShortcut()
          show(`Press ${keys}`)
          status.textContent = `Copying was blocked. The code is selected: press ${keys} to copy it.`
          const range = document.createRange()
          range.selectNodeContents(pre)
          getSelection()?.removeAllRanges()
          getSelection()?.addRange(range)
        }
        timer = setTimeout(() => {
          show('Copy')
          status.textContent = ''
        }, 2000)
      })
      frame.append(button)
    }
  }
}

if (!customElements.get('code-copy')) customElements.define('code-copy', CodeCopyElement)
