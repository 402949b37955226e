import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { startStaticServer } from './serve.mjs'
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
const solution = readFileSync('exercises/test-the-login-flow/solution/app.test.ts', 'utf8')
const partial = solution.split('\ntest(').slice(0, 5).join('\ntest(')
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('console', (m) => console.log('console:', m.text()))
  await page.goto(`${server.url}/lessons/testing-the-login-flow/`)
  const exercise = page.locator('exercise-panel[data-slug="test-the-login-flow"]')
  await exercise.locator('[data-runtime-choice]').selectOption('worker')
  await exercise.locator('code-editor[data-editable="true"] .static-code').first().click()
  await exercise.locator('.monaco-editor').first().waitFor({ timeout: 30000 })
  const times = []
  for (const [code, passedWanted] of [[solution, 10], [partial, 6], [solution, 10], [partial, 6], [solution, 10], [partial, 6]]) {
    await exercise.locator('code-editor[data-path="app.test.ts"]').evaluate((e, t) => (e.value = t), code)
    await page.evaluate(() => document.querySelectorAll('exercise-panel[data-slug="test-the-login-flow"] .checks').forEach((e) => e.remove()))
    const start = Date.now()
    await exercise.locator('[data-action="check"]').click()
    await page.waitForFunction(([n]) => document.querySelectorAll('exercise-panel[data-slug="test-the-login-flow"] .checks li').length === n, [10], { timeout: 40000, polling: 20 }).catch(async (e) => { console.log('TEXT', (await exercise.textContent()).slice(-900)); throw e })
    times.push(Date.now() - start)
  }
  console.log('check → verdict ms', times.join(', '))
} finally {
  await browser.close()
  await server.close()
}
