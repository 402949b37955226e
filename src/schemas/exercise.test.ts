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

/** A valid step with the given id. */
const step = (id: string) => ({
  id,
  title: `Step ${id}`,
  checks: [`Check ${id}`],
  hints: ['Read the lesson again.'],
})

describe('exerciseSchema', () => {
  it('lets a multi-step exercise keep its hints in its steps', () => {
    const parsed = exerciseSchema.parse({ ...minimal, hints: [], steps: [step('a'), step('b')] })
    expect(parsed.steps?.map((each) => each.id)).toEqual(['a', 'b'])
    expect(parsed.hints).toEqual([])
  })

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
    ['steps on an example', { kind: 'example', hints: [], steps: [step('a'), step('b')] }, 'steps'],
    ['a single step', { steps: [step('a')] }, 'steps'],
    ['two steps with one id', { steps: [step('a'), step('a')] }, 'steps.1.id'],
    ['a step without hints', { steps: [step('a'), { ...step('b'), hints: [] }] }, 'steps.1.hints'],
    [
      'a step without checks',
      { steps: [{ ...step('a'), checks: [] }, step('b')] },
      'steps.0.checks',
    ],
    ['a step id that is not a slug', { steps: [step('Sign up'), step('b')] }, 'steps.0.id'],
    ['a misspelt step field', { steps: [{ ...step('a'), hint: ['x'] }, step('b')] }, 'steps.0'],
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

  describe('steps', () => {
    const names = [
      'A stranger asking for /admin is sent to log in, with next=/admin',
      'Grace, a member, gets 403 at /admin, not a trip to the login page',
      'Ada, an admin, sees the admin area',
      'Every admin route is guarded: Grace cannot promote herself with POST /admin/role',
      'The role comes from the user record: ?role=admin, an X-Role header or a role cookie change nothing',
      "A promotion counts on Grace's very next request, without logging in again",
    ]
    /** admin-only-area's checks shared out over two steps, as YAML to append. */
    const stepsYaml = (first: string[], second: string[]) =>
      `steps:\n${[
        ['guard', first],
        ['admin-routes', second],
      ]
        .map(
          ([id, checks]) =>
            `  - id: ${String(id)}\n    title: Step ${String(id)}\n    hints: [Look again.]\n    checks:\n${(checks as string[]).map((name) => `      - ${JSON.stringify(name)}`).join('\n')}\n`,
        )
        .join('')}`
    const withSteps = (first: string[], second: string[]) => (text: string) =>
      `${text}\n${stepsYaml(first, second)}`

    it('loads steps that share out every check in order', () => {
      const dir = join(root, `steps-${count++}`)
      cpSync(join('exercises', 'admin-only-area'), dir, { recursive: true })
      const yaml = join(dir, 'exercise.yaml')
      writeFileSync(yaml, withSteps(names.slice(0, 3), names.slice(3))(readFileSync(yaml, 'utf8')))
      expect(loadExercise(dir).meta.steps?.map((each) => each.checks.length)).toEqual([3, 3])
    })

    it('refuses a step naming a check that does not exist', () => {
      expect(
        loadBroken(
          'admin-only-area',
          'exercise.yaml',
          withSteps([...names.slice(0, 3), 'Ada sees it'], names.slice(3)),
        ),
      ).toMatch(/exercise\.yaml: steps\.0\.checks\.3: "Ada sees it" is not the name of a check/)
    })

    it('refuses a check left out of every step, or listed twice', () => {
      expect(
        loadBroken(
          'admin-only-area',
          'exercise.yaml',
          withSteps(names.slice(0, 3), names.slice(3, 5)),
        ),
      ).toMatch(/steps: the check "A promotion counts.*" in checks\.ts belongs to no step/)
      expect(
        loadBroken(
          'admin-only-area',
          'exercise.yaml',
          withSteps(names.slice(0, 3), names.slice(2)),
        ),
      ).toMatch(/steps\.1\.checks\.0: ".*" is listed twice/)
    })

    it('refuses steps that list the checks out of checks.ts order', () => {
      expect(
        loadBroken(
          'admin-only-area',
          'exercise.yaml',
          withSteps([names[1]!, names[0]!, names[2]!], names.slice(3)),
        ),
      ).toMatch(/steps\.0\.checks\.0: the steps list the checks in a different order/)
    })
  })

  it('says how to scaffold an exercise when exercise.yaml is missing', () => {
    expect(() => loadExercise('no-such-exercise')).toThrow(
      'exercises/no-such-exercise/exercise.yaml: the file is missing. Run "npm run exercise -- new <slug>"',
    )
  })
})
