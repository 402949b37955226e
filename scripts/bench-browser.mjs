// Browser benchmarks for the exercise runtime, on the built site in Debian's Chromium:
//   - Worker runtime, Run click to the example's verdict (the five-request example), warm and cold
//   - first click on the code to an editable Monaco editor
//   - JS and CSS a lesson page transfers before any interaction
// Usage: node scripts/bench-browser.mjs (runs `astro build` first when dist/ is missing).
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { measurePage } from './page-weight.mjs'
import { startStaticServer } from './serve.mjs'

if (!existsSync('dist/lessons/how-a-login-works/index.html'))
  execSync('npx astro build', { stdio: 'inherit' })
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: chromiumArgs,
})
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const fmt = (ms) => `${ms.toFixed(1)} ms`

async function runExampleOnce(page) {
  return page.evaluate(async () => {
    const panel = document.querySelector('exercise-panel[data-slug="manual-session-login"]')
    const button = panel.querySelector('[data-action="check"]')
    const results = panel.querySelector('[data-results]')
    results.replaceChildren()
    const start = performance.now()
    button.dispatchEvent(new PointerEvent('pointerenter'))
    button.click()
    await new Promise((resolve) => {
      const done = () => results.querySelectorAll('.terminal li').length === 5
      if (done()) return resolve()
      const observer = new MutationObserver(() => done() && (observer.disconnect(), resolve()))
      observer.observe(results, { childList: true, subtree: true })
    })
    return performance.now() - start
  })
}

const lesson = `${server.url}/lessons/how-a-login-works/`
const cold = []
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(lesson)
  await page.waitForFunction(() => document.querySelector('exercise-panel[data-ready="true"]'))
  cold.push(await runExampleOnce(page))
  await context.close()
}
const context = await browser.newContext()
const page = await context.newPage()
await page.goto(lesson)
await page.waitForFunction(() => document.querySelector('exercise-panel[data-ready="true"]'))
await runExampleOnce(page)
const warm = []
for (let i = 0; i < 25; i++) warm.push(await runExampleOnce(page))
await context.close()

const monaco = []
for (let i = 0; i < 5; i++) {
  const editorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const editorPage = await editorContext.newPage()
  await editorPage.goto(`${server.url}/lessons/the-login-manager/`)
  const code = editorPage
    .locator('exercise-panel[data-slug="complete-the-login-flow"] .static-code')
    .first()
  await code.scrollIntoViewIfNeeded()
  const start = Date.now()
  await code.click()
  await editorPage.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
  monaco.push(Date.now() - start)
  await editorContext.close()
}
await browser.close()
await server.close()

const weights = ['/lessons/how-a-login-works/', '/lessons/the-login-manager/'].map(measurePage)
console.log('\nExercise runtime benchmarks (Chromium, built site on localhost)')
console.log(
  `  Worker runtime, Run → verdict, five-request example, warm: median ${fmt(median(warm))} of ${warm.length} (min ${fmt(Math.min(...warm))}, max ${fmt(Math.max(...warm))})  goal ≤ 100 ms`,
)
console.log(
  `  Worker runtime, Run → verdict, cold (new page, Worker start included): median ${fmt(median(cold))} of ${cold.length} (max ${fmt(Math.max(...cold))})  goal ≤ 1000 ms`,
)
console.log(
  `  First click → editable Monaco: median ${fmt(median(monaco))} of ${monaco.length} (max ${fmt(Math.max(...monaco))})  goal ≤ 1500 ms`,
)
for (const weight of weights) {
  console.log(
    `  ${weight.page}: JS ${(weight.js.gzip / 1024).toFixed(1)} KB gzipped, CSS ${(weight.css.gzip / 1024).toFixed(1)} KB gzipped before interaction  goal JS ≤ 60 KB`,
  )
}
