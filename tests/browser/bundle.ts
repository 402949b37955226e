import { build } from 'esbuild'

/**
 * Bundle a TypeScript entry for a browser Worker, as one ES module string.
 *
 * @example
 * const code = await bundleForWorker('tests/browser/fixtures/login-manager-worker-entry.ts')
 */
export async function bundleForWorker(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}
