import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { ExerciseBundle } from '../schemas/exercise'
import {
  downloadableProject,
  projectFiles,
  zipProject,
  type ProjectKit,
  type ProjectManifest,
} from './project'

const kit: ProjectKit = {
  files: { 'tools/serve.mjs': '// serve', 'login-manager/index.ts': '// manager' },
  dependencies: { hono: '4.13.19', '@hono/node-server': '2.1.8' },
  node: '>=20',
}

const bundle = {
  slug: 'fill-it-in',
  meta: {
    title: 'Fill it in',
    lesson: 'the-login-manager',
    kind: 'exercise',
    description: 'Put the right name in each blank.\nThen check.',
    entry: 'app.ts',
    files: [
      { path: 'app.ts', editable: true },
      { path: 'users.ts', editable: false },
    ],
    hints: [],
  },
  starter: { 'app.ts': 'const x = ___', 'users.ts': 'export const users = []' },
  solution: { 'app.ts': 'const x = 1', 'users.ts': 'export const users = []' },
  checks: "import { defineChecks } from 'signed-in/checks'",
} as unknown as ExerciseBundle

describe('projectFiles', () => {
  it('holds the learner’s editable files, the read-only ones from the starter, the checks and the kit', () => {
    const files = projectFiles(kit, bundle, { 'app.ts': 'const x = 2', 'users.ts': 'tampered' })
    expect(files['app.ts']).toBe('const x = 2')
    expect(files['users.ts']).toBe('export const users = []')
    expect(files['checks.ts']).toBe(bundle.checks)
    expect(files['tools/serve.mjs']).toBe('// serve')
    expect(files['login-manager/index.ts']).toBe('// manager')
  })

  it('keeps blanks as they are, and an untouched file as the starter has it', () => {
    expect(projectFiles(kit, bundle, {})['app.ts']).toBe('const x = ___')
  })

  it('writes package.json, signed-in.json and a README that quotes the exercise', () => {
    const files = projectFiles(kit, bundle, {})
    expect(JSON.parse(files['package.json'] ?? '')).toMatchObject({
      name: 'signed-in-fill-it-in',
      private: true,
      type: 'module',
      engines: { node: '>=20' },
      scripts: { start: 'node tools/serve.mjs', test: 'node tools/test.mjs' },
      dependencies: kit.dependencies,
    })
    expect(JSON.parse(files['signed-in.json'] ?? '') as ProjectManifest).toEqual({
      slug: 'fill-it-in',
      title: 'Fill it in',
      entry: 'app.ts',
      files: ['app.ts', 'users.ts'],
      editable: ['app.ts'],
    })
    expect(files['README.md']).toContain('# Fill it in')
    expect(files['README.md']).toContain('> Put the right name in each blank.\n> Then check.')
    expect(files['README.md']).toContain('- `app.ts` (yours to edit)\n- `users.ts`\n')
  })

  it('refuses an exercise file that would overwrite one of the project’s own', () => {
    for (const path of ['package.json', 'checks.ts', 'tools/other.mjs', 'login-manager/index.ts']) {
      const clash = { ...bundle, starter: { ...bundle.starter, [path]: 'x' } }
      expect(() => projectFiles(kit, clash, {})).toThrow(
        `The exercise file ${path} would overwrite the project's own ${path}.`,
      )
    }
  })
})

describe('zipProject', () => {
  it('zips every file into one folder named after the exercise, in UTF-8', () => {
    const entries = unzipSync(zipProject('fill-it-in', { 'a.ts': 'é ✓', 'tools/b.mjs': 'y' }))
    expect(Object.keys(entries)).toEqual(['fill-it-in/a.ts', 'fill-it-in/tools/b.mjs'])
    expect(strFromU8(entries['fill-it-in/a.ts'] ?? new Uint8Array())).toBe('é ✓')
  })
})

describe('downloadableProject', () => {
  it('names the zip after the exercise and fills it from the kit it fetched', async () => {
    const { name, bytes } = await downloadableProject(bundle, { 'app.ts': 'mine' }, async () => kit)
    expect(name).toBe('fill-it-in.zip')
    const entries = unzipSync(bytes)
    expect(strFromU8(entries['fill-it-in/app.ts'] ?? new Uint8Array())).toBe('mine')
    expect(Object.keys(entries)).toContain('fill-it-in/tools/serve.mjs')
  })

  it('passes on why the kit could not be fetched', async () => {
    await expect(
      downloadableProject(bundle, {}, () => Promise.reject(new Error('offline'))),
    ).rejects.toThrow('offline')
  })
})
