// Build time: what every "Download as a project" zip shares (see src/take-home/project.ts), served
// at /project/kit.json so the page only zips. The tools are bundled with esbuild for Node, with
// hono, @hono/node-server, @noble/hashes and sql.js (its glue and its WebAssembly) left as imports
// the project's `npm install` provides.
import { build } from 'esbuild'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { ProjectKit } from '../take-home/project'
import { SQLITE_GLUE_ALIAS } from './sqlite-wasm'

// Resolved from the project root: this module also runs from Astro's build output folder.
const root = process.cwd()
/** Packages the tools import at run time rather than bundle: the project's dependencies. */
const installed = ['hono', '@hono/node-server', '@noble/hashes', 'sql.js']

const entries = {
  'tools/serve.mjs': 'src/course/project-tools/serve.ts',
  'tools/test.mjs': 'src/course/project-tools/test.ts',
  'tools/app-thread.mjs': 'src/course/node-app-thread.ts',
}

/** The login manager's source files: everything but its tests, benchmarks and test support. */
function loginManagerSources(): Record<string, string> {
  const dir = join(root, 'src/login-manager')
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/')
    const text = readFileSync(join(dir, path), 'utf8')
    // Test support (test apps, the store contract) imports vitest; a project needs none of it.
    const support = /(^|-)test-app\.ts$/.test(path) || /from 'vitest'/.test(text)
    const source = /\.ts$/.test(path) && !/\.(test|bench)\.ts$/.test(path) && !support
    if (source || path === 'README.md') files[`login-manager/${path}`] = text
  }
  return files
}

/** The exact installed version of a package, which the tools were bundled against. */
function versionOf(name: string): string {
  const manifest = JSON.parse(
    readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'),
  ) as { version: string }
  return manifest.version
}

/**
 * Bundle the project tools and gather the rest of the kit.
 *
 * @returns the kit every downloaded project shares
 * @example
 * const kit = await buildProjectKit()
 * Object.keys(kit.files) // ['tools/serve.mjs', 'tools/test.mjs', 'tools/app-thread.mjs', 'login-manager/index.ts', …]
 */
export async function buildProjectKit(): Promise<ProjectKit> {
  // One build with code splitting: the three tools share the grader, the module loader and the
  // login manager through chunks rather than carrying a copy each.
  const result = await build({
    entryPoints: Object.entries(entries).map(([out, entry]) => ({
      in: join(root, entry),
      out: out.replace(/\.mjs$/, ''),
    })),
    outdir: join(root, 'project-kit'),
    bundle: true,
    splitting: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'tools/shared-[hash]',
    // sql.js stays an import too (of its browser glue, as everywhere), and its WebAssembly is
    // read from node_modules/sql.js by compileSqliteWasm, as in the course's Node runtime.
    alias: SQLITE_GLUE_ALIAS,
    external: installed.flatMap((name) => [name, `${name}/*`]),
    logLevel: 'silent',
    banner: {
      js: `// Bundled by the Signed In course site from its src/course/project-tools and src/grader.\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);`,
    },
  })
  const tools = Object.fromEntries(
    result.outputFiles.map((file) => [
      relative(join(root, 'project-kit'), file.path).replaceAll('\\', '/'),
      file.text,
    ]),
  )
  return {
    files: { ...tools, ...loginManagerSources() },
    dependencies: Object.fromEntries(installed.map((name) => [name, versionOf(name)])),
    node: '>=20',
  }
}
