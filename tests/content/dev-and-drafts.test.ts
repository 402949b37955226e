import { createServer } from 'node:net'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isolationHeaders } from '../../scripts/isolation-headers.mjs'
import { ASTRO_TEST_TIMEOUT_MS, copyProject } from './project-copy'

// A draft lesson in a copy of the project: `astro dev` serves it (marked as a draft) and sends the
// isolation headers; the production build leaves it out and no page links to it.
const project = copyProject()
afterAll(() => project.remove())
const draftSlug = 'zz-draft-lesson'
const partsYaml = readFileSync('lessons/parts.yaml', 'utf8')
const firstPart = /- id: (\S+)/.exec(partsYaml)?.[1] ?? 'missing'
project.write(
  `lessons/${draftSlug}.mdx`,
  [
    '---',
    'title: A lesson being written',
    `part: ${firstPart}`,
    'order: 1',
    'summary: Half written, so it must not ship yet.',
    'objectives:',
    '  - Notice that drafts stay out of the course',
    'minutes: 5',
    'draft: true',
    '---',
    '',
    '## Still writing',
    '',
    'Not ready.',
    '',
  ].join('\n'),
)

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Every HTML file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return htmlFiles(path)
    return entry.name.endsWith('.html') ? [path] : []
  })
}

describe('npm run dev', () => {
  it(
    'serves pages cross-origin isolated, and shows a draft at its URL without listing it',
    {
      timeout: ASTRO_TEST_TIMEOUT_MS,
    },
    async () => {
      const port = await freePort()
      const dev = project.start('astro', ['dev', '--port', String(port), '--host', '127.0.0.1'])
      try {
        const base = `http://127.0.0.1:${port}`
        // Ask until the server answers or the process ends: no count of tries, which a loaded
        // machine could use up before astro is ready; the test's own limit is the backstop.
        let home: Response | undefined
        while (!home && !dev.ended()) {
          home = await fetch(`${base}/`).catch(() => undefined)
          if (!home) await new Promise((resolve) => setTimeout(resolve, 250))
        }
        expect(home?.status, dev.output()).toBe(200)
        for (const [name, value] of Object.entries(isolationHeaders)) {
          expect(home?.headers.get(name), name).toBe(value)
        }
        expect(await home?.text()).not.toContain(draftSlug)

        const draft = await fetch(`${base}/lessons/${draftSlug}/`)
        expect(draft.status, dev.output()).toBe(200)
        expect(draft.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp')
        const html = await draft.text()
        expect(html).toContain('A lesson being written')
        expect(html).toMatch(/class="draft-note"[^>]*>\s*<strong[^>]*>Draft\.<\/strong>/)
      } finally {
        await dev.stop()
      }
    },
  )
})

describe('npm run build', () => {
  it(
    'leaves a draft out of the site and out of every list',
    { timeout: ASTRO_TEST_TIMEOUT_MS },
    async ({ signal }) => {
      const build = await project.run('astro', ['build'], { signal })
      expect(build.status, build.output).toBe(0)
      const dist = join(project.dir, 'dist')
      expect(existsSync(join(dist, 'lessons', draftSlug))).toBe(false)
      expect(existsSync(join(dist, 'lessons'))).toBe(true)
      for (const file of htmlFiles(dist)) {
        expect(readFileSync(file, 'utf8'), file).not.toContain(draftSlug)
      }
    },
  )
})
