// How every script and test here launches Debian's Chromium on this closed network.
import { existsSync } from 'node:fs'

/** Flags that keep Chromium from reaching for the network it does not have. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/**
 * The Chromium binary: `CHROME_PATH`, else Debian's. Throws with instructions when there is none.
 *
 * @returns the path
 * @example
 * chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
 */
export function findChromium() {
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
