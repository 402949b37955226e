import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { courseModules } from './builtin-modules'
import { courseBuiltins } from './builtins'
import { HONO_SUBPATHS, LEFT_OUT_HONO_EXPORTS } from './hono-modules'
import { runExercise } from './run-exercise'

const honoRoot = 'node_modules/hono'
const exportsMap = (
  JSON.parse(readFileSync(join(honoRoot, 'package.json'), 'utf8')) as {
    exports: Record<string, { import: string }>
  }
).exports

/** Every file an ES module pulls in through relative imports, and the bare imports it makes. */
function importGraph(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>()
  const bare = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      const specifier = match[1] ?? ''
      if (!specifier.startsWith('.')) bare.add(specifier)
      else {
        const target = resolve(dirname(file), specifier)
        visit(existsSync(target) ? target : `${target}.js`)
      }
    }
  }
  visit(entry)
  return { files, bare }
}

describe('the hono subpaths learner code may import', () => {
  it("are every export in hono's package.json, except those left out on purpose", () => {
    const exported = Object.keys(exportsMap)
      .filter((key) => key !== '.')
      .map((key) => `hono/${key.slice(2)}`)
    expect([...HONO_SUBPATHS, ...Object.keys(LEFT_OUT_HONO_EXPORTS)].sort()).toEqual(
      exported.sort(),
    )
    expect(HONO_SUBPATHS.length).toBeGreaterThan(50)
  })

  it('are all served, as the real modules', async () => {
    const served = Object.keys(courseBuiltins).filter((name) => name.startsWith('hono/'))
    expect(served.sort()).toEqual([...HONO_SUBPATHS].sort())
    expect(courseBuiltins['hono/cors']).toBe(await import('hono/cors'))
  })

  it('need no node: module, which a browser Worker does not have', () => {
    for (const subpath of HONO_SUBPATHS) {
      const entry = exportsMap[`./${subpath.slice('hono/'.length)}`]?.import ?? ''
      const { bare } = importGraph(join(honoRoot, entry))
      expect(
        [...bare].filter((name) => name.startsWith('node:')),
        subpath,
      ).toEqual([])
    }
    const storage = exportsMap['./context-storage']?.import ?? ''
    expect([...importGraph(join(honoRoot, storage)).bare]).toContain('node:async_hooks')
  })

  it('work in learner code: cors, secure-headers, validator and jwt', async () => {
    const fixture = 'tests/browser/fixtures/hono-subpaths'
    const verdict = await runExercise(
      {
        files: { 'app.ts': readFileSync(`${fixture}/app.ts`, 'utf8') },
        editable: ['app.ts'],
        checks: readFileSync(`${fixture}/checks.ts`, 'utf8'),
        entry: 'app.ts',
      },
      courseModules,
    )
    expect(verdict.checks).toEqual([
      { name: 'hono/secure-headers sets its headers', passed: true },
      { name: 'hono/cors allows the right origin', passed: true },
      { name: 'hono/validator turns away a body without a name', passed: true },
      {
        name: 'hono/jwt signs a token that it then verifies, and refuses a forged one',
        passed: true,
      },
    ])
  })

  it('a left-out one gets a clear refusal', async () => {
    const verdict = await runExercise(
      {
        files: {
          'app.ts': `import { contextStorage } from 'hono/context-storage'\nexport default contextStorage`,
        },
        editable: [],
        checks: `import { defineChecks } from 'signed-in/checks'\nexport default defineChecks([])`,
        entry: 'app.ts',
      },
      courseModules,
    )
    expect(verdict.error?.message).toMatch(
      /^app\.ts imports "hono\/context-storage", which is not available here\. You can import "hono" \(and 65 "hono\/…" subpaths such as "hono\/cookie"\)/,
    )
  })
})
