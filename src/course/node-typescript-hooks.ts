// Node only. Lets plain Node 24 (which strips TypeScript types itself) run this project's
// TypeScript, whose relative imports have no extension (`./blanks`, as Vite and tsc expect):
// a resolve hook tries `.ts` and `/index.ts`. Import it first, then import the rest dynamically,
// because static imports are resolved before any module runs.
import { existsSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

registerHooks({
  resolve(specifier, context, nextResolve) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../')
    if (
      relative &&
      context.parentURL?.startsWith('file:') &&
      !/\.[cm]?[jt]s$|\.json$/.test(specifier)
    ) {
      for (const suffix of ['.ts', '/index.ts']) {
        const url = new URL(specifier + suffix, context.parentURL)
        if (existsSync(fileURLToPath(url))) return nextResolve(url.href, context)
      }
    }
    return nextResolve(specifier, context)
  },
})
