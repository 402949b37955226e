import { build, type Plugin } from 'esbuild'

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
    plugins,
  })
  return result.outputFiles[0]?.text ?? ''
}
