import { describe, expect, it } from 'vitest'
import { collectEditorTypes } from './editor-types'

describe('collectEditorTypes', () => {
  const types = collectEditorTypes(process.cwd())
  it('maps every hono entry learners import to a collected declaration file', () => {
    for (const specifier of [
      'hono',
      'hono/cookie',
      'hono/csrf',
      'hono/html',
      'hono/http-exception',
      'hono/factory',
    ]) {
      const [file] = types.paths[specifier] ?? []
      expect(file && types.files[file], specifier).toBeTruthy()
    }
  })
  it('follows relative imports, so Hono and Context are declared', () => {
    const all = Object.values(types.files).join('\n')
    expect(all).toMatch(/declare class Hono/)
    expect(all).toMatch(/declare class Context/)
    for (const text of Object.values(types.files)) {
      for (const match of text.matchAll(/from\s*["'](\.{1,2}\/[^"']+)["']/g))
        expect(match[1]).toBeTruthy()
    }
  })
})
