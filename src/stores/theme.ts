import { persistentAtom } from '@nanostores/persistent'
import { atom, computed, type ReadableAtom } from 'nanostores'

/**
 * The localStorage key of the theme choice (`light` or `dark`; absent means follow the system).
 * The inline script in ThemeScript.astro reads it too, before first paint.
 *
 * @example
 * localStorage.getItem(THEME_KEY) // 'dark'
 */
export const THEME_KEY = 'signed-in:theme'

/**
 * A theme the learner picked; `system` follows `prefers-color-scheme`.
 *
 * @example
 * const choice: ThemeChoice = 'system'
 */
export type ThemeChoice = 'light' | 'dark' | 'system'

const $stored = persistentAtom<ThemeChoice>(THEME_KEY, 'system', {
  // `system` is stored as no key at all, so the head script has only two values to know.
  encode: (value) => (value === 'system' ? undefined : value),
  decode: (text) => (text === 'light' || text === 'dark' ? text : 'system'),
})
// What the page shows: follows the stored choice (other tabs too), and still changes when storage
// refuses the write.
const $choice = atom<ThemeChoice>($stored.get())
$stored.listen((choice) => $choice.set(choice))

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
 * The choice the theme button moves to next. The first click from `system` always changes what
 * the learner sees (to the opposite of the system theme), the second picks the other theme, and
 * the third goes back to following the system.
 *
 * @param choice - the current choice
 * @param systemPrefersDark - whether `prefers-color-scheme: dark` matches
 * @returns the next choice
 * @example
 * nextThemeChoice('system', false) // 'dark'
 * nextThemeChoice('dark', false) // 'light'
 * nextThemeChoice('light', false) // 'system'
 */
export function nextThemeChoice(choice: ThemeChoice, systemPrefersDark: boolean): ThemeChoice {
  const system = systemPrefersDark ? 'dark' : 'light'
  const other = systemPrefersDark ? 'light' : 'dark'
  if (choice === 'system') return other
  return choice === other ? system : 'system'
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
  try {
    $stored.set(choice)
  } catch {
    // Storage is full or blocked: the theme still changes on this page, it just isn't remembered.
  }
}
