import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** The WCAG levels every axe check in the browser tests holds the site to. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * An axe builder for a page. A page with no frames is checked with one `axe.run` in the page
 * (axe's "legacy mode"): the default mode instead runs `axe.runPartial` in every frame, then opens
 * a new blank tab, loads axe into it a second time and runs `axe.finishRun` there, which costs about
 * as much again per check. With a single frame both modes give the same results (compared on the
 * built pages: same violations, incomplete and passing nodes); with frames, the default mode stays,
 * since only it reaches frames of another origin.
 *
 * @param page - the page to check, already loaded
 * @returns a builder to add `withTags`, `include`, `options` to, then `analyze()`
 * @example
 * const results = await axeBuilder(page).withTags(wcagTags).analyze()
 * expect(results.violations).toEqual([])
 */
export function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(page.frames().length === 1)
}
