import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * Every page in the built site, as URL paths (`/`, `/lessons/x/`, `/404.html`).
 *
 * @example
 * builtPages() // ['/', '/404.html', '/lessons/welcome/', '/progress/']
 */
export function builtPages(root = 'dist'): string[] {
  const pages: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (name === '_astro' || name.startsWith('.')) continue
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.html')) {
        const rel = `/${relative(root, path)}`
        pages.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel)
      }
    }
  }
  walk(root)
  return pages.sort()
}
