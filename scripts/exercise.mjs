// Runs the TypeScript authoring CLI (scripts/exercise-cli.ts): bundles it with esbuild, so the
// exercise engine's extensionless imports work in plain Node, then runs it.
import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// Inside node_modules, so the bundle's package imports resolve against this project.
mkdirSync('node_modules/.cache', { recursive: true })
const dir = mkdtempSync(join('node_modules/.cache', 'signed-in-cli-'))
const outfile = join(dir, 'exercise-cli.mjs')
try {
  await build({
    entryPoints: ['scripts/exercise-cli.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    packages: 'external',
    logLevel: 'error',
  })
  await import(pathToFileURL(join(process.cwd(), outfile)).href)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
