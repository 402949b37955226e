import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeBuilder, wcagTags } from './axe'
import { launchChromium } from './chromium'
import { watchProblems } from './page-problems'
import { builtPages } from './pages'

/** One way of showing the site: the system's colour scheme, and the theme the learner chose. */
export interface AxeSetup {
  name: string
  colorScheme: 'light' | 'dark'
  chosen: 'light' | 'dark' | null
}

/**
 * Both themes, reached both ways: following the system, and chosen against the system. The sweep
 * is split over two test files (two setups each) so the browser tests' two workers share it.
 */
export const axeSetups = {
  fromTheSystem: [
    { name: 'light, from the system', colorScheme: 'light', chosen: null },
    { name: 'dark, from the system', colorScheme: 'dark', chosen: null },
  ],
  chosenAgainstTheSystem: [
    { name: 'dark, chosen on a light system', colorScheme: 'light', chosen: 'dark' },
    { name: 'light, chosen on a dark system', colorScheme: 'dark', chosen: 'light' },
  ],
} as const satisfies Record<string, AxeSetup[]>

// Incomplete results axe cannot decide. A duplicate id that an ARIA attribute points at is always a
// real fault. Colour contrast comes back incomplete where text sits over a gradient, an image or
// overlapping elements (the translucent sticky header, code under a scroll shadow), so those are
// counted and shown, not failed on.
const failOnIncomplete = ['duplicate-id-aria', 'duplicate-id-active', 'duplicate-id']

/**
 * Define the axe sweep for some setups: one test per built page and setup. Each setup keeps one tab
 * and walks every page in it (in order, so storage builds up as a learner's would), instead of a
 * new browser context per page; every page is checked for axe violations, duplicate ids, and
 * script errors, console errors or failed requests while it was open.
 *
 * @param setups - the setups this test file covers
 * @example
 * sweepWithAxe(axeSetups.fromTheSystem)
 */
export function sweepWithAxe(setups: readonly AxeSetup[]): void {
  const baseUrl = inject('baseUrl')
  const pages = builtPages()
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('covers every built page', () => {
    expect(pages.length).toBeGreaterThan(3)
    expect(pages).toContain('/')
  })

  for (const setup of setups) {
    describe(`axe finds no violations on any page: ${setup.name}`, () => {
      let page: Page
      let problems: string[]
      const undecidedContrast: string[] = []

      beforeAll(async () => {
        const context = await browser.newContext({
          baseURL: baseUrl,
          colorScheme: setup.colorScheme,
        })
        if (setup.chosen) {
          await context.addInitScript(
            (theme) => localStorage.setItem('signed-in:theme', theme),
            setup.chosen,
          )
        }
        page = await context.newPage()
        problems = watchProblems(page)
      })

      afterAll(async () => {
        await page?.context().close()
        if (undecidedContrast.length > 0) {
          console.info(
            `${setup.name}: axe could not decide colour contrast for ${undecidedContrast.length} elements:\n${undecidedContrast.join('\n')}`,
          )
        }
      })

      it.each(pages)('%s', async (path) => {
        problems.length = 0
        await page.goto(path)
        expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? null)).toBe(
          setup.chosen,
        )
        const results = await axeBuilder(page).withTags(wcagTags).analyze()
        const failing = [
          ...results.violations,
          ...results.incomplete.filter((result) => failOnIncomplete.includes(result.id)),
        ].map(
          (result) =>
            `${result.id} (${result.help}) at ${result.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        )
        for (const result of results.incomplete.filter((r) => r.id === 'color-contrast')) {
          undecidedContrast.push(...result.nodes.map((n) => `${path} ${n.target.join(' ')}`))
        }
        expect(failing).toEqual([])

        // Every id once per page, whether or not axe's rules look at it.
        const ids = await page.evaluate(() =>
          [...document.querySelectorAll('[id]')].map((element) => element.id),
        )
        expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])

        // The 404 page answers its own navigation with 404, which the console reports.
        expect(problems.filter((problem) => !/status of 404/.test(problem))).toEqual([])
      })
    })
  }
}
