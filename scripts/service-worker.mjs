import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/**
 * Files the service worker does not precache: the WebContainer file tree (a WebContainer needs
 * StackBlitz's servers to boot, so it cannot run offline anyway) and the worker itself.
 */
const skipped = new Set(['runtime/webcontainer-tree.json', 'sw.js'])

/**
 * The URLs of every built file to precache: pages as their directory URL (`/lessons/x/`), the
 * rest as they are (JS, CSS, wasm, fonts, the search index, icons, the manifest).
 *
 * @param {string} dir - the built site
 * @returns {string[]} sorted URLs
 * @example
 * precacheList('dist').includes('/lessons/the-login-manager/') // true
 */
export function precacheList(dir) {
  const urls = []
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else {
        const rel = relative(dir, path).split(sep).join('/')
        if (skipped.has(rel) || name.endsWith('.map') || name.startsWith('_')) continue
        urls.push(rel.endsWith('index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`)
      }
    }
  }
  walk(dir)
  return urls.sort()
}

/**
 * Write `<dir>/sw.js`: the service worker of `src/offline/service-worker.ts`, bundled with the
 * precache list and a version that changes whenever any precached file does.
 *
 * @param {string} dir - the built site
 * @returns {Promise<{ files: number, version: string }>}
 * @example
 * await buildServiceWorker('dist') // { files: 60, version: '3f2a…' }
 */
export async function buildServiceWorker(dir) {
  const urls = precacheList(dir)
  const hash = createHash('sha256')
  for (const url of urls) {
    const file = url.endsWith('/') ? `${url}index.html` : url
    hash.update(url).update(readFileSync(join(dir, file)))
  }
  const version = hash.digest('hex').slice(0, 16)
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/offline/service-worker.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    define: { __PRECACHE__: JSON.stringify(urls), __VERSION__: JSON.stringify(version) },
  })
  writeFileSync(join(dir, 'sw.js'), result.outputFiles[0].text)
  return { files: urls.length, version }
}

/**
 * An Astro integration that writes the service worker after every build, after the search index
 * (list it after `searchIndex()`), so the index is precached too.
 *
 * @returns {import('astro').AstroIntegration}
 * @example
 * defineConfig({ integrations: [searchIndex(), serviceWorker()] })
 */
export function serviceWorker() {
  return {
    name: 'signed-in:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { files, version } = await buildServiceWorker(fileURLToPath(dir))
        logger.info(`Service worker ${version}: ${files} files precached.`)
      },
    },
  }
}
