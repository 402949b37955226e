import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { HONO_SUBPATHS } from '../grader/hono-modules'

/** Type declarations for the in-browser editor: files by virtual path, and module specifier mappings. */
export interface EditorTypes {
  /** File contents by virtual path under `file:///node_modules/`. */
  files: Record<string, string>
  /** `compilerOptions.paths` for Monaco's TypeScript service. */
  paths: Record<string, string[]>
}

/**
 * Every hono entry point learner code may import (the same list the runtimes serve), mapped to its
 * declaration file under `dist/types/`, as hono's package.json says.
 */
function honoEntries(honoDir: string): Record<string, string> {
  const { exports } = JSON.parse(readFileSync(join(honoDir, 'package.json'), 'utf8')) as {
    exports: Record<string, { types?: string }>
  }
  const entries: Record<string, string> = {}
  for (const specifier of ['hono', ...HONO_SUBPATHS]) {
    const types =
      exports[specifier === 'hono' ? '.' : `./${specifier.slice('hono/'.length)}`]?.types
    if (!types) throw new Error(`hono's package.json has no types for ${specifier}`)
    entries[specifier] = types.replace(/^\.\/dist\/types\//, '')
  }
  return entries
}

/**
 * Collect what Monaco needs for autocomplete on `hono`, `signed-in/login-manager` and
 * `signed-in/db`: the hono declaration files reachable from every entry point learners may import,
 * and the course modules' sources.
 * Runs at build time in Node.
 *
 * @param root - the project root
 * @returns virtual files and path mappings
 * @example
 * const types = collectEditorTypes(process.cwd())
 * Object.keys(types.paths) // ['hono', 'hono/cookie', …, 'signed-in/login-manager']
 */
export function collectEditorTypes(root: string): EditorTypes {
  const files: Record<string, string> = {}
  const paths: Record<string, string[]> = {}
  const honoDir = resolve(root, 'node_modules/hono')
  const honoTypes = join(honoDir, 'dist/types')
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    files[`file:///node_modules/hono/${relative(honoTypes, file)}`] = text
    // `from './x'`, `import './x'` and the type-only `import('./x').Name` of declaration files.
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = resolve(dirname(file), (match[1] ?? '').replace(/\.js$/, ''))
      visit(existsSync(`${target}.d.ts`) ? `${target}.d.ts` : join(target, 'index.d.ts'))
    }
  }
  for (const [specifier, entry] of Object.entries(honoEntries(honoDir))) {
    visit(join(honoTypes, entry))
    paths[specifier] = [`file:///node_modules/hono/${entry}`]
  }
  // The course's own modules, as source: the login manager and SQLite (signed-in/db).
  for (const [folder, name] of [
    ['src/login-manager', 'login-manager'],
    ['src/db', 'db'],
  ] as const) {
    const dir = resolve(root, folder)
    if (!existsSync(dir)) continue
    const walk = (at: string) => {
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        const path = join(at, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (
          entry.name.endsWith('.ts') &&
          !/\.(test|bench)\.ts$|^test-app\.ts$/.test(entry.name)
        ) {
          files[`file:///node_modules/signed-in/${name}/${relative(dir, path)}`] = readFileSync(
            path,
            'utf8',
          )
        }
      }
    }
    walk(dir)
    paths[`signed-in/${name}`] = [`file:///node_modules/signed-in/${name}/index.ts`]
  }
  return { files, paths }
}
