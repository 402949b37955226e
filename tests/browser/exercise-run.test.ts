import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './chromium'
import { desktop, eventually, openLesson, panel } from './lesson-page'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('running code', () => {
  it('runs in the page within seconds when the learner chose a WebContainer that cannot boot, and says so, also after a reload', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/how-a-login-works/')
    const example = panel(page, 'manual-session-login')
    const choice = example.locator('[data-runtime-choice]')
    expect(await choice.locator('option').allTextContents()).toEqual([
      'automatically (the best your browser offers)',
      'in this page (quick, works offline)',
      'in real Node, inside your browser (needs the internet)',
    ])
    await choice.selectOption('webcontainer')
    for (const reload of [false, true]) {
      if (reload) await page.reload()
      const run = panel(page, 'manual-session-login')
      await eventually(() => run.getAttribute('data-ready')).toBe('true')
      await run.locator('[data-action="check"]').click()
      // Offline the boot never settles and times out after 20 s; the run must not wait for it.
      await eventually(() => run.locator('.terminal li').count(), { timeout: 10_000 }).toBe(5)
      expect(await run.locator('[data-runtime-note]').textContent()).toContain(
        'checks run in this page',
      )
    }
    await context.close()
  })
})
