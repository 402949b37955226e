import { existsSync, readFileSync } from 'node:fs'
import { posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HONO_SUBPATHS } from '../grader/hono-modules'
import { collectEditorTypes } from './editor-types'

const relativeImports = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g

describe('collectEditorTypes', () => {
  const types = collectEditorTypes(process.cwd())

  it('maps hono and every served hono subpath to its real declaration file', () => {
    for (const specifier of ['hono', ...HONO_SUBPATHS]) {
      const [file = ''] = types.paths[specifier] ?? []
      expect(file, specifier).toMatch(/^file:\/\/\/node_modules\/hono\/.+\.d\.ts$/)
      const onDisk = `node_modules/hono/dist/types/${file.slice('file:///node_modules/hono/'.length)}`
      expect(types.files[file], specifier).toBe(readFileSync(onDisk, 'utf8'))
    }
    expect(types.files[types.paths['hono/cors']?.[0] ?? '']).toMatch(/declare const cors/)
    expect(types.files[types.paths['hono/jwt']?.[0] ?? '']).toMatch(/\bsign\b/)
    expect(types.files[types.paths['hono/secure-headers']?.[0] ?? '']).toMatch(/secureHeaders/)
    expect(types.files[types.paths['hono/validator']?.[0] ?? '']).toMatch(/validator/)
  })

  it('follows every relative import, so each one resolves to a collected file', () => {
    const all = Object.values(types.files).join('\n')
    expect(all).toMatch(/declare class Hono/)
    expect(all).toMatch(/declare class Context/)
    let followed = 0
    for (const [path, text] of Object.entries(types.files)) {
      if (!path.startsWith('file:///node_modules/hono/')) continue
      for (const match of text.matchAll(relativeImports)) {
        const target = posix.join(posix.dirname(path.slice('file://'.length)), match[1] ?? '')
        const base = `file://${target.replace(/\.js$/, '')}`
        const found = [`${base}.d.ts`, `${base}/index.d.ts`].some((candidate) =>
          Object.hasOwn(types.files, candidate),
        )
        // Only a file hono itself does not ship may be missing.
        if (!found) {
          const onDisk = `node_modules/hono/dist/types/${base.slice('file:///node_modules/hono/'.length)}`
          expect(
            existsSync(`${onDisk}.d.ts`) || existsSync(`${onDisk}/index.d.ts`),
            `${path} → ${match[1]}`,
          ).toBe(false)
        } else followed++
      }
    }
    expect(followed).toBeGreaterThan(200)
  })

  it('carries the login manager as source, mapped to signed-in/login-manager', () => {
    const [entry = ''] = types.paths['signed-in/login-manager'] ?? []
    expect(entry).toBe('file:///node_modules/signed-in/login-manager/index.ts')
    expect(types.files[entry]).toBe(readFileSync('src/login-manager/index.ts', 'utf8'))
    expect(types.files['file:///node_modules/signed-in/login-manager/helpers.ts']).toMatch(
      /export async function loginUser/,
    )
    expect(Object.keys(types.files).filter((path) => /\.(test|bench)\.ts$/.test(path))).toEqual([])
  })
  it('carries signed-in/testing and every source it imports, for test files', () => {
    const [entry = ''] = types.paths['signed-in/testing'] ?? []
    expect(entry).toBe('file:///node_modules/signed-in/src/grader/testing/index.ts')
    const sources = Object.keys(types.files).filter((path) => path.includes('/signed-in/src/'))
    for (const path of sources)
      for (const match of (types.files[path] ?? '').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
        const target = new URL(`${match[1] ?? ''}.ts`, path).href
        expect(sources, `${path} imports ${match[1] ?? ''}`).toContain(target)
      }
    expect(sources).toContain('file:///node_modules/signed-in/src/grader/harness/client.ts')
  })
})
