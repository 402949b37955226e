import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeBuilder, wcagTags } from './axe'
import { launchChromium } from './chromium'

// Lesson diagrams are SVG drawn at build time. They must read as one image with its text
// alternative, need no script, recolour with the theme, and keep their text and lines legible.
const baseUrl = inject('baseUrl')
const lesson = '/lessons/how-a-login-works/'
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options })
  const page = await context.newPage()
  page.on('close', () => void context.close().catch(() => undefined))
  await page.goto(lesson)
  return page
}

/** Each diagram's smallest text contrast and smallest line contrast against its frame. */
function measureContrast(page: Page) {
  return page.evaluate(() => {
    const channels = (colour: string) => {
      const probe = document.createElement('canvas').getContext('2d')
      if (!probe) throw new Error('no canvas')
      probe.fillStyle = colour
      probe.fillRect(0, 0, 1, 1)
      return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)]
    }
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = channels(colour).map((value) => {
        const c = value / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const ratio = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
      return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
    }
    return [...document.querySelectorAll('figure.diagram')].map((figure) => {
      const frame = figure.querySelector('.diagram-frame')
      if (!frame) throw new Error('no frame')
      const background = getComputedStyle(frame).backgroundColor
      const texts = [...figure.querySelectorAll('svg text')].map((text) =>
        ratio(getComputedStyle(text).fill, background),
      )
      const lines = [...figure.querySelectorAll('svg line, svg polyline, svg path')]
        .map((line) => getComputedStyle(line).stroke)
        .filter((stroke) => stroke !== 'none')
        .map((stroke) => ratio(stroke, background))
      return {
        text: Math.min(...texts),
        lines: Math.min(...lines),
        fill: texts.length,
        firstFill: getComputedStyle(figure.querySelector('svg text') as Element).fill,
      }
    })
  })
}

describe('lesson diagrams', () => {
  it('are images named by their text alternative, with no script needed', async () => {
    const page = await open({ javaScriptEnabled: false })
    const diagram = page.getByRole('img', { name: /sequence between the browser and the server/ })
    await expect(diagram.count()).resolves.toBe(1)
    const box = await diagram.boundingBox()
    expect(box?.width).toBeGreaterThan(200)
    expect(box?.height).toBeGreaterThan(200)
    await page.close()
  })

  for (const theme of ['light', 'dark'] as const) {
    it(`keep text at 4.5:1 and lines at 3:1 in the ${theme} theme, and pass axe`, async () => {
      const page = await open({ colorScheme: theme })
      const measured = await measureContrast(page)
      expect(measured.length).toBeGreaterThan(0)
      for (const diagram of measured) {
        expect(diagram.fill).toBeGreaterThan(0)
        expect(diagram.text).toBeGreaterThanOrEqual(4.5)
        expect(diagram.lines).toBeGreaterThanOrEqual(3)
      }
      const results = await axeBuilder(page).include('figure.diagram').withTags(wcagTags).analyze()
      expect(results.violations.map((violation) => violation.id)).toEqual([])
      await page.close()
    })
  }

  it('recolour when the learner picks the other theme, without a reload', async () => {
    const page = await open({ colorScheme: 'light' })
    const [light] = await measureContrast(page)
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'))
    const [dark] = await measureContrast(page)
    expect(light?.firstFill).toBeTruthy()
    expect(dark?.firstFill).not.toBe(light?.firstFill)
    expect(dark?.text).toBeGreaterThanOrEqual(4.5)
    await page.close()
  })
})
