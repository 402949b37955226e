import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { CSS_BUDGET, JS_BUDGET, largest, measureTransfer } from '../../scripts/transfer-budget.mjs'
import { launchChromium } from './chromium'
import { builtPages } from './pages'

// What "before any interaction" means is written at the top of scripts/transfer-budget.mjs:
// everything from navigation until the page's first idle-time prefetch, which may not start
// before the load event, with no input of any kind.
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const lessons = builtPages().filter((page) => page.startsWith('/lessons/'))

describe('size budget: what a lesson page transfers before any interaction', () => {
  it('covers every built lesson page', () => {
    expect(lessons.length).toBeGreaterThan(3)
  })

  it.each(lessons)('%s: JS ≤ 20 KB and CSS ≤ 8 KB gzipped', async (path) => {
    const weight = await measureTransfer(browser, `${inject('baseUrl')}${path}`)
    if (weight.speculativeAt !== null)
      expect(
        weight.speculativeAt,
        'speculative work began before the load event',
      ).toBeGreaterThanOrEqual(weight.loadEnd)
    expect(
      weight.jsBytes,
      `${path} transfers ${(weight.jsBytes / 1024).toFixed(1)} KB of JS before any interaction (budget 20 KB); largest: ${largest(weight.js)}`,
    ).toBeLessThanOrEqual(JS_BUDGET)
    expect(
      weight.cssBytes,
      `${path} transfers ${(weight.cssBytes / 1024).toFixed(1)} KB of CSS before any interaction (budget 8 KB); largest: ${largest(weight.css)}`,
    ).toBeLessThanOrEqual(CSS_BUDGET)
  })
})
