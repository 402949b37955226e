import { build, type Plugin } from 'esbuild'
import { readdirSync } from 'node:fs'
import { basename } from 'node:path'

/**
 * Vite turns `import url from 'x.wasm?url'` into the URL of the copy it put in the build; esbuild
 * does not, so point such an import at that same built file in `dist/_astro/`, which the test's
 * server serves. A missing one means the site no longer ships it: the bundle fails, saying so.
 */
const builtAssetUrl: Plugin = {
  name: 'built-asset-url',
  setup(plugin) {
    plugin.onResolve({ filter: /\.wasm\?url$/ }, (args) => ({
      path: basename(args.path.replace(/\?url$/, '')),
      namespace: 'built-asset-url',
    }))
    plugin.onLoad({ filter: /.*/, namespace: 'built-asset-url' }, (args) => {
      const stem = args.path.replace(/\.wasm$/, '')
      const built = readdirSync('dist/_astro').find(
        (name) => name.startsWith(`${stem}.`) && name.endsWith('.wasm'),
      )
      if (!built) throw new Error(`dist/_astro has no built ${args.path}: run npm run build`)
      return { contents: `export default ${JSON.stringify(`/_astro/${built}`)}`, loader: 'js' }
    })
  },
}

/**
 * Bundle a TypeScript entry for the browser (a Worker or a page), as one ES module string.
 *
 * @param entry - the entry file
 * @param plugins - esbuild plugins, e.g. to stand in for what Vite would rewrite
 * @returns the module's code
 * @example
 * const code = await bundleForWorker('tests/browser/fixtures/login-manager-worker-entry.ts')
 */
export async function bundleForWorker(entry: string, plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [builtAssetUrl, ...plugins],
  })
  return result.outputFiles[0]?.text ?? ''
}
