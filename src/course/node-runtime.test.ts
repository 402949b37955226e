import { describe, expect, it } from 'vitest'
import { courseModules } from '../grader/builtin-modules'
import { courseBuiltins } from '../grader/builtins'
import { gradeInNode, runInNode } from './node-runtime'
import { loadExercise } from './exercise-files'
import { runExercise } from '../grader/run-exercise'
import type { RunRequest } from '../grader/run-request'

const checks = `import { defineChecks, expectStatus } from 'signed-in/checks'
export default defineChecks([
  { name: 'GET / answers 200', async run({ client }) { expectStatus(await client.get('/'), 200) } },
])`

const run = (files: Record<string, string>, entry = 'app.ts') => {
  const request: RunRequest = { files, editable: Object.keys(files), checks, entry }
  return runExercise(request, courseModules)
}

describe('the Node runtime', () => {
  it('loads relative imports, with or without an extension', async () => {
    const verdict = await run({
      'app.ts': `import { Hono } from 'hono'\nimport { greet } from './lib/greet'\nimport { name } from './name.js'\nconst app = new Hono()\napp.get('/', (c) => c.text(greet(name)))\nexport default app`,
      'lib/greet.ts': `export const greet = (who: string): string => 'Hello ' + who`,
      'name.ts': `export const name: string = 'Ada'`,
    })
    expect(verdict.status).toBe('passed')
    expect(verdict.timeline[0]?.bodySnippet).toBe('Hello Ada')
  })

  it('reports where learner code threw while starting, with file, line and column', async () => {
    const verdict = await run({
      'app.ts': `import { Hono } from 'hono'\nimport './setup'\nexport default new Hono()`,
      'setup.ts': `const settings: { secret?: string } = {}\n\nsettings.secret!.toUpperCase()`,
    })
    expect(verdict.status).toBe('error')
    expect(verdict.error).toEqual({
      message: "TypeError: Cannot read properties of undefined (reading 'toUpperCase')",
      file: 'setup.ts',
      line: 3,
      column: 18,
    })
    expect(verdict.message).toBe(
      "Your code could not start: TypeError: Cannot read properties of undefined (reading 'toUpperCase')",
    )
  })

  it('keeps columns right on the first line, where the module wrapper sits', async () => {
    const verdict = await run({ 'app.ts': `null!.x; export default 1` })
    expect(verdict.error).toMatchObject({ file: 'app.ts', line: 1, column: 7 })
  })

  it('reports a syntax error with its file, line and column', async () => {
    const verdict = await run({
      'app.ts': `import { Hono } from 'hono'\nconst app = new Hono(\nexport default app`,
    })
    expect(verdict.status).toBe('error')
    expect(verdict.error).toMatchObject({ file: 'app.ts', line: 3 })
    expect(verdict.error?.message).toMatch(/^Syntax error in app\.ts: /)
    // Given once, as line and column; never again inside the message as "(3:0)".
    expect(verdict.error?.message).not.toMatch(/\(\d+:\d+\)/)
  })

  it('says what may be imported when a module is not available', async () => {
    const verdict = await run({
      'app.ts': `import express from 'express'\nexport default express()`,
    })
    expect(verdict.error?.message).toBe(
      'app.ts imports "express", which is not available here. You can import "hono" (and 65 "hono/…" subpaths such as "hono/cookie"), "signed-in/login-manager", "signed-in/db", "signed-in/checks", "signed-in/testing", and this exercise\'s own files.',
    )
  })

  it('asks for a default export of the app', async () => {
    const verdict = await run({
      'app.ts': `import { Hono } from 'hono'\nexport const app = new Hono()`,
    })
    expect(verdict.message).toBe(
      'app.ts must end with "export default app", where app is your Hono app, so the checks can send it requests.',
    )
  })

  it('serves the login manager to learner code as the package itself does (self-reference)', async () => {
    const viaPackage = await import('signed-in/login-manager')
    expect(Object.keys(courseBuiltins['signed-in/login-manager'] as object).sort()).toEqual(
      Object.keys(viaPackage).sort(),
    )
    const viaChecks = await import('signed-in/checks')
    expect(typeof viaChecks.defineChecks).toBe('function')
  })
})

describe('running some of the checks', () => {
  it('runs only the named checks, in checks.ts order, for a step of an exercise', async () => {
    const bundle = loadExercise('admin-only-area')
    const all = await runInNode(bundle, bundle.solution)
    const wanted = [all.checks[2]?.name ?? '', all.checks[0]?.name ?? '']
    const some = await runInNode(bundle, bundle.solution, {}, { only: wanted })
    expect(some.checks.map((check) => check.name)).toEqual([wanted[1], wanted[0]])
    expect(some.status).toBe('passed')
    expect(all.checks.length).toBeGreaterThan(2)
  })
})

describe('the Node runtime isolates the app (worker thread per run)', () => {
  const patchAndServe = `import { Hono } from 'hono'
;(globalThis as Record<string, unknown>).leaked = 'yes'
Array.prototype.every = () => true
const app = new Hono()
app.get('/', (c) => c.text(String((globalThis as Record<string, unknown>).leaked)))
export default app`
  const expectOk = (
    body: string,
  ) => `import { defineChecks, expectBodyIncludes } from 'signed-in/checks'
export default defineChecks([
  { name: 'answers', async run({ client }) { expectBodyIncludes(await client.get('/'), '${body}') } },
  { name: 'never passes', async run() { throw new Error('the check itself fails') } },
])`
  const isolated = (files: Record<string, string>, checks: string, options = {}) =>
    gradeInNode({ files, editable: Object.keys(files), checks, entry: 'app.ts' }, {}, options)

  it("a patched built-in in the app changes neither this run's verdict nor the next run", async () => {
    const patched = await isolated({ 'app.ts': patchAndServe }, expectOk('yes'))
    expect(patched.status).toBe('failed')
    expect(patched.checks.map((c) => c.passed)).toEqual([true, false])
    const next = await isolated(
      { 'app.ts': patchAndServe.replace(/^.*leaked = 'yes'\n.*\n/m, '') },
      expectOk('undefined'),
    )
    expect(next.checks.map((c) => c.passed)).toEqual([true, false])
    expect([1, 2].every((n) => n > 1)).toBe(false)
  })

  it('stops a loop that never ends at the time limit, and the next run is unaffected', async () => {
    const spin = `import { Hono } from 'hono'\nconst app = new Hono()\napp.get('/', () => { for (;;) {} })\nexport default app`
    const verdict = await isolated({ 'app.ts': spin }, expectOk('x'), { timeLimitMs: 500 })
    expect(verdict.message).toMatch(/^Your code ran for more than 0\.5 seconds without answering/)
    const next = await isolated({ 'app.ts': patchAndServe }, expectOk('yes'))
    expect(next.checks.map((c) => c.passed)).toEqual([true, false])
  })

  it('a run is cancelled through its AbortSignal', async () => {
    const controller = new AbortController()
    const spin = `for (;;) {}\nexport default 1`
    const running = isolated({ 'app.ts': spin }, expectOk('x'), { signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    expect((await running).message).toBe(
      'This run was cancelled before it finished (a newer run replaced it).',
    )
  })
})
