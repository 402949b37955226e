import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { courseBuiltins } from '../grader/builtins'
import { loadChecks } from '../grader/module-loader'
import { requestFor } from '../grader/run-request'
import { precompileRequest } from '../runner/webcontainer/precompile'
import { loadExercise } from './exercise-files'
import { gradeInNode } from './node-runtime'

// Several missions share their checks through exercises/_shared/. The Worker and the WebContainer
// grade every exercise too (tests/browser/runner-worker.test.ts, webcontainer-runtime.test.ts), so
// the lesson-8 missions, which import from there, are graded through all three runtimes.
describe('checks shared between exercises', () => {
  const slug = 'user-id-type-mismatch'

  it('the bundle carries the shared file checks.ts imports, and a run request passes it on', () => {
    const bundle = loadExercise(slug)
    expect(bundle.checks).toContain("from '../_shared/current-user'")
    expect(Object.keys(bundle.checkModules ?? {})).toEqual(['_shared/current-user.ts'])
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle)
    expect(requestFor(bundle, bundle.solution).checkModules).toEqual(bundle.checkModules)
    // An exercise whose checks import nothing shared has no such field at all.
    expect(loadExercise('complete-the-login-flow')).not.toHaveProperty('checkModules')
  })

  it('the shared checks grade the solution and the starter in Node; without them the checks cannot load', async () => {
    const bundle = loadExercise(slug)
    const passed = await gradeInNode(requestFor(bundle, bundle.solution))
    expect(passed.status).toBe('passed')
    expect(passed.checks).toHaveLength(5)
    const failed = await gradeInNode(requestFor(bundle, bundle.starter))
    const hint = failed.checks.find((check) => !check.passed && check.name.includes('/debug/auth'))
    expect(hint?.hint).toContain('the loader was asked and said null')
    const { checkModules: _left, ...without } = requestFor(bundle, bundle.solution)
    const broken = await gradeInNode(without)
    expect(broken.status).toBe('error')
    expect(broken.message).toContain('imports "../_shared/current-user"')
  })

  it('the page compiles the shared files for the WebContainer, like checks.ts', () => {
    const bundle = loadExercise(slug)
    const compiled = precompileRequest(requestFor(bundle, bundle.solution)).compiled
    expect(Object.keys(compiled?.checkModules ?? {})).toEqual(['_shared/current-user.ts'])
    expect(compiled?.checkModules?.['_shared/current-user.ts']).not.toContain(': Check[]')
  })

  it("checks see the shared files and never the learner's", () => {
    const checks = `import { defineChecks } from 'signed-in/checks'
import { names } from '../_shared/names'
export default defineChecks(names.map((name) => ({ name, async run() {} })))`
    const shared = {
      '_shared/names.ts': "import { more } from './more'\nexport const names = ['one', ...more]",
      '_shared/more.ts': "export const more = ['two']",
    }
    const module = loadChecks(checks, shared, courseBuiltins) as { checks: { name: string }[] }
    expect(module.checks.map((check) => check.name)).toEqual(['one', 'two'])
    const peeking = `import app from './app'\nexport default app`
    expect(() => loadChecks(peeking, shared, courseBuiltins)).toThrow(
      'checks.ts imports "./app", but there is no such file in this exercise.',
    )
  })

  describe('the build refuses a bad import, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'signed-in-shared-'))
    afterAll(() => rmSync(root, { recursive: true, force: true }))
    let count = 0

    /** A copy of the exercise and the shared folder, with checks.ts replaced; the loader's error. */
    function loadWith(checks: string, shared: Record<string, string> = {}): string {
      const exercises = join(root, String(count++))
      cpSync(join('exercises', slug), join(exercises, slug), { recursive: true })
      cpSync(join('exercises', '_shared'), join(exercises, '_shared'), { recursive: true })
      for (const [path, text] of Object.entries(shared)) {
        mkdirSync(join(exercises, path, '..'), { recursive: true })
        writeFileSync(join(exercises, path), text)
      }
      writeFileSync(join(exercises, slug, 'checks.ts'), checks)
      try {
        loadExercise(join(exercises, slug))
      } catch (error) {
        return error instanceof Error ? error.message : String(error)
      }
      throw new Error('loadExercise accepted a bad import')
    }

    it('an import outside exercises/_shared/', () => {
      expect(loadWith("import { x } from '../other-exercise/checks'\n")).toMatch(
        /user-id-type-mismatch\/checks\.ts: imports "\.\.\/other-exercise\/checks": checks may import only 'signed-in\/checks' and shared check files in exercises\/_shared\//,
      )
    })

    it('a shared file that does not exist', () => {
      expect(loadWith("import { x } from '../_shared/nothing-here'\n")).toMatch(
        /checks\.ts: imports "\.\.\/_shared\/nothing-here", but exercises\/_shared\/nothing-here\.ts does not exist\./,
      )
    })

    it('a shared file that throws while loading, by its own name and line', () => {
      const message = loadWith(
        "import { defineChecks } from 'signed-in/checks'\nimport { boom } from '../_shared/boom'\nexport default defineChecks([{ name: boom, async run() {} }])\n",
        { '_shared/boom.ts': "export const boom = 'x'\nthrow new Error('shared file broke')\n" },
      )
      expect(message).toBe('exercises/_shared/boom.ts: line 2: shared file broke')
    })
  })
})
