import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
for (const block of [false, true, false, true, false]) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  if (block) await page.route(/monaco|editor\.api|codemirror/, (r) => r.abort())
  await page.addInitScript(() => {
    window.__lt = []
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true })
  })
  const reqs = []
  page.on('request', (r) => reqs.push(r.url().replace(server.url, '')))
  await page.goto(`${server.url}/lessons/how-a-login-works/`)
  await page.waitForTimeout(8000)
  console.log(block ? 'editors blocked' : 'normal', JSON.stringify(await page.evaluate(() => window.__lt)))
  console.log('  js:', reqs.filter((u) => u.endsWith('.js')).map((u) => u.split('/').pop()).join(' '))
  await context.close()
}
await browser.close(); await server.close()
