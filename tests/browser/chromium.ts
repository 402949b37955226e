import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/**
 * Find the Chromium the browser tests drive. Fails loudly (never skips) when none is found.
 *
 * @example
 * const path = findChromium() // '/usr/bin/chromium'
 */
export function findChromium(): string {
  const fromEnv = process.env['CHROME_PATH']
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(
      `CHROME_PATH is set to ${fromEnv}, but no file is there. Point it at a Chromium binary.`,
    )
  }
  const found = candidates.find((path) => existsSync(path))
  if (found) return found
  throw new Error(
    "No Chromium found for the browser tests. Install Debian's package (as root: apt-get update && apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.",
  )
}

/**
 * Launch headless Chromium with the flags this closed network needs and a fresh profile.
 *
 * @example
 * const browser = await launchChromium()
 * const page = await browser.newPage()
 * await browser.close()
 */
export async function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary profile of its own.
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
