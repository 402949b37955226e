import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './chromium'

const baseUrl = inject('baseUrl')
let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}) {
  await context?.close()
  context = await browser.newContext({ baseURL: baseUrl, ...options })
  const page = await context.newPage()
  const requests: string[] = []
  const errors: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(path)
  return { page, requests, errors }
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Search the course' })

describe('site search', () => {
  it('loads nothing until opened; / opens it, results show the lesson and its sections', async () => {
    const { page, requests, errors } = await open('/lessons/the-login-manager/')
    await page.waitForLoadState('networkidle')
    expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([])
    await expect
      .poll(() => page.locator('site-search').evaluate((e) => e.matches(':defined')))
      .toBe(true)

    await page.locator('h1').click()
    await page.keyboard.press('/')
    const dialog = dialogOf(page)
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input')

    await page.keyboard.type('remember me')
    const first = dialog.locator('.hit', {
      has: page.locator('.hit-title', { hasText: /^The login manager$/ }),
    })
    await expect.poll(() => first.count(), { timeout: 10_000 }).toBe(1)
    expect(await first.locator('.hit-part').textContent()).toMatch(/^Part \d+ · /)
    const sections = await first.locator('.section-title').allTextContents()
    expect(sections).toContain('Remember me')
    expect(await first.locator('.sections a').first().getAttribute('href')).toMatch(
      /^\/lessons\/the-login-manager\/#/,
    )
    expect(await dialog.getByRole('status').textContent()).toMatch(/match/)
    expect(requests.some((path) => path === '/pagefind/pagefind.js')).toBe(true)

    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(errors).toEqual([])
  })

  it('Ctrl+K opens it, Tab stays inside, and closing returns focus to the opener', async () => {
    const { page } = await open('/')
    await page.locator('site-search a').focus()
    await page.keyboard.press('Control+k')
    const dialog = dialogOf(page)
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await page.keyboard.type('cookie')
    await expect.poll(() => dialog.locator('.hit').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    const count = await dialog.locator('input, button, a[href]').count()
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true)
    }
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.closest('site-search') !== null)).toBe(
      true,
    )
  })

  it('does not open while the learner types in a field', async () => {
    const { page } = await open('/')
    await page.evaluate(() => {
      const input = document.createElement('input')
      input.id = 'probe'
      document.querySelector('main')?.prepend(input)
    })
    await page.locator('#probe').focus()
    await page.keyboard.type('a/b')
    expect(await page.locator('#probe').inputValue()).toBe('a/b')
    expect(await dialogOf(page).isVisible()).toBe(false)
  })

  it('finds quiz prompts but never their answers, feedback or explanations', async () => {
    const { page } = await open('/')
    await page.keyboard.press('/')
    const dialog = dialogOf(page)
    // Two words that, together, only a few pages hold: the practice quiz's first prompt among them.
    await page.keyboard.type('job hands')
    await expect
      .poll(() => dialog.locator('.hit-title').allTextContents(), { timeout: 10_000 })
      .toContain('Practice quiz: the login manager')
    // Words only in an option's feedback and in an explanation: Pagefind may still match pages
    // on stems of them elsewhere, but no excerpt may quote them.
    for (const secret of ['bypasses', 'remain your code']) {
      await page.locator('#search-input').fill('')
      await page.locator('#search-input').fill(secret)
      const status = dialog.getByRole('status')
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).not.toBe('')
      const shown = (await dialog.locator('.search-results').textContent()) ?? ''
      expect(shown.toLowerCase()).not.toContain(secret.split(' ')[0])
    }
  })

  it('without JavaScript, the control is a link to a plain list of lessons', async () => {
    const { page } = await open('/', { javaScriptEnabled: false })
    await page.locator('site-search a').click()
    await page.waitForURL(/\/search\/$/)
    const links = await page.locator('.all-lessons > li > a').allTextContents()
    expect(links).toContain('The login manager')
    expect(await page.getByRole('link', { name: 'The user loader' }).getAttribute('href')).toBe(
      '/lessons/the-login-manager/#the-user-loader',
    )
  })
})
