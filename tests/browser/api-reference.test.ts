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

describe('the API reference page', () => {
  for (const width of [320, 375, 1280]) {
    it(`wraps code names only at camelCase, dots and spaces, never mid-word, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${inject('baseUrl')}/reference/login-manager/`)
      // Where each inline code span wraps: the characters either side of every line break.
      const breaks = await page.evaluate(() => {
        const found: Array<{ code: string; before: string; after: string; spaced: boolean }> = []
        for (const code of document.querySelectorAll('main :not(pre) > code')) {
          if (code.getClientRects().length < 2) continue
          // `at` is the offset in the span's whole text: a space the line break swallowed has no
          // box of its own, so it shows as whitespace between two neighbours.
          const chars: Array<{ char: string; top: number; at: number }> = []
          let text = ''
          const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT)
          for (
            let node = walker.nextNode() as Text | null;
            node;
            node = walker.nextNode() as Text | null
          ) {
            for (let i = 0; i < node.length; i++) {
              const range = document.createRange()
              range.setStart(node, i)
              range.setEnd(node, i + 1)
              const rect = range.getClientRects()[0]
              if (rect && rect.width > 0)
                chars.push({ char: node.data[i] ?? '', top: rect.top, at: text.length + i })
            }
            text += node.data
          }
          for (let i = 1; i < chars.length; i++) {
            const [before, after] = [chars[i - 1]!, chars[i]!]
            if (after.top > before.top + 2)
              found.push({
                code: code.textContent ?? '',
                before: before.char,
                after: after.char,
                spaced: /\s/.test(text.slice(before.at + 1, after.at)),
              })
          }
        }
        return found
      })
      // Mid-word: letters or digits on both sides, and not a lower-to-upper camelCase boundary.
      const midWord = breaks.filter(({ before, after, spaced }) => {
        if (spaced) return false
        const camel = /[a-z0-9]/.test(before) && /[A-Z]/.test(after)
        return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) && !camel
      })
      expect(midWord).toEqual([])
      // …and the page still fits: nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await context.close()
    })
  }
})

describe('the API reference text', () => {
  it('shows no raw {@link …}: each is a link to an anchor of the page, or plain code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${inject('baseUrl')}/reference/login-manager/`)
    expect(await page.locator('main').innerText()).not.toContain('{@link')
    // Links inside the docs' prose (not the page index) that jump within the page.
    const links = await page.locator('main article.entry a[href^="#"]').evaluateAll((anchors) =>
      anchors.map((a) => ({
        href: a.getAttribute('href') ?? '',
        found: document.getElementById(a.getAttribute('href')?.slice(1) ?? '') !== null,
      })),
    )
    expect(links.length).toBeGreaterThan(5)
    expect(links.filter((link) => !link.found)).toEqual([])
    // One of them: the options of session() link to session itself.
    const toSession = page.locator('article#SessionOptions a[href="#session"]')
    expect(await toSession.innerText()).toBe('session')
    await context.close()
  })
})

describe('the page index of the long reference pages (PageIndex)', () => {
  const pages = [
    { path: '/reference/login-manager/', label: 'On this page', groups: 5 },
    { path: '/flask-login/', label: 'On this page', groups: 0 },
    { path: '/troubleshooting/', label: 'Kinds of problem', groups: 0 },
  ]
  for (const { path, label, groups } of pages) {
    it(`on ${path}: one "${label}" index whose every link jumps to a heading of the page`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${inject('baseUrl')}${path}`)
      const index = page.locator('nav.page-index')
      expect(await index.count()).toBe(1)
      expect(await index.getAttribute('aria-label')).toBe(label)
      expect(await index.locator('.page-index-heading').count()).toBe(groups)
      const targets = await index.locator('a').evaluateAll((links) =>
        links.map((link) => ({
          href: link.getAttribute('href') ?? '',
          found: document.getElementById(link.getAttribute('href')?.slice(1) ?? '') !== null,
        })),
      )
      expect(targets.length).toBeGreaterThanOrEqual(3)
      expect(targets.filter((target) => !target.href.startsWith('#') || !target.found)).toEqual([])
      // Following the last link scrolls its heading into view, below the sticky header.
      await index.locator('a').last().click()
      const hash = targets.at(-1)?.href ?? ''
      await page.waitForURL((url) => url.hash === hash)
      const top = await page
        .locator(hash)
        .evaluate((element) => element.getBoundingClientRect().top)
      const header = await page
        .locator('.site-header')
        .evaluate((element) => element.getBoundingClientRect().bottom)
      expect(top).toBeGreaterThanOrEqual(header)
      await context.close()
    })
  }
})
