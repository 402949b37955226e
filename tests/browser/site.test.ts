import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './chromium'
import { builtPages } from './pages'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  // A context of its own per page: axe needs one, and each test starts with empty storage.
  const context = await browser.newContext({ baseURL: baseUrl, ...options })
  const page = await context.newPage()
  page.on('close', () => void context.close())
  page.on('pageerror', (error) => {
    throw error
  })
  return page
}

describe('the site shell', () => {
  it('serves every page cross-origin isolated', async () => {
    const page = await newPage()
    const response = await page.goto('/')
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin')
    expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp')
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true)
    await page.close()
  })

  it('goes home → lesson → next lesson → progress, and remembers where the learner was', async () => {
    const page = await newPage()
    await page.goto('/')
    await page.getByRole('link', { name: /Start the course/ }).click()
    await page.waitForURL(/\/lessons\//)
    const firstLesson = new URL(page.url()).pathname
    const firstTitle = await page.locator('h1').textContent()
    await page
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: /Up next/ })
      .click()
    await page.waitForURL((url) => url.pathname !== firstLesson)
    const secondTitle = (await page.locator('h1').textContent()) ?? ''
    expect(secondTitle).not.toBe(firstTitle)
    await expect
      .poll(() =>
        page
          .locator('.course-nav a[aria-current="page"] lesson-status')
          .getAttribute('data-status'),
      )
      .not.toBe('not-started')

    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Progress' })
      .click()
    await page.waitForURL(/\/progress\/$/)
    const rows = page.locator('progress-panel tbody tr')
    await expect.poll(() => rows.first().locator('td').first().textContent()).not.toBe('Not yet')
    await expect.poll(() => rows.nth(1).locator('td').first().textContent()).not.toBe('Not yet')

    await page.goto('/')
    await expect
      .poll(() => page.locator('continue-link a').textContent())
      .toContain(`Continue: ${secondTitle}`)
    await page.close()
  })

  it('remembers the theme toggle across pages and reloads, with no flash of the other theme', async () => {
    const page = await newPage({ colorScheme: 'light' })
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        ;(window as unknown as { themeAtLoad: string }).themeAtLoad =
          document.documentElement.dataset['theme'] ?? 'system'
      })
    })
    await page.goto('/')
    const toggle = page.getByRole('button', { name: 'Dark theme' })
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    const darkBackground = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    )

    await page.goto('/progress/')
    expect(
      await page.evaluate(() => (window as unknown as { themeAtLoad: string }).themeAtLoad),
    ).toBe('dark')
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      darkBackground,
    )
    await page.reload()
    expect(
      await page.evaluate(() => (window as unknown as { themeAtLoad: string }).themeAtLoad),
    ).toBe('dark')

    await page.getByRole('button', { name: 'Dark theme' }).click()
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light')
    await page.close()
  })

  it('follows the system theme when nothing was chosen', async () => {
    const page = await newPage({ colorScheme: 'dark' })
    await page.goto('/')
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBeUndefined()
    expect(
      await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'),
    ).toBe('true')
    await page.close()
  })

  it('replaces corrupt saved progress with a one-time notice, and keeps the old text', async () => {
    const page = await newPage()
    await page.goto('/')
    await page.evaluate(() =>
      localStorage.setItem('signed-in:progress', '{"version":1,"lessons":[oops'),
    )
    await page.goto('/progress/')
    const notice = page.locator('progress-notice')
    await expect.poll(() => notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toContain('could not be read (it is not valid JSON)')
    await expect.poll(() => page.locator('[data-unreadable]').isVisible()).toBe(true)
    await page.reload()
    await expect
      .poll(() => page.locator('progress-panel tbody td').first().textContent())
      .toBe('Not yet')
    expect(await notice.isVisible()).toBe(false)
    await page.close()
  })

  it('exports, refuses a bad import with a clear message, imports, and resets after confirming', async () => {
    const page = await newPage()
    await page.goto('/')
    await page.getByRole('link', { name: /Start the course/ }).click()
    await page.waitForURL(/\/lessons\//)
    await page.goto('/progress/')
    const firstCell = page.locator('progress-panel tbody td').first()
    await expect.poll(() => firstCell.textContent()).not.toBe('Not yet')

    const downloadPromise = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export to a file' }).click()
    const download = await downloadPromise
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    const exported = Buffer.concat(chunks).toString('utf8')
    expect(JSON.parse(exported)).toMatchObject({ version: 1 })

    page.once('dialog', (dialog) => void dialog.dismiss())
    await page.getByRole('button', { name: 'Reset all progress' }).click()
    expect(await firstCell.textContent()).not.toBe('Not yet')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Reset all progress' }).click()
    await expect.poll(() => firstCell.textContent()).toBe('Not yet')

    const input = page.locator('input[data-import]')
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"nope":true}'),
    })
    await expect
      .poll(() => page.locator('progress-panel [data-message]').textContent())
      .toContain('not Signed In progress')
    await input.setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    })
    await expect
      .poll(() => page.locator('progress-panel [data-message]').textContent())
      .toContain('imported from good.json')
    await expect.poll(() => firstCell.textContent()).not.toBe('Not yet')
    await page.close()
  })

  it('answers unknown paths with the 404 page', async () => {
    const page = await newPage()
    const response = await page.goto('/no-such-lesson/')
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toContain('not signed in anywhere')
    await page.close()
  })

  it('reads fine with JavaScript off', async () => {
    const page = await newPage({ javaScriptEnabled: false })
    for (const path of builtPages().filter((p) => p.startsWith('/lessons/'))) {
      await page.goto(path)
      expect(await page.locator('main h1').isVisible()).toBe(true)
      expect(await page.locator('.lesson-content').innerText()).not.toBe('')
      expect(await page.locator('.course-nav a').count()).toBeGreaterThan(0)
    }
    await page.goto('/')
    expect(await page.getByRole('link', { name: /Start the course/ }).getAttribute('href')).toMatch(
      /^\/lessons\//,
    )
    await page.close()
  })

  it('fits a 320 px wide screen on every page, and the skip link is the first stop', async () => {
    const page = await newPage({ viewport: { width: 320, height: 640 } })
    for (const path of builtPages()) {
      await page.goto(path)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow, `${path} scrolls sideways by ${overflow}px at 320px`).toBeLessThanOrEqual(0)
    }
    await page.goto('/')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.close()
  })
})

describe('accessibility', () => {
  const pages = builtPages()
  for (const theme of ['light', 'dark'] as const) {
    it(`axe finds no violations on any page in the ${theme} theme`, async () => {
      const page = await newPage({ colorScheme: theme })
      const problems: string[] = []
      for (const path of pages) {
        await page.goto(path)
        await page.waitForLoadState('load')
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze()
        for (const violation of results.violations) {
          problems.push(
            `${path}: ${violation.id} (${violation.help}) at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          )
        }
      }
      expect(problems).toEqual([])
      await page.close()
    })
  }
})
