import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './chromium'
import { desktop, openLesson, panel } from './lesson-page'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const slug = 'complete-the-login-flow'

/** Press the panel's "Download as a project" and read the zip it saves, by path. */
async function download(page: Page): Promise<Record<string, string>> {
  const button = panel(page, slug).getByRole('button', { name: 'Download as a project' })
  const [saved] = await Promise.all([page.waitForEvent('download'), button.click()])
  expect(saved.suggestedFilename()).toBe(`${slug}.zip`)
  const entries = unzipSync(readFileSync((await saved.path()) ?? ''))
  return Object.fromEntries(
    Object.entries(entries).map(([path, bytes]) => [path, strFromU8(bytes)]),
  )
}

describe('Download as a project', () => {
  it('loads nothing until pressed, then saves a zip of the learner’s current code with the tools', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    const exercise = panel(page, slug)
    await exercise.locator('[data-action="check"]').waitFor()
    expect(requested.filter((path) => path.startsWith('/project/'))).toEqual([])

    // An edit in the editor reaches the zip without a Check.
    await exercise.locator('code-editor[data-editable="true"] .static-code').first().click()
    await exercise.locator('.monaco-editor').waitFor()
    await page.keyboard.type('loadUser')
    await page.keyboard.press('Escape')

    const files = await download(page)
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining(
        [
          'app.ts',
          'users.ts',
          'pages.ts',
          'checks.ts',
          'package.json',
          'README.md',
          'signed-in.json',
          'tsconfig.json',
          'login-manager/index.ts',
          'tools/serve.mjs',
          'tools/test.mjs',
          'tools/app-thread.mjs',
        ].map((path) => `${slug}/${path}`),
      ),
    )
    expect(files[`${slug}/app.ts`]).toContain('loadUser')
    expect(files[`${slug}/app.ts`]).toContain('___')
    const manifest = JSON.parse(files[`${slug}/package.json`] ?? '') as {
      scripts: Record<string, string>
    }
    expect(manifest.scripts['start']).toBe('node tools/serve.mjs')
    expect(requested).toContain('/project/kit.json')
    await expect
      .poll(() => exercise.locator('.download-status').textContent())
      .toContain(`Saved ${slug}.zip`)
    await context.close()
  })

  it('is a keyboard-reachable button on every exercise, and not on examples', async () => {
    const context = await desktop(browser)
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercises = page.locator('exercise-panel:not([data-kind="example"])')
    const count = await exercises.count()
    expect(count).toBeGreaterThan(0)
    for (let index = 0; index < count; index++)
      await expect
        .poll(() =>
          exercises.nth(index).getByRole('button', { name: 'Download as a project' }).isEnabled(),
        )
        .toBe(true)
    expect(await page.locator('exercise-panel[data-kind="example"] download-project').count()).toBe(
      0,
    )
    const button = panel(page, slug).getByRole('button', { name: 'Download as a project' })
    await button.focus()
    const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    expect(saved.suggestedFilename()).toBe(`${slug}.zip`)
    await context.close()
  })
})
