// Lighthouse (pinned 12.2.3) on the built site, served by serve.mjs with its real headers, in
// Debian's Chromium: the four category scores for the home page, the lightest lesson (every lesson
// holds an exercise; this one is mostly text), the heaviest lesson (two graded exercises, a quiz
// and an example) and the progress page, with every audit that kept a score below 100. Part of `npm run bench` (a minute or so a page on two cores), never of `npm test`.
// Performance varies from run to run with the machine's load, so each page runs RUNS times (3 by
// default) and the run with the median performance score is reported, as Lighthouse's own advice
// on variability suggests; Lighthouse's benchmark index and the load average are printed beside it.
// Usage: node scripts/lighthouse.mjs [--runs N] [/path …]. Builds dist/ first when it is missing;
// exits 1 when a score is below the goal.
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'

/** The pages the issue names, by what they stand for. */
const defaultPages = [
  ['home', '/'],
  ['lesson, mostly text', '/lessons/how-a-login-works/'],
  ['lesson with exercises', '/lessons/the-login-manager/'],
  ['progress', '/progress/'],
]
const categories = ['performance', 'accessibility', 'best-practices', 'seo']
const GOAL = 100

const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number, 1 or more.')
const pages = args.length > 0 ? args.map((path) => [path, path]) : defaultPages
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
  console.log(
    `Lighthouse 12.2.3, ${server.url}, mobile emulation (Lighthouse's default), ${cpus().length} cores\n`,
  )
  for (const [name, path] of pages) {
    const results = []
    for (let run = 0; run < runs; run++)
      results.push(await audit(`${server.url}${path}`, chrome.port))
    const performance = (lhr) => lhr.categories['performance']?.score ?? 0
    results.sort((a, b) => performance(a) - performance(b))
    const lhr = results[Math.floor((results.length - 1) / 2)]
    const scores = categories.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100))
    const below = scores.some((score) => score < GOAL)
    missed ||= below
    console.log(
      `  ${below ? 'BELOW' : 'OK   '}  ${name} (${path}): ${categories
        .map((id, index) => `${lhr.categories[id]?.title ?? id} ${scores[index]}`)
        .join(', ')}  goal ${GOAL} each`,
    )
    console.log(
      `           performance in ${runs} runs: ${results.map((r) => Math.round(performance(r) * 100)).join(', ')}; benchmark index ${Math.round(lhr.environment.benchmarkIndex)}, load average ${loadavg()[0].toFixed(1)}`,
    )
    // Every audit that weighs on a category and did not score full marks, with Lighthouse's figure.
    for (const id of categories) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const found = lhr.audits[ref.id]
        if (!found || ref.weight === 0 || found.score === null || found.score >= 1) continue
        const value = found.displayValue ? ` (${found.displayValue})` : ''
        console.log(`           ${id}: ${ref.id} scored ${Math.round(found.score * 100)}${value}`)
      }
    }
  }
} finally {
  await chrome.kill()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
}
if (missed) process.exitCode = 1

/**
 * One Lighthouse run of one page; throws when Lighthouse could not load it. On a loaded machine
 * Chromium now and then loses the start of its trace (NO_NAVSTART), which Lighthouse itself says
 * to answer by running again: that error gets two more tries, any other is thrown at once.
 */
async function audit(url, port, tries = 3) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: categories,
  })
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`)
  const error = result.lhr.runtimeError
  if (error?.code === 'NO_NAVSTART' && tries > 1) return audit(url, port, tries - 1)
  if (error) throw new Error(`${url}: ${error.message}`)
  return result.lhr
}
