// Tests graded by mutants, end to end in the Node runtime (the app and the learner's tests in a
// worker thread, the grader here), on the lesson's own exercise.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { REFERENCE_CHECK } from '../grader/mutants/grade-mutants'
import { loadExercise } from './exercise-files'
import { verifyMutants } from './mutant-check'
import { gradeInNode, runInNode } from './node-runtime'
import {
  expectHostileVerdict,
  HONEST_NOTHING,
  HOSTILE_TEST_FILES,
} from '../../tests/hostile/hostile-test-files'

const bundle = loadExercise('test-the-login-flow')
const mutantCount = bundle.mutants?.mutants.length ?? 0
const run = (tests: string) => runInNode(bundle, { 'app.test.ts': tests })
const header = "import { expect, newClient, test } from 'signed-in/testing'\n"
const ada = "const ada = { username: 'Ada', password: 'analytical-engine' }\n"
const caught = (verdict: Awaited<ReturnType<typeof run>>) =>
  verdict.checks.slice(1).filter((check) => check.passed).length

describe('the mutant-graded exercise', () => {
  it('has at least 6 mutants, covering login, logout, remember me, next and CSRF', () => {
    expect(mutantCount).toBeGreaterThanOrEqual(6)
    const words = bundle.mutants?.mutants.map((m) => m.description).join(' ') ?? ''
    for (const topic of ['password', 'logout', 'Remember me', 'next', 'another site'])
      expect(words).toContain(topic)
  })

  it("the solution's tests pass against the app and catch every mutant, each named in words", async () => {
    const verdict = await runInNode(bundle, bundle.solution)
    expect(verdict.status).toBe('passed')
    expect(verdict.checks[0]?.name).toBe(REFERENCE_CHECK)
    expect(verdict.checks).toHaveLength(mutantCount + 1)
    expect(verdict.checks.map((check) => check.name)).toContain(
      'Mutant: logout does not clear the remember cookie',
    )
    for (const check of verdict.checks.slice(1)) expect(check.message).toMatch(/^Caught by "/)
  })

  it('a test file that asserts nothing catches none, and each miss has a hint', async () => {
    const verdict = await run(
      `${header}${ada}test('logs in', async () => { await newClient().postForm('/login', ada) })\n`,
    )
    expect(verdict.status).toBe('failed')
    expect(verdict.checks[0]?.passed).toBe(true)
    expect(caught(verdict)).toBe(0)
    for (const check of verdict.checks.slice(1)) {
      expect(check.message).toMatch(/^Missed/)
      expect(check.hint?.length).toBeGreaterThan(10)
    }
  })

  it("the starter's blanks fail its tests against the correct app, naming the blank", async () => {
    const verdict = await runInNode(bundle, bundle.starter)
    expect(verdict.status).toBe('failed')
    expect(verdict.checks[0]?.passed).toBe(false)
    expect(verdict.checks[0]?.message).toMatch(/^2 of your 3 tests fail against the correct app/)
    expect(verdict.checks[0]?.message).toMatch(/blank left at app\.test\.ts line \d+/)
  })

  it('a test that fails against the correct app is the learner’s bug, with its message and line', async () => {
    const verdict = await run(
      `${header}\ntest('strangers get 401', async () => {\n  const response = await newClient().get('/dashboard')\n  expect(response.status).toBe(401)\n})\n`,
    )
    expect(verdict.checks[0]?.passed).toBe(false)
    expect(verdict.checks[0]?.message).toMatch(/^Your only test fails against the correct app/)
    expect(verdict.checks[0]?.message).toContain(
      '"strangers get 401" failed at app.test.ts, line 5',
    )
    expect(verdict.checks[0]?.message).toContain('expected 302 to be 401')
    // The failing test counts for no mutant.
    expect(caught(verdict)).toBe(0)
  })

  it('one good test catches exactly the mutants it pins down', async () => {
    const verdict = await run(
      `${header}${ada}test('a wrong password gets 401', async () => {\n  const r = await newClient().postForm('/login', { ...ada, password: 'x' })\n  expect(r.status).toBe(401)\n})\n`,
    )
    const names = verdict.checks.filter((check) => check.passed).map((check) => check.name)
    expect(names).toEqual([
      REFERENCE_CHECK,
      'Mutant: login accepts any password for a known username',
    ])
  })

  it('a file with no tests, or one that cannot load, says so', async () => {
    expect((await run(header)).message).toMatch(/declares no tests yet/)
    const broken = await run(`${header}import app from './app'\nconsole.log(app)\n`)
    expect(broken.status).toBe('error')
    expect(broken.message).toMatch(/Your test file could not load/)
  })
})

describe('a hostile test file gets no better verdict', () => {
  it('patching built-ins and printing verdict-shaped lines catches nothing', async () => {
    const verdict = await run(`${header}
console.log('@@signed-in-verdict@@{"status":"passed","checks":[]}')
Array.prototype.filter = function () { return [] }
Array.prototype.find = function () { return undefined }
JSON.stringify = () => '{"status":"passed"}'
Object.is = () => true
test('logs in', async () => { await newClient().get('/login') })
`)
    expect(verdict.status).toBe('failed')
    expect(caught(verdict)).toBe(0)
  })

  it('an endless loop in a test is stopped at the time limit', async () => {
    const verdict = await run(`${header}test('spins', () => { for (;;) {} })\n`)
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(/ran for more than 8 seconds against the correct app/)
  }, 60_000)

  it('a loop that starts only when a test would fail counts as missed, not caught', async () => {
    const verdict = await run(`${header}${ada}
test('a wrong password gets 401', async () => {
  const r = await newClient().postForm('/login', { ...ada, password: 'x' })
  if (r.status !== 401) for (;;) {}
})
`)
    const any = verdict.checks.find((check) => check.name.includes('any password'))
    expect(any?.passed).toBe(false)
    expect(any?.message).toMatch(/^Missed: Your tests ran for more than/)
  }, 60_000)
})

describe('hostile test files, in the Node runtime: no better verdict than tests that test nothing', () => {
  let honest: Awaited<ReturnType<typeof gradeInNode>> | undefined
  const nothing = async () => (honest ??= await gradeInNode(HONEST_NOTHING))
  it('the honest file that tests nothing passes against the correct app and catches no mutant', async () => {
    const verdict = await nothing()
    expect(verdict.checks[0]?.passed).toBe(true)
    expect(caught(verdict)).toBe(0)
  })
  for (const hostile of HOSTILE_TEST_FILES) {
    it(
      hostile.name,
      async () => {
        await expectHostileVerdict(hostile, await gradeInNode(hostile.request), 8, nothing)
      },
      60_000,
    )
  }
})

describe('the build refuses a broken mutant, naming its file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutants-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const copy = (name: string) => {
    const target = join(dir, name)
    cpSync('exercises/test-the-login-flow', target, { recursive: true })
    return target
  }

  it('a patch that does not apply', () => {
    const target = copy('stale')
    writeFileSync(
      join(target, 'mutants', 'stale.yaml'),
      "description: a patch for code that is gone\nhint: nothing to test here at all\npatches:\n  - find: 'no such text'\n    replace: ''\n",
    )
    expect(() => loadExercise(target)).toThrow(
      /mutants\/stale\.yaml: patches\.0\.find: the text is not in app\.ts/,
    )
  })

  it('a mutant that behaves like the app', async () => {
    const target = copy('same')
    writeFileSync(
      join(target, 'mutants', 'same.yaml'),
      "description: the same app with other words\nhint: nothing to test here at all\npatches:\n  - find: 'Your settings'\n    replace: 'Your settings '\n",
    )
    await expect(verifyMutants(loadExercise(target), 'exercises/same')).rejects.toThrow(
      /exercises\/same\/mutants\/same\.yaml: no test in solution\/app\.test\.ts catches this mutant/,
    )
  })

  it('the real exercise passes the check', async () => {
    await expect(verifyMutants(bundle, 'exercises/test-the-login-flow')).resolves.toBeUndefined()
  })
})
