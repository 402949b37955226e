// Take screenshots of built pages in light and dark themes at 375 px and 1280 px, for a person to
// look at after UI work: `node scripts/screenshots.mjs /path/one /path/two` (run `npm run build` first).
// PNGs land in screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'

const paths = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const fullPage = process.argv.includes('--full')
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: chromiumArgs,
})
mkdirSync('screenshots', { recursive: true })
for (const path of paths.length ? paths : ['/']) {
  for (const theme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme })
      await page.goto(server.url + path)
      await page.waitForTimeout(300)
      const name = `screenshots/${path.replace(/\W+/g, '_') || 'home'}-${theme}-${width}.png`
      await page.screenshot({ path: name, fullPage })
      console.log(name)
      await page.close()
    }
  }
}
await browser.close()
await server.close()
