// Lighthouse (pinned 12.2.3) on the built site, served by serve.mjs with its real headers, in
// Debian's Chromium: the four category scores for the home page, a lesson that is mostly text, a
// lesson with graded exercises and the progress page, with every audit that kept a score below
// 100. Part of `npm run bench` (a minute or so a page on two cores), never of `npm test`.
// Usage: node scripts/lighthouse.mjs [/path …]. Builds dist/ first when it is missing; exits 1
// when a score is below the goal.
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'

/** The pages the issue names, by what they stand for. */
const defaultPages = [
  ['home', '/'],
  ['text lesson', '/lessons/how-a-login-works/'],
  ['exercise lesson', '/lessons/the-login-manager/'],
  ['progress', '/progress/'],
]
const categories = ['performance', 'accessibility', 'best-practices', 'seo']
const GOAL = 100

const pages =
  process.argv.length > 2 ? process.argv.slice(2).map((path) => [path, path]) : defaultPages
if (!existsSync('dist/index.html')) {
  console.log('dist/ is missing: building first.')
  execSync('npx astro build', { stdio: 'inherit' })
}

const server = await startStaticServer({ root: 'dist', port: 0 })
const profile = mkdtempSync(join(tmpdir(), 'signed-in-lighthouse-'))
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  userDataDir: profile,
  chromeFlags: ['--headless=new', ...chromiumArgs],
})
let missed = false
try {
  console.log(`Lighthouse 12.2.3, ${server.url}, mobile emulation (Lighthouse's default)\n`)
  for (const [name, path] of pages) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}.`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`)
    const scores = categories.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100))
    const below = scores.some((score) => score < GOAL)
    missed ||= below
    console.log(
      `  ${below ? 'BELOW' : 'OK   '}  ${name} (${path}): ${categories
        .map((id, index) => `${lhr.categories[id]?.title ?? id} ${scores[index]}`)
        .join(', ')}  goal ${GOAL} each`,
    )
    // Every audit that weighs on a category and did not score full marks, with Lighthouse's figure.
    for (const id of categories) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id]
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue
        const value = audit.displayValue ? ` (${audit.displayValue})` : ''
        console.log(`           ${id}: ${ref.id} scored ${Math.round(audit.score * 100)}${value}`)
      }
    }
  }
} finally {
  await chrome.kill()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
}
if (missed) process.exitCode = 1
