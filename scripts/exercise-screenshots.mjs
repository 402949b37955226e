// Screenshots of one exercise panel in each state a learner meets, for a person to look at after
// UI work: before any interaction, editing, failed, passed, solution shown, and on a phone
// (CodeMirror), each in light and dark at 375 px and 1280 px (the phone only at 375 px).
// Usage: node scripts/exercise-screenshots.mjs [lesson path] [exercise slug] (run `npm run build`
// first). PNGs land in screenshots/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'

const [lesson = '/lessons/the-login-manager/', slug = 'complete-the-login-flow'] =
  process.argv.slice(2)
const solution = readFileSync(`exercises/${slug}/solution/app.ts`, 'utf8')
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
mkdirSync('screenshots', { recursive: true })

async function shoot(theme, width, phone) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme: theme,
    ...(phone ? { hasTouch: true, isMobile: true } : {}),
  })
  const page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(server.url + lesson)
  const panel = page.locator(`exercise-panel[data-slug="${slug}"]`)
  const heading = panel.locator('.results-heading')
  const snap = async (state) => {
    const name = `screenshots/exercise-${state}-${theme}-${width}.png`
    await page.waitForTimeout(400)
    await panel.screenshot({ path: name })
    console.log(name)
  }
  const code = panel.locator('.static-code').first()
  await code.scrollIntoViewIfNeeded()
  if (phone) {
    await code.tap()
    await panel.locator('.cm-editor').waitFor()
    await snap('phone')
    await context.close()
    return
  }
  await snap('before')
  await code.click()
  await panel.locator('.monaco-editor').waitFor()
  await snap('editing')
  const setCode = (text) =>
    panel
      .locator('code-editor[data-path="app.ts"]')
      .evaluate((editor, t) => (editor.value = t), text)
  await setCode(solution.replace('  await logoutUser(c)\n', ''))
  await panel.locator('[data-action="check"]').click()
  await heading.filter({ hasText: 'checks pass' }).waitFor({ timeout: 60_000 })
  await snap('failed')
  await setCode(solution)
  await panel.locator('[data-action="check"]').click()
  await heading.filter({ hasText: 'Well done' }).waitFor({ timeout: 60_000 })
  await snap('passed')
  await panel.locator('[data-action="solution"]').click()
  await snap('solution')
  await context.close()
}

for (const theme of ['light', 'dark']) {
  for (const width of [375, 1280]) await shoot(theme, width, false)
  await shoot(theme, 375, true)
}
await browser.close()
await server.close()
