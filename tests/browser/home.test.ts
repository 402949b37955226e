import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './chromium'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function openHome(width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${inject('baseUrl')}/`)
  return { context, page }
}

describe('the home page', () => {
  it('fills the right of the hero at 1280 px with the login the course teaches', async () => {
    const { context, page } = await openHome(1280)
    const hero = await page.locator('.hero').boundingBox()
    const text = await page.locator('.hero h1').boundingBox()
    const flow = page.locator('.hero figure.login-flow')
    const box = await flow.boundingBox()
    expect(hero && text && box).toBeTruthy()
    // Beside the heading, in the hero's right half, and level with it: not below the fold.
    expect(box!.x).toBeGreaterThan(hero!.x + hero!.width / 2)
    expect(box!.x).toBeGreaterThanOrEqual(text!.x + text!.width)
    expect(box!.y).toBeLessThan(text!.y + text!.height)
    expect(box!.y + box!.height).toBeLessThan(900)
    expect(await flow.locator('figcaption').textContent()).toBe('One login, start to finish')
    expect(await flow.locator('li').allInnerTexts()).toEqual([
      expect.stringContaining('POST /login'),
      expect.stringContaining('Set-Cookie: session='),
      expect.stringContaining('Cookie: session='),
      expect.stringContaining('c.var.currentUser'),
    ])
    await context.close()
  })

  it('stacks the picture under the pitch on a phone, without overflowing', async () => {
    const { context, page } = await openHome(375)
    const text = await page.locator('.hero h1').boundingBox()
    const box = await page.locator('.hero figure.login-flow').boundingBox()
    expect(box!.y).toBeGreaterThan(text!.y + text!.height)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await context.close()
  })

  it('describes Part 2 in TypeScript and Hono terms, not Flask ones', async () => {
    const { context, page } = await openHome(1280)
    const part = page.locator('.part', { hasText: 'Part 2' })
    const words = await part.innerText()
    expect(words).toContain('Hono')
    expect(words).not.toMatch(/UserMixin|Flask/)
    await context.close()
  })
})
