import { describe, expect, it } from 'vitest'
import { courseModules, importedSpecifiers, loadBuiltins, loadedModules } from './builtin-modules'
import { compileWhatCompiles } from './module-loader'
import { runModules } from './module-core'

describe('importedSpecifiers', () => {
  it('finds every bare module compiled code requires: imports, export-from, import() of a string', () => {
    const compiled = compileWhatCompiles({
      'app.ts': `import { Hono } from 'hono'
import { html } from "hono/html"
import type { Context } from 'hono/types'
export { LoginManager } from 'signed-in/login-manager'
import { helper } from './helper'
export const later = () => import('hono/jwt')
export default new Hono().get('/', (c) => c.html(html\`<p>\${helper}</p>\`))`,
      'helper.ts': `export const helper = 'hi'`,
    })
    expect([...importedSpecifiers(Object.values(compiled))].sort()).toEqual([
      'hono',
      'hono/html',
      'hono/jwt',
      'signed-in/login-manager',
    ])
  })

  it('leaves out relative imports and type-only ones, which compile to nothing', () => {
    const compiled = compileWhatCompiles({
      'app.ts': `import type { Hono } from 'hono'\nimport { x } from '../x'\nexport const y: Hono | null = x`,
    })
    expect(importedSpecifiers(Object.values(compiled))).toEqual(new Set())
  })
})

describe('loadBuiltins', () => {
  it('loads only the modules named, and ignores names it does not serve', async () => {
    const loaded: string[] = []
    const loaders = {
      hono: () => (loaded.push('hono'), import('hono')),
      'hono/jwt': () => (loaded.push('hono/jwt'), import('hono/jwt')),
    }
    const builtins = await loadBuiltins(loaders, ['hono', 'left-pad'])
    expect(loaded).toEqual(['hono'])
    expect(builtins['hono']).toBe(await import('hono'))
    expect(Object.keys(builtins).sort()).toEqual(['hono', 'hono/jwt'])
  })

  it('makes a module that was not loaded say how to import it, through the loader too', async () => {
    const builtins = await loadBuiltins(courseModules, ['hono'])
    expect(() => builtins['hono/jwt']).toThrow(
      `"hono/jwt" was not loaded: here a module is loaded only when a file imports it with an import statement, such as import … from 'hono/jwt'.`,
    )
    // A require() the compiler cannot see, because its specifier is built at run time.
    const source = `const name = ['hono', 'jwt'].join('/')\nmodule.exports = require(name)`
    expect(() =>
      runModules({ 'app.js': source }, 'app.js', builtins, { compiled: { 'app.js': source } }),
    ).toThrow(/"hono\/jwt" was not loaded/)
  })

  it('loads every module when no names are given, the same ones courseModules serves', async () => {
    const builtins = await loadBuiltins(courseModules)
    expect(Object.keys(builtins).sort()).toEqual(Object.keys(courseModules).sort())
    expect(builtins['hono/cors']).toBe(await import('hono/cors'))
  })
})

describe('loadedModules', () => {
  it('loads everything at once and hands each module over from then on', async () => {
    let calls = 0
    const modules = await loadedModules({ hono: () => (calls++, import('hono')) })
    expect(calls).toBe(1)
    expect(await modules['hono']?.()).toBe(await import('hono'))
    expect(calls).toBe(1)
  })
})
