import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { startStaticServer } from '../../scripts/serve.mjs'
import { findChromium } from './chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Serve the built site once for every browser test file, with the same server `npm start` uses. */
export default async function setup(project: TestProject) {
  findChromium()
  if (!existsSync('dist/index.html')) {
    throw new Error(
      'dist/ has no built site. Run `npm run build` before the browser tests (npm test does this).',
    )
  }
  const server = await startStaticServer({ root: 'dist', port: 0 })
  project.provide('baseUrl', server.url)
  return () => server.close()
}
