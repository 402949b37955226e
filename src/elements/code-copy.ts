/**
 * `<code-copy>`: adds a "Copy" button to every highlighted code block inside it. The button says
 * "Copied" (also to screen readers, through a live region) for two seconds after a copy.
 *
 * @example
 * <code-copy><pre class="astro-code"><code>const a = 1</code></pre></code-copy>
 */
export class CodeCopyElement extends HTMLElement {
  connectedCallback() {
    const status = document.createElement('p')
    status.className = 'visually-hidden'
    status.setAttribute('aria-live', 'polite')
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
      button.textContent = 'Copy'
      button.setAttribute('aria-label', 'Copy code to clipboard')
      button.addEventListener('click', async () => {
        const text = pre.querySelector('code')?.innerText ?? pre.innerText
        try {
          await navigator.clipboard.writeText(text)
          button.textContent = 'Copied'
          status.textContent = 'Code copied to clipboard'
        } catch {
          button.textContent = 'Press Ctrl+C'
          status.textContent = 'Copying was blocked; select the code and press Ctrl+C'
          const range = document.createRange()
          range.selectNodeContents(pre)
          getSelection()?.removeAllRanges()
          getSelection()?.addRange(range)
        }
        setTimeout(() => {
          button.textContent = 'Copy'
          status.textContent = ''
        }, 2000)
      })
      frame.append(button)
    }
  }
}

if (!customElements.get('code-copy')) customElements.define('code-copy', CodeCopyElement)
