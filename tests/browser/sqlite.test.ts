import { readdirSync, readFileSync } from 'node:fs'
import type { Browser, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './chromium'
import { desktop, eventually, openLesson, panel } from './lesson-page'

// SQLite's wasm is the site's own file, fetched only by code that imports signed-in/db: a lesson
// without it never asks for the file, and a lesson with it asks once, however often it runs. (The
// service worker fetches it in the background to precache it, as it does every built file.)
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('SQLite on the site', () => {
  it('a lesson whose code does not import signed-in/db never requests the wasm, even when run', async () => {
    const context = await desktop(browser)
    const wasm: string[] = []
    context.on('request', (request: Request) => {
      // The service worker precaches every built file, the wasm included, so the course works
      // offline; what the page itself asks for is what a lesson costs.
      if (request.url().endsWith('.wasm') && !request.serviceWorker()) wasm.push(request.url())
    })
    const page = await openLesson(context, '/lessons/how-a-login-works/')
    const example = panel(page, 'manual-session-login')
    await eventually(() => example.getAttribute('data-ready')).toBe('true')
    await example.locator('[data-action="check"]').click()
    await eventually(() => example.locator('.terminal li').count(), { timeout: 10_000 }).toBe(5)
    expect(wasm).toEqual([])
    await context.close()
  })

  it('the server-side sessions example runs on SQLite in the page, fetching the wasm once from the site', async () => {
    const context = await desktop(browser)
    const wasm: string[] = []
    context.on('request', (request: Request) => {
      // The service worker precaches every built file, the wasm included, so the course works
      // offline; what the page itself asks for is what a lesson costs.
      if (request.url().endsWith('.wasm') && !request.serviceWorker()) wasm.push(request.url())
    })
    const page = await openLesson(context, '/lessons/server-side-sessions/')
    expect(wasm).toEqual([])
    const example = panel(page, 'session-table-rows')
    await eventually(() => example.getAttribute('data-ready')).toBe('true')
    for (let run = 0; run < 2; run++) {
      await example.locator('[data-action="check"]').click()
      await eventually(() => example.locator('.terminal li').count(), { timeout: 15_000 }).toBe(4)
      expect(await example.locator('.terminal li').allTextContents()).toEqual([
        expect.stringContaining('302 → /account · session cookie: 43 characters'),
        expect.stringContaining(
          'user_id 1 · id_hash is the SHA-256 of the cookie: true · the cookie itself is stored: false · expires 1800 s after its last use',
        ),
        expect.stringContaining('302 → /login · rows left: 0'),
        expect.stringContaining('302 → /login?next=%2Faccount'),
      ])
    }
    expect(wasm).toHaveLength(1)
    expect(new URL(wasm[0] ?? '').origin).toBe(new URL(page.url()).origin)
    await context.close()
  })

  it('the service worker precaches the wasm, so SQLite works offline after one visit', () => {
    const wasm = readdirSync('dist/_astro').filter((name) => name.endsWith('.wasm'))
    expect(wasm).toEqual([expect.stringMatching(/^sql-wasm-browser\./)])
    expect(readFileSync('dist/sw.js', 'utf8')).toContain(`/_astro/${wasm[0]}`)
  })
})
