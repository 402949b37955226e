import { chromium, type Browser } from 'playwright-core'
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs'

export { findChromium }

/**
 * How long a Playwright action or wait (click, waitFor, goto) may take before it fails, in every
 * context the tests open. Playwright's own default, 30 s, is a wall-clock budget that a busy 2-core
 * machine running two browsers can use up while Monaco loads; an action that succeeds still ends as
 * soon as it can, so only a failure waits longer. The test's own timeout stays the backstop.
 */
const ACTION_TIMEOUT_MS = 90_000

/**
 * Launch headless Chromium with the flags this closed network needs; Playwright gives each launch
 * a fresh temporary profile. Every context it opens has the tests' action timeout.
 *
 * @example
 * const browser = await launchChromium()
 * const page = await (await browser.newContext()).newPage()
 * await browser.close()
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs,
  })
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => {
    const context = await newContext(options)
    context.setDefaultTimeout(ACTION_TIMEOUT_MS)
    return context
  }
  return browser
}
