// Measures what a built page transfers before any interaction: the JS and CSS it loads (inline and
// external, following static imports between chunks, not dynamic ones), gzipped.
// Usage: node scripts/page-weight.mjs [page path …] [--json] [--max-js-kb=N]
// (run `npm run build` first). The default page is the first lesson.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

const root = 'dist'
const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
const args = isMain ? process.argv.slice(2) : []
const asJson = args.includes('--json')
const maxJs = Number(args.find((a) => a.startsWith('--max-js-kb='))?.split('=')[1] ?? NaN)
let pages = args.filter((a) => !a.startsWith('--'))
if (isMain && pages.length === 0) {
  const lessons = readdirSync(join(root, 'lessons')).sort()
  pages = [`/lessons/${lessons[0]}/`]
}

const gz = (text) => gzipSync(text, { level: 9 }).length

/**
 * The JS and CSS a page loads before interaction, with raw and gzipped sizes.
 *
 * @param {string} pagePath - a path such as `/lessons/x/`
 * @returns {{ page: string, js: { files: string[], raw: number, gzip: number }, css: { files: string[], raw: number, gzip: number } }}
 * @example
 * measurePage('/lessons/how-a-login-works/').js.gzip
 */
export function measurePage(pagePath) {
  const file = join(root, pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath)
  const html = readFileSync(file, 'utf8')
  const js = { files: [], raw: 0, gzip: 0 }
  const css = { files: [], raw: 0, gzip: 0 }
  const seen = new Set()
  const addJs = (url) => {
    if (seen.has(url)) return
    seen.add(url)
    const path = join(root, url)
    if (!existsSync(path)) return
    const text = readFileSync(path, 'utf8')
    js.files.push(url)
    js.raw += text.length
    js.gzip += gz(text)
    for (const match of text.matchAll(
      /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g,
    )) {
      addJs(posix.join(posix.dirname(url), match[1]))
    }
  }
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1])?.[1]
    if (src) addJs(src)
    else if (!/type="application\/(ld\+)?json"/.test(match[1])) {
      js.files.push('(inline)')
      js.raw += match[2].length
      js.gzip += gz(match[2])
      for (const imp of match[2].matchAll(/import\s*["']([^"']+)["']|from\s*["']([^"']+)["']/g))
        addJs(imp[1] ?? imp[2])
    }
  }
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    addJs(match[1])
  for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const text = readFileSync(join(root, match[1]), 'utf8')
    css.files.push(match[1])
    css.raw += text.length
    css.gzip += gz(text)
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
    css.files.push('(inline)')
    css.raw += match[1].length
    css.gzip += gz(match[1])
  }
  return { page: pagePath, js, css }
}

if (isMain) report()

function report() {
  const results = pages.map(measurePage)
  if (asJson) console.log(JSON.stringify(results, null, 2))
  else {
    for (const r of results) {
      console.log(`${r.page}`)
      console.log(
        `  JS : ${(r.js.gzip / 1024).toFixed(1)} KB gzipped (${(r.js.raw / 1024).toFixed(1)} KB raw) in ${r.js.files.length} parts`,
      )
      console.log(
        `  CSS: ${(r.css.gzip / 1024).toFixed(1)} KB gzipped (${(r.css.raw / 1024).toFixed(1)} KB raw) in ${r.css.files.length} parts`,
      )
    }
  }
  const over = results.filter((r) => Number.isFinite(maxJs) && r.js.gzip > maxJs * 1024)
  if (over.length) {
    console.error(`Over the ${maxJs} KB gzipped JS budget: ${over.map((r) => r.page).join(', ')}`)
    process.exit(1)
  }
}
