import {
  $themeChoice,
  chooseTheme,
  effectiveTheme,
  nextThemeChoice,
  type ThemeChoice,
} from '../stores/theme'

/** The button's name for a choice, e.g. `Theme: follows the system (dark)`. */
function describeChoice(choice: ThemeChoice, systemDark: boolean) {
  const theme = effectiveTheme(choice, systemDark)
  return choice === 'system' ? `Theme: follows the system (${theme})` : `Theme: ${choice}`
}

/**
 * `<theme-toggle>`: wraps the theme button rendered by ThemeToggle.astro. Each press moves to the
 * next choice (light, dark, or following the system; see {@link nextThemeChoice}) and remembers
 * it. The button's name says the current choice and its title what a press does; a status region
 * announces each change. It also follows the system theme changing while the page is open.
 *
 * @example
 * <theme-toggle><button type="button"><span data-label>Theme</span></button><span role="status" data-announce></span></theme-toggle>
 */
export class ThemeToggleElement extends HTMLElement {
  #cleanup: Array<() => void> = []
  /** Kept on the element so the query, and its change listener, live as long as the button. */
  #dark: MediaQueryList | undefined

  connectedCallback() {
    const button = this.querySelector('button')
    const label = this.querySelector('[data-label]')
    const announce = this.querySelector('[data-announce]')
    if (!button) return
    const dark = (this.#dark ??= window.matchMedia('(prefers-color-scheme: dark)'))
    let changedByPress = false
    const press = () => {
      changedByPress = true
      chooseTheme(nextThemeChoice($themeChoice.get(), dark.matches))
    }
    button.addEventListener('click', press)

    const render = () => {
      const choice = $themeChoice.get()
      if (choice === 'system') delete document.documentElement.dataset['theme']
      else document.documentElement.dataset['theme'] = choice
      const name = describeChoice(choice, dark.matches)
      const next = describeChoice(nextThemeChoice(choice, dark.matches), dark.matches)
      if (label) label.textContent = name
      button.title = `${name}. Press for ${next.replace('Theme: ', '')}.`
      button.dataset['choice'] = choice
      button.dataset['theme'] = effectiveTheme(choice, dark.matches)
      if (announce && changedByPress) announce.textContent = name
      changedByPress = false
    }
    this.#cleanup.push($themeChoice.subscribe(render))
    dark.addEventListener('change', render)
    this.#cleanup.push(() => dark.removeEventListener('change', render))
    this.#cleanup.push(() => button.removeEventListener('click', press))
  }

  disconnectedCallback() {
    for (const cleanup of this.#cleanup) cleanup()
    this.#cleanup = []
  }
}

if (!customElements.get('theme-toggle')) customElements.define('theme-toggle', ThemeToggleElement)
