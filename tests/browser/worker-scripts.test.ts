import { readdirSync, readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './chromium'
import { desktop, eventually, panel } from './lesson-page'

// What the Workers that run learner code cost a first run: the built site's Worker scripts, and
// what a page fetches to run an example on a fresh visit (the "cold" figure of `npm run bench`).

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const assets = 'dist/_astro'
const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'))
const text = (name: string) => readFileSync(`${assets}/${name}`, 'utf8')
/** The files a built script imports statically (`import … from "./x.js"`), not with import(). */
const staticImports = (name: string) =>
  [...text(name).matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?"\.\/([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  )
/** The Workers that run learner code and grade it. */
const entries = scripts.filter((name) => /^(app-)?worker-entry-.*\.js$/.test(name))
/** The built files holding sucrase (the compiler) and sql.js (SQLite's glue), found by content. */
const compilerFiles = scripts.filter((name) => text(name).includes('jsxPragma'))
const sqliteFiles = scripts.filter((name) => text(name).includes('sqlite3_prepare_v2'))

describe("the Workers' scripts", () => {
  it('are the grader and the app Worker, neither of them holding the compiler or SQLite', () => {
    expect(
      entries.map((name) => name.replace(/^((?:app-)?worker-entry)-.*$/, '$1')).sort(),
    ).toEqual(['app-worker-entry', 'worker-entry'])
    expect(compilerFiles.length).toBeGreaterThan(0)
    expect(sqliteFiles.length).toBeGreaterThan(0)
    for (const entry of entries) {
      const loaded = [entry, ...staticImports(entry)]
      expect(loaded.filter((name) => compilerFiles.includes(name))).toEqual([])
      expect(loaded.filter((name) => sqliteFiles.includes(name))).toEqual([])
    }
  })

  it('import statically only files that import nothing more: a Worker starts after one round of fetches', () => {
    for (const entry of entries)
      for (const imported of staticImports(entry))
        expect([imported, staticImports(imported)]).toEqual([imported, []])
  })
})

describe('a first run on a fresh visit', () => {
  it('needs neither the compiler nor SQLite to run an example: it passes with both unreachable', async () => {
    const context = await desktop(browser)
    const refused: string[] = []
    await context.route(/\.js$/, async (route) => {
      const name = new URL(route.request().url()).pathname.replace(/^.*\//, '')
      if (![...compilerFiles, ...sqliteFiles].includes(name)) return route.continue()
      refused.push(name)
      return route.abort()
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    // Run as soon as the page is parsed (a click before the panel's code has loaded is held, then
    // carried out), so the run starts both Workers itself, as on a learner's first visit.
    await page.goto(`${inject('baseUrl')}/lessons/how-a-login-works/`, {
      waitUntil: 'domcontentloaded',
    })
    const example = panel(page, 'manual-session-login')
    await example.locator('[data-action="check"]').evaluate((button: HTMLElement) => button.click())
    await eventually(() => example.locator('.terminal li').count(), { timeout: 20_000 }).toBe(5)
    expect(await example.locator('[data-results]').textContent()).not.toMatch(
      /could not|failed to fetch|error/i,
    )
    expect(errors).toEqual([])
    await context.close()
  })
})
