import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest'
import { startStaticServer } from '../../scripts/serve.mjs'
import { launchChromium } from './chromium'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** Visit the home page once and wait until the service worker has precached and taken control. */
async function visitOnce(context: BrowserContext, site = baseUrl): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(`${site}/`)
  await page.evaluate(() => navigator.serviceWorker.ready)
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 30_000,
    })
    .toBe(true)
  return page
}

describe('the course offline', () => {
  it('registers the service worker only once the page has settled, so its precache never competes with a first Run', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/lessons/how-a-login-works/`)
    await page.waitForTimeout(1000)
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null),
    ).toBeNull()
    await page.evaluate(() => navigator.serviceWorker.ready)
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope),
    ).toBe(`${baseUrl}/`)
    await context.close()
  })

  it('fetches favicon.svg once, for the service worker (the manifest names it); no page asks for it', async () => {
    const context = await browser.newContext()
    const fetched: string[] = []
    context.on('request', (request) => {
      if (request.url() === `${baseUrl}/favicon.svg`)
        fetched.push(
          request.serviceWorker() ? 'service worker' : `page (${request.resourceType()})`,
        )
    })
    const page = await visitOnce(context)
    for (const path of ['/lessons/the-login-manager/', '/troubleshooting/']) {
      await page.goto(`${baseUrl}${path}`)
      await page.waitForLoadState('networkidle')
    }
    expect(fetched).toEqual(['service worker'])
    // The tab icon is the same picture, inlined.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href')
    expect(decodeURIComponent(icon?.replace('data:image/svg+xml,', '') ?? '')).toBe(
      readFileSync('public/favicon.svg', 'utf8').trim(),
    )
    await context.close()
  })

  it('after one visit, a lesson never opened loads offline, isolated, and its exercise passes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await visitOnce(context)
    await context.setOffline(true)

    const response = await page.goto(`${baseUrl}/lessons/the-login-manager/`)
    expect(response?.fromServiceWorker()).toBe(true)
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin')
    expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp')
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true)

    const exercise = page.locator('exercise-panel[data-slug="complete-the-login-flow"]')
    const code = exercise.locator('.static-code').first()
    await code.scrollIntoViewIfNeeded()
    await code.focus()
    await exercise.locator('.monaco-editor').waitFor({ timeout: 30_000 })
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
    for (const [index, word] of [
      'null',
      'loginUser',
      'remember',
      'loginRequired',
      'logoutUser',
    ].entries()) {
      if (index) await page.keyboard.press('Tab')
      await page.keyboard.type(word)
      await page.keyboard.press('Escape')
    }
    await page.keyboard.press('Control+Enter')
    const heading = exercise.locator('.results-heading')
    await heading.waitFor({ timeout: 30_000 })
    expect(await heading.textContent()).toBe('All 7 checks pass. Well done!')

    // A quiz page and the search index work offline too.
    await page.goto(`${baseUrl}/quizzes/login-manager-practice/`)
    await page.waitForSelector('quiz-form button[type="submit"]:not([disabled])')
    await page.keyboard.press('/')
    await page.keyboard.type('remember me')
    await expect
      .poll(() => page.locator('site-search .hit').count(), { timeout: 15_000 })
      .toBeGreaterThan(0)
    await context.close()
  })

  it('a new version waits for the learner: "A new version is ready" and Reload', async () => {
    // A copy of the site of its own, served on its own port: the new version is made by changing
    // its sw.js, which must not touch the dist/ other test files are reading at the same time.
    const copy = mkdtempSync(join(tmpdir(), 'signed-in-offline-'))
    cpSync('dist', copy, { recursive: true })
    const server = await startStaticServer({ root: copy, port: 0 })
    const context = await browser.newContext()
    onTestFinished(async () => {
      await context.close()
      await server.close()
      rmSync(copy, { recursive: true, force: true })
    })
    const page = await visitOnce(context, server.url)
    const toast = page.locator('app-update .update-toast')
    expect(await toast.isHidden()).toBe(true)
    const sw = join(copy, 'sw.js')
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// a new version\n`)
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      await registration?.update()
    })
    await expect.poll(() => toast.isVisible(), { timeout: 30_000 }).toBe(true)
    expect(await toast.textContent()).toContain('A new version is ready.')
    // Nothing was swapped: the new worker waits until the learner says so.
    expect(
      await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null,
      ),
    ).toBe(true)
    const navigation = page.waitForEvent('load')
    await toast.getByRole('button', { name: 'Reload' }).click()
    await navigation
    await expect.poll(() => toast.isHidden()).toBe(true)
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
    )
    expect(waiting).toBeNull()
  })
})
