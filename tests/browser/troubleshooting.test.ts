import { existsSync, readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeEditorElement } from '../../src/elements/code-editor'
import { axeBuilder, wcagTags } from './axe'
import { launchChromium } from './chromium'
import { desktop, eventually, openEditor, openLesson, panel } from './lesson-page'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('the troubleshooting page', () => {
  it('is reachable from the site navigation, and marked as the current page there', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/')
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Fixes' })
      .click()
    await page.waitForURL(/\/troubleshooting\/$/)
    expect(await page.locator('h1').textContent()).toBe('Troubleshooting')
    expect(
      await page
        .getByRole('navigation', { name: 'Site' })
        .getByRole('link', { name: 'Fixes' })
        .getAttribute('aria-current'),
    ).toBe('page')
    await context.close()
  })

  it('links every symptom to a built lesson page, at an exercise heading that exists there', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/troubleshooting/')
    const hrefs = await page
      .locator('.symptom .fix a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
    expect(hrefs.length).toBeGreaterThanOrEqual(15)
    for (const href of hrefs) {
      const url = new URL(href, 'http://site.test')
      const file = `dist${url.pathname}index.html`
      expect(existsSync(file), href).toBe(true)
      if (url.hash) expect(readFileSync(file, 'utf8'), href).toContain(`id="${url.hash.slice(1)}"`)
    }
    // Following one lands on the mission's panel.
    await page.locator('.symptom .fix a[href$="#exercise-login-csrf-title"]').click()
    await page.waitForURL(/\/lessons\/cookie-security\/#exercise-login-csrf-title$/)
    expect(await page.locator('#exercise-login-csrf-title').isVisible()).toBe(true)
    await context.close()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${colorScheme} theme, on a phone and a desktop`, async () => {
      for (const width of [375, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme })
        const page = await openLesson(context, '/troubleshooting/')
        const results = await axeBuilder(page).withTags(wcagTags).analyze()
        expect(results.violations.map((violation) => violation.id)).toEqual([])
        await context.close()
      }
    })
  }

  it('is found by site search, at the symptom', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/')
    await page.locator('h1').first().click()
    await page.keyboard.press('/')
    const dialog = page.getByRole('dialog', { name: 'Search the course' })
    await eventually(() => dialog.isVisible()).toBe(true)
    await page.keyboard.type('invalid state')
    const hit = dialog.locator('.hit', {
      has: page.locator('.hit-title', { hasText: /^Troubleshooting$/ }),
    })
    await eventually(() => hit.count()).toBe(1)
    expect(
      await hit.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toContain('/troubleshooting/#logged-out-after-identity-provider')
    await context.close()
  })
})

describe('the cookie security exercise in the browser', () => {
  it("shows the jar's reason for the Secure cookie refused over plain http in the inspector", async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/cookie-security/')
    const exercise = panel(page, 'harden-cookies-and-csrf')
    await openEditor(exercise)
    await exercise
      .locator('code-editor[data-path="app.ts"]')
      .evaluate(
        (editor, text) => ((editor as CodeEditorElement).value = text),
        readFileSync('exercises/harden-cookies-and-csrf/solution/app.ts', 'utf8'),
      )
    await exercise.locator('[data-action="check"]').click()
    await eventually(() => exercise.locator('.checks [data-passed="true"]').count(), {
      timeout: 30_000,
    }).toBe(8)
    await exercise.locator('.inspector summary').click()
    const rejected = exercise.locator('.timeline-cookie-reasons li[data-action="rejected"]')
    // The login over http, and the redirect to /login after it, each set a cookie it refused.
    expect(new Set(await rejected.allTextContents())).toEqual(
      new Set([
        '__Host-session Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)',
      ]),
    )
    expect(await rejected.first().isVisible()).toBe(true)
    await context.close()
  })
})
