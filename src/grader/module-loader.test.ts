import { describe, expect, it } from 'vitest'
import { compileModule, compileWhatCompiles, loadModules } from './module-loader'

describe('compileWhatCompiles', () => {
  it('compiles the code files, and leaves out one with a syntax error and files that are not code', () => {
    const compiled = compileWhatCompiles({
      'app.ts': "import { x } from './x'\nexport default x as number",
      'x.ts': 'export const x: number = 1',
      'broken.ts': 'export const = 1',
      'schema.sql': 'CREATE TABLE users (id INTEGER PRIMARY KEY);',
    })
    expect(Object.keys(compiled).sort()).toEqual(['app.ts', 'x.ts'])
    expect(compiled['x.ts']).not.toContain(': number')
  })

  it('gives code the loader runs exactly as it runs the sources', () => {
    const files = {
      'app.ts': "import { x } from './x'\nexport default x * 2",
      'x.ts': 'export const x: number = 21',
    }
    const fromSources = loadModules(files, 'app.ts', {})['default']
    const fromCompiled = loadModules(files, 'app.ts', {}, { compiled: compileWhatCompiles(files) })[
      'default'
    ]
    expect(fromCompiled).toBe(42)
    expect(fromSources).toBe(42)
  })
})

describe('compileModule', () => {
  it('answers the same source with the same JavaScript, and a changed source with new JavaScript', () => {
    const first = compileModule('app.ts', 'export const a: string = "one"')
    expect(compileModule('app.ts', 'export const a: string = "one"')).toBe(first)
    expect(compileModule('app.ts', 'export const a: string = "two"')).toContain('"two"')
    // The path is part of what is kept: the same source under another name compiles for it.
    expect(compileModule('other.ts', 'export const a: string = "one"')).toContain('"one"')
  })

  it('still throws for a syntax error every time, never keeping a failure', () => {
    expect(() => compileModule('app.ts', 'const = 1')).toThrow(/Unexpected token|\(1:7\)/)
    expect(() => compileModule('app.ts', 'const = 1')).toThrow(/Unexpected token|\(1:7\)/)
  })
})
