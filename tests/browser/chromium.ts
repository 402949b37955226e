import { chromium, type Browser } from 'playwright-core'
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs'

export { findChromium }

/**
 * Launch headless Chromium with the flags this closed network needs; Playwright gives each launch
 * a fresh temporary profile.
 *
 * @example
 * const browser = await launchChromium()
 * const page = await (await browser.newContext()).newPage()
 * await browser.close()
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs })
}
