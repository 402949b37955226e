import { persistentAtom } from '@nanostores/persistent'
import { computed, type ReadableAtom } from 'nanostores'

/** The localStorage key of the theme choice. The inline script in ThemeScript.astro reads it too. */
export const THEME_KEY = 'signed-in:theme'

/** A theme the learner picked; `system` follows `prefers-color-scheme`. */
export type ThemeChoice = 'light' | 'dark' | 'system'

const $choice = persistentAtom<ThemeChoice>(THEME_KEY, 'system', {
  encode: (value) => value,
  decode: (text) => (text === 'light' || text === 'dark' ? text : 'system'),
})

/**
 * The learner's theme choice, read-only.
 *
 * @example
 * $themeChoice.subscribe((choice) => console.log(choice))
 */
export const $themeChoice: ReadableAtom<ThemeChoice> = computed($choice, (value) => value)

/**
 * The theme in effect, given the choice and the system preference.
 *
 * @param choice - the stored choice
 * @param systemPrefersDark - whether `prefers-color-scheme: dark` matches
 * @returns `'light'` or `'dark'`
 * @example
 * effectiveTheme('system', true) // 'dark'
 */
export function effectiveTheme(choice: ThemeChoice, systemPrefersDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light'
  return choice
}

/**
 * Remember a theme choice across visits.
 *
 * @param choice - `'light'`, `'dark'` or `'system'`
 * @example
 * chooseTheme('dark')
 */
export function chooseTheme(choice: ThemeChoice): void {
  $choice.set(choice)
}
