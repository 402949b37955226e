import { setPersistentEngine } from '@nanostores/persistent'
import { describe, expect, it } from 'vitest'
import {
  $themeChoice,
  THEME_KEY,
  chooseTheme,
  effectiveTheme,
  nextThemeChoice,
  type ThemeChoice,
} from './theme'

const noEvents = { addEventListener() {}, removeEventListener() {} }

describe('chooseTheme', () => {
  it('remembers light and dark, and stores nothing for system', () => {
    const storage: Record<string, string> = {}
    setPersistentEngine(storage, noEvents)
    chooseTheme('dark')
    expect(storage[THEME_KEY]).toBe('dark')
    expect($themeChoice.get()).toBe('dark')
    chooseTheme('system')
    expect(THEME_KEY in storage).toBe(false)
    expect($themeChoice.get()).toBe('system')
  })

  it('still changes the theme when storage refuses the write', () => {
    const full = new Proxy<Record<string, string>>(
      {},
      {
        set() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        },
      },
    )
    setPersistentEngine(full, noEvents)
    expect(() => chooseTheme('light')).not.toThrow()
    expect($themeChoice.get()).toBe('light')
  })
})

describe('nextThemeChoice', () => {
  it.each([
    [false, ['system', 'dark', 'light', 'system']],
    [true, ['system', 'light', 'dark', 'system']],
  ] as const)(
    'cycles through all three choices (system dark: %s), the first click changing the look',
    (systemDark, cycle) => {
      let choice: ThemeChoice = cycle[0]
      for (const expected of cycle.slice(1)) {
        const before = effectiveTheme(choice, systemDark)
        const next = nextThemeChoice(choice, systemDark)
        expect(next).toBe(expected)
        if (choice === 'system') expect(effectiveTheme(next, systemDark)).not.toBe(before)
        choice = next
      }
    },
  )
})

describe('effectiveTheme', () => {
  it('follows the system only when nothing was chosen', () => {
    expect(effectiveTheme('system', true)).toBe('dark')
    expect(effectiveTheme('system', false)).toBe('light')
    expect(effectiveTheme('light', true)).toBe('light')
    expect(effectiveTheme('dark', false)).toBe('dark')
  })
})
