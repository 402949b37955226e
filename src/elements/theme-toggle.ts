import { $themeChoice, chooseTheme, effectiveTheme } from '../stores/theme'

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

/**
 * `<theme-toggle>`: wraps a button that switches between light and dark and remembers the choice.
 * The button is rendered by ThemeToggle.astro and stays hidden until this element upgrades.
 *
 * @example
 * <theme-toggle><button type="button" hidden>Theme</button></theme-toggle>
 */
export class ThemeToggleElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined

  connectedCallback() {
    const button = this.querySelector('button')
    if (!button) return
    button.hidden = false
    button.addEventListener('click', () => {
      const current = effectiveTheme($themeChoice.get(), darkQuery().matches)
      chooseTheme(current === 'dark' ? 'light' : 'dark')
    })
    this.#unsubscribe = $themeChoice.subscribe((choice) => {
      const theme = effectiveTheme(choice, darkQuery().matches)
      if (choice === 'system') delete document.documentElement.dataset['theme']
      else document.documentElement.dataset['theme'] = choice
      button.setAttribute('aria-pressed', String(theme === 'dark'))
      button.dataset['theme'] = theme
    })
  }

  disconnectedCallback() {
    this.#unsubscribe?.()
  }
}

if (!customElements.get('theme-toggle')) customElements.define('theme-toggle', ThemeToggleElement)
