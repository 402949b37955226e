import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
// warm the browser once
{ const c = await browser.newContext(); const p = await c.newPage(); await p.goto(`${server.url}/`); await c.close() }
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true })
const page = await context.newPage()
const cdp = await context.newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
await cdp.send('Profiler.start')
await page.goto(`${server.url}/${process.argv[2] ?? 'lessons/how-a-login-works/'}`)
await page.waitForTimeout(5000)
const { profile } = await cdp.send('Profiler.stop')
// self time per url
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map()
const dt = profile.timeDeltas
profile.samples.forEach((id, i) => {
  const n = byId.get(id); const key = (n.callFrame.url.split('/').pop() || n.callFrame.functionName || '(native)')
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
})
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'))
await browser.close(); await server.close()
