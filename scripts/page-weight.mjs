// Prints what built pages transfer before any interaction, measured in Chromium the same way as
// the size-budget test (see transfer-budget.mjs for what "before any interaction" means).
// Usage: node scripts/page-weight.mjs [page path …] (run `npm run build` first). With no path,
// every lesson page. Exits 1 when a page is over the budget.
import { readdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'
import { CSS_BUDGET, JS_BUDGET, largest, measureTransfer } from './transfer-budget.mjs'

const args = process.argv.slice(2)
const pages = args.length
  ? args
  : readdirSync('dist/lessons')
      .sort()
      .map((lesson) => `/lessons/${lesson}/`)
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
for (const page of pages) {
  const weight = await measureTransfer(browser, `${server.url}${page}`)
  const over = weight.jsBytes > JS_BUDGET || weight.cssBytes > CSS_BUDGET
  if (over) process.exitCode = 1
  console.log(`${over ? 'OVER' : 'OK  '} ${page}`)
  console.log(
    `  JS : ${kb(weight.jsBytes)} gzipped (budget ${kb(JS_BUDGET)}); ${largest(weight.js)}`,
  )
  console.log(
    `  CSS: ${kb(weight.cssBytes)} gzipped (budget ${kb(CSS_BUDGET)}); ${largest(weight.css)}`,
  )
}
await browser.close()
await server.close()
