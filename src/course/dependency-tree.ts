import type { FileSystemTree } from '@webcontainer/api'
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SQLITE_GLUE_ALIAS, SQLITE_WASM_PATH } from './sqlite-wasm'

// Resolved from the project root: this module also runs from Astro's build output folder.
const here = join(process.cwd(), 'src/runner/webcontainer/')

/**
 * Build, at site build time, what the WebContainer mounts instead of running `npm install`: the
 * grading runner, the app server it forks for the learner's app, and the preview server, each bundled with hono, @hono/node-server and the login
 * manager into one ES module for Node.
 *
 * @returns the tree to `mount()`
 * @example
 * const tree = await buildContainerTree()
 * Object.keys(tree) // ['package.json', 'runner.mjs', 'app-server.mjs', 'preview.mjs', 'sql-wasm.wasm.base64']
 */
export async function buildContainerTree(): Promise<FileSystemTree> {
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [`${here}${entry}`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      minify: true,
      alias: SQLITE_GLUE_ALIAS,
      logLevel: 'silent',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    })
    return result.outputFiles[0]?.text ?? ''
  }
  const [runner, appServer, preview] = await Promise.all([
    bundle('container-runner.ts'),
    bundle('container-app.ts'),
    bundle('container-preview.ts'),
  ])
  return {
    'package.json': {
      file: {
        contents: JSON.stringify(
          { name: 'signed-in-runner', private: true, type: 'module' },
          null,
          2,
        ),
      },
    },
    'runner.mjs': { file: { contents: runner } },
    'app-server.mjs': { file: { contents: appServer } },
    'preview.mjs': { file: { contents: preview } },
    // SQLite for apps that import signed-in/db; the tree travels as JSON, so as base64 text.
    // The name is SQLITE_WASM_FILE of src/runner/webcontainer/protocol.ts (page code, not importable here).
    'sql-wasm.wasm.base64': {
      file: { contents: readFileSync(SQLITE_WASM_PATH).toString('base64') },
    },
  }
}
