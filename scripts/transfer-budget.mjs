// What a page transfers before any interaction, measured in Chromium: the size-budget test in
// `npm test` and the bench (`npm run bench`) both use this.
//
// "Before any interaction" means: from navigation until the page's first speculative work, with no
// input at all (no pointer moves, no keys, no scrolling). The page may prefetch code for an
// interaction that may never come (the exercise panel's parts, the quiz, the editor) only after
// its load event, at idle, and it sets the performance mark `signed-in:speculative` just before
// the first such fetch. Every script and stylesheet whose request started before that mark counts,
// and so does every inline script and style in the HTML. The test also checks that the mark comes
// after the load event, so nothing can dodge the budget by calling itself speculative early.
import { gzipSync } from 'node:zlib'

/** Budgets, in gzipped bytes. */
export const JS_BUDGET = 20 * 1024
export const CSS_BUDGET = 8 * 1024

const gzip = (body) => gzipSync(body, { level: 9 }).length

/**
 * Open a page in a fresh context and measure what it transfers before any interaction.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} url - the page's full URL
 * @returns {Promise<{ url: string, loadEnd: number, speculativeAt: number | null, js: Part[], css: Part[], jsBytes: number, cssBytes: number, later: string[] }>}
 * @example
 * const weight = await measureTransfer(browser, `${base}/lessons/the-login-manager/`)
 * weight.jsBytes <= JS_BUDGET
 */
export async function measureTransfer(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  // Service workers would serve later visits from their cache; this is a first visit.
  await context.route('**/sw.js', (route) => route.abort())
  const page = await context.newPage()
  const bodies = new Map()
  const pending = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    pending.push(
      response
        .body()
        .then((body) => bodies.set(response.url(), { type, gzip: gzip(body) }))
        .catch(() => {}),
    )
  })
  await page.goto(url, { waitUntil: 'load' })
  // Wait for the first speculative work (it comes at idle after load), or a quiet 3 seconds.
  await page
    .waitForFunction(
      () => performance.getEntriesByName('signed-in:speculative').length > 0,
      undefined,
      { timeout: 3000 },
    )
    .catch(() => {})
  // Resource entries appear once a request completes: let every request in flight finish.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
  const timing = await page.evaluate(() => ({
    loadEnd: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0,
    speculativeAt: performance.getEntriesByName('signed-in:speculative')[0]?.startTime ?? null,
    resources: performance
      .getEntriesByType('resource')
      .map((entry) => ({ name: entry.name, startTime: entry.startTime })),
    inline: [
      ...[...document.querySelectorAll('script:not([src])')]
        .filter((script) => !/json/.test(script.getAttribute('type') ?? ''))
        .map((script) => ({ type: 'script', text: script.textContent ?? '' })),
      ...[...document.querySelectorAll('style')].map((style) => ({
        type: 'stylesheet',
        text: style.textContent ?? '',
      })),
    ],
  }))
  await Promise.all(pending)
  await context.close()
  const before = (startTime) => timing.speculativeAt === null || startTime < timing.speculativeAt
  const parts = []
  const later = []
  for (const resource of timing.resources) {
    const body = bodies.get(resource.name)
    if (!body) continue
    const name = new URL(resource.name).pathname
    if (before(resource.startTime)) parts.push({ name, type: body.type, gzip: body.gzip })
    else later.push(name)
  }
  for (const inline of timing.inline)
    parts.push({ name: '(inline)', type: inline.type, gzip: gzip(Buffer.from(inline.text)) })
  const js = parts.filter((part) => part.type === 'script').sort((a, b) => b.gzip - a.gzip)
  const css = parts.filter((part) => part.type === 'stylesheet').sort((a, b) => b.gzip - a.gzip)
  const sum = (list) => list.reduce((total, part) => total + part.gzip, 0)
  return {
    url,
    loadEnd: timing.loadEnd,
    speculativeAt: timing.speculativeAt,
    js,
    css,
    jsBytes: sum(js),
    cssBytes: sum(css),
    later,
  }
}

/**
 * One line per part, largest first, for a failure message or the bench.
 *
 * @param {Array<{ name: string, gzip: number }>} parts
 * @param {number} [count]
 * @example
 * console.log(largest(weight.js))
 */
export function largest(parts, count = 5) {
  return parts
    .slice(0, count)
    .map((part) => `${(part.gzip / 1024).toFixed(1)} KB ${part.name}`)
    .join(', ')
}

/** @typedef {{ name: string, type: string, gzip: number }} Part */
