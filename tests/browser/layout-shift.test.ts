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

/** Lighthouse's mobile emulation (a Moto G Power), and a desktop window. */
const screens = {
  phone: {
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  },
  desktop: { viewport: { width: 1280, height: 900 } },
}

/** The pages Lighthouse measures (scripts/lighthouse.mjs). */
const pages = ['/', '/lessons/how-a-login-works/', '/lessons/the-login-manager/', '/progress/']

/**
 * Open a page and return every layout shift it made on its own (no input) from navigation until
 * the page has gone idle after load, each with the elements that moved.
 */
async function shiftsOf(path: string, screen: keyof typeof screens, progress?: object) {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), ...screens[screen] })
  try {
    await context.addInitScript(
      (seed) => {
        if (seed) localStorage.setItem('signed-in:progress', seed)
        const shifts: Array<{ value: number; sources: string[] }> = []
        Object.assign(window, { shifts })
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<
            PerformanceEntry & {
              value: number
              hadRecentInput: boolean
              sources: Array<{ node: Node | null }>
            }
          >) {
            if (entry.hadRecentInput) continue
            shifts.push({
              value: entry.value,
              sources: entry.sources.map(({ node }) =>
                node instanceof Element ? node.outerHTML.slice(0, 120) : String(node?.nodeName),
              ),
            })
          }
        }).observe({ type: 'layout-shift', buffered: true })
      },
      progress && JSON.stringify(progress),
    )
    const page = await context.newPage()
    await page.goto(path, { waitUntil: 'load' })
    // The page's own scripts (module scripts) have run by the load event; two idle periods after
    // it, what the page does without being asked has happened too.
    await page.evaluate(async () => {
      for (let i = 0; i < 2; i++) await new Promise((done) => requestIdleCallback(done))
    })
    return await page.evaluate(
      () => (window as unknown as { shifts: Array<{ value: number; sources: string[] }> }).shifts,
    )
  } finally {
    await context.close()
  }
}

describe('layout shift while a page loads', () => {
  for (const path of pages) {
    for (const screen of ['phone', 'desktop'] as const) {
      it(`${path} on a ${screen} does not move anything once it is shown`, async () => {
        expect(await shiftsOf(path, screen)).toEqual([])
      })
    }
  }

  it('/progress/ does not move when saved progress fills it in', async () => {
    const progress = {
      version: 1,
      lastLesson: 'how-a-login-works',
      lessons: {
        'how-a-login-works': {
          visitedAt: '2026-03-01T10:00:00.000Z',
          examplesRun: [],
          exercises: {},
          quizzes: {},
        },
      },
    }
    for (const screen of ['phone', 'desktop'] as const) {
      expect(await shiftsOf('/progress/', screen, progress)).toEqual([])
    }
  })
})
