import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildExerciseBundle, loadExercise } from '../course/exercise-files'
import { exerciseSchema } from './exercise'

const minimal = {
  title: 'Complete the login flow',
  lesson: 'the-login-manager',
  kind: 'exercise',
  files: [{ path: 'app.ts' }],
  hints: ['Which function logs a user in?'],
}

describe('exerciseSchema', () => {
  it('fills in the defaults: editable files, app.ts as the entry', () => {
    expect(exerciseSchema.parse(minimal)).toMatchObject({
      files: [{ path: 'app.ts', editable: true }],
      entry: 'app.ts',
    })
  })

  it('lets an example go without hints or editable files', () => {
    const example = {
      ...minimal,
      kind: 'example',
      hints: undefined,
      files: [{ path: 'app.ts', editable: false }],
    }
    expect(exerciseSchema.parse(example).hints).toEqual([])
  })

  it.each([
    ['an unknown kind', { kind: 'puzzle' }, 'kind'],
    ['a lesson slug with spaces', { lesson: 'The Login Manager' }, 'lesson'],
    ['a file that is not TypeScript', { files: [{ path: 'app.js' }] }, 'files.0.path'],
    ['no files', { files: [] }, 'files'],
    ['an exercise without hints', { hints: [] }, 'hints'],
    ['an exercise with nothing to edit', { files: [{ path: 'app.ts', editable: false }] }, 'files'],
    ['a debug exercise that names no broken check', { kind: 'debug' }, 'breaks'],
    ['broken checks on an exercise that is not debug', { breaks: ['A check'] }, 'breaks'],
    ['a broken check named twice', { kind: 'debug', breaks: ['A check', 'A check'] }, 'breaks'],
    ['an explanation of one word', { explanation: 'Fixed.' }, 'explanation'],
    [
      'an explanation on an example, which is never passed',
      { kind: 'example', hints: [], explanation: 'The loader was never registered, so it threw.' },
      'explanation',
    ],
  ])('rejects %s, naming the field', (_name, change, field) => {
    const result = exerciseSchema.safeParse({ ...minimal, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field)
  })
})

describe('loadExercise', () => {
  const root = mkdtempSync(join(tmpdir(), 'signed-in-exercise-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  let count = 0

  /** A copy of a real exercise, broken by `change`; returns the loader's error message. */
  function loadBroken(slug: string, file: string, change: (text: string) => string): string {
    const dir = join(root, `${slug}-${count++}`)
    cpSync(join('exercises', slug), dir, { recursive: true })
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')))
    try {
      loadExercise(dir)
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
    throw new Error('loadExercise accepted a broken exercise')
  }

  it('reads metadata, starter, solution and checks into one serialisable bundle', () => {
    const bundle = loadExercise('complete-the-login-flow')
    expect(bundle.slug).toBe('complete-the-login-flow')
    expect(Object.keys(bundle.starter).sort()).toEqual(['app.ts', 'pages.ts', 'users.ts'])
    expect(bundle.checks).toContain('defineChecks')
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle)
  })

  it('buildExerciseBundle gives the page the same bundle, as plain JSON data', () => {
    const bundle = buildExerciseBundle('manual-session-login')
    expect(bundle).toEqual(loadExercise('manual-session-login'))
    expect(Object.getPrototypeOf(bundle.meta)).toBe(Object.prototype)
    expect(Object.keys(bundle).sort()).toEqual(['checks', 'meta', 'slug', 'solution', 'starter'])
    expect(() => buildExerciseBundle('no-such-exercise')).toThrow(
      'exercises/no-such-exercise/exercise.yaml: the file is missing',
    )
  })

  it('names the file and field when a listed file is missing from starter/', () => {
    const message = loadBroken('complete-the-login-flow', 'exercise.yaml', (text) =>
      text.replace('path: app.ts', 'path: server.ts'),
    )
    expect(message).toMatch(
      /complete-the-login-flow-\d+\/exercise\.yaml: files\.0\.path: "server\.ts" is missing from starter\//,
    )
  })

  it('names the field the schema rejects', () => {
    expect(
      loadBroken('account-page', 'exercise.yaml', (text) =>
        text.replace('kind: example', 'kind: demo'),
      ),
    ).toMatch(/exercise\.yaml: kind: /)
  })

  it('refuses a misspelt key in exercise.yaml, naming the file and the field', () => {
    expect(
      loadBroken('complete-the-login-flow', 'exercise.yaml', (text) =>
        text.replace('editable: false', 'editible: false'),
      ),
    ).toMatch(/exercise\.yaml: files\.\d+: unknown field "editible"/)
  })

  it('refuses a solution that still has a blank', () => {
    expect(
      loadBroken('complete-the-login-flow', 'solution/app.ts', (text) =>
        text.replace("form['remember']", "form['___']"),
      ),
    ).toMatch(/solution\/app\.ts: line 30: a solution may not contain a blank/)
  })

  it('refuses a copy of a read-only file in solution/: it lives once, in starter/', () => {
    const dir = join(root, `read-only-copy-${count++}`)
    cpSync(join('exercises', 'complete-the-login-flow'), dir, { recursive: true })
    cpSync(join(dir, 'starter/pages.ts'), join(dir, 'solution/pages.ts'))
    expect(() => loadExercise(dir)).toThrow(
      /solution\/pages\.ts: the learner cannot edit this file, so it lives only in starter\/pages\.ts; delete it from solution\//,
    )
  })

  it('refuses an exercise whose starter has no blank left to fill', () => {
    expect(
      loadBroken('complete-the-login-flow', 'starter/app.ts', (text) =>
        text.replaceAll('___', 'null'),
      ),
    ).toMatch(/starter: an exercise's editable files need at least one blank/)
  })

  it('names the line of a syntax error in checks.ts', () => {
    expect(
      loadBroken('complete-the-login-flow', 'checks.ts', (text) =>
        text.replace('const ada = {', 'const ada = {{'),
      ),
    ).toMatch(/checks\.ts: line 9: Syntax error/)
  })

  it('wants a scenario for an example and checks for an exercise', () => {
    expect(
      loadBroken('account-page', 'checks.ts', (text) =>
        text.replaceAll('defineScenario', 'defineChecks'),
      ),
    ).toMatch(/checks\.ts: an example must "export default defineScenario/)
    expect(
      loadBroken(
        'complete-the-login-flow',
        'checks.ts',
        () => "import { defineChecks } from 'signed-in/checks'\nexport default defineChecks([])\n",
      ),
    ).toMatch(/checks\.ts: the list is empty; add at least one check/)
  })

  it('checks that a debug exercise names real checks, and that its starter has no blank', () => {
    expect(
      loadBroken('fix-the-user-loader', 'exercise.yaml', (text) =>
        text.replace(
          '- After logging in, /dashboard greets Ada by name',
          '- After logging in, the dashboard greets Ada',
        ),
      ),
    ).toMatch(
      /fix-the-user-loader-\d+\/exercise\.yaml: breaks\.0: "After logging in, the dashboard greets Ada" is not the name of a check in checks\.ts \(its checks: "An anonymous visitor/,
    )
    expect(
      loadBroken('fix-the-user-loader', 'starter/app.ts', (text) =>
        text.replace('db.findUserById(id)', '___'),
      ),
    ).toMatch(
      /starter\/app\.ts: line 17: a debug exercise's starter runs as it is, so it may not contain a blank/,
    )
  })

  it('says how to scaffold an exercise when exercise.yaml is missing', () => {
    expect(() => loadExercise('no-such-exercise')).toThrow(
      'exercises/no-such-exercise/exercise.yaml: the file is missing. Run "npm run exercise -- new <slug>"',
    )
  })
})
