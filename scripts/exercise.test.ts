import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyProject } from '../tests/content/project-copy'
import { runProcess } from '../tests/support/run-process'

const node = join(process.cwd(), 'node_modules/.bin/node')
/** Run the CLI to its end; the test's timeout is the only limit. */
const cli = (args: string[], cwd = process.cwd()) =>
  runProcess(node, ['scripts/exercise.ts', ...args], { cwd })

// Each test starts node several times; the limit is a backstop for a machine many times busier.
describe('npm run exercise', { timeout: 300_000 }, () => {
  it('check: prints each check and exits 0 for the solution', async () => {
    const { status, output } = await cli(['check', 'complete-the-login-flow'])
    expect(output).toContain('✓ An anonymous visitor to /dashboard gets 401')
    expect(output).toContain('7 passed, 0 failed')
    expect(status).toBe(0)
  })

  it('check --starter: grades with the blanks left, naming the ones reached, and exits non-zero', async () => {
    const { status, output } = await cli(['check', 'complete-the-login-flow', '--starter'])
    expect(output).toContain('blank left at app.ts line 34')
    expect(output).toContain('FAILED: 1 passed, 6 failed')
    expect(status).toBe(1)
  })

  it('check --dir: grades files from a folder, failing named checks', async () => {
    const project = copyProject()
    try {
      project.edit('exercises/complete-the-login-flow/solution/app.ts', (text) =>
        text.replace("form['remember'] === 'on'", "form['remember'] === 'yes'"),
      )
      const { status, output } = await cli(
        ['check', 'complete-the-login-flow', '--dir', 'exercises/complete-the-login-flow/solution'],
        project.dir,
      )
      expect(output).toContain('✗ Ticking "Remember me" sets a remember-me cookie')
      expect(output).toContain('Which field of the posted form says the box was ticked?')
      expect(status).toBe(1)
    } finally {
      project.remove()
    }
  })

  it('new: scaffolds an exercise for a named lesson, whose solution passes and whose starter has a blank, and places its tag before the Recap', async () => {
    const project = copyProject()
    try {
      const made = await cli(['new', 'say-hello', '--lesson', 'how-a-login-works'], project.dir)
      expect(made.status).toBe(0)
      expect(made.output).toContain(
        'put <Exercise slug="say-hello" /> in lessons/how-a-login-works.mdx',
      )
      expect(readFileSync(join(project.dir, 'exercises/say-hello/exercise.yaml'), 'utf8')).toMatch(
        /^lesson: how-a-login-works$/m,
      )
      const lesson = readFileSync(join(project.dir, 'lessons/how-a-login-works.mdx'), 'utf8')
      expect(lesson).toMatch(/\n\n<Exercise slug="say-hello" \/>\n\n## Recap\n/)
      expect(lesson.split('<Exercise slug="say-hello" />')).toHaveLength(2)
      expect((await cli(['check', 'say-hello'], project.dir)).status).toBe(0)
      expect((await cli(['check', 'say-hello', '--starter'], project.dir)).status).toBe(1)
      const again = await cli(['new', 'say-hello', '--lesson', 'how-a-login-works'], project.dir)
      expect(again.status).toBe(2)
      expect(again.output).toContain('exercises/say-hello already exists; pick another name.')
      expect(readFileSync(join(project.dir, 'lessons/how-a-login-works.mdx'), 'utf8')).toBe(lesson)
    } finally {
      project.remove()
    }
  })

  it('new --kind: scaffolds an example (an <Example> tag, no solution/) and a debug exercise whose bug breaks its listed check', async () => {
    const project = copyProject()
    try {
      // A lesson without a Recap gets the tag at its end.
      project.edit('lessons/the-login-manager.mdx', (text) =>
        text.replace('## Recap', '## Wrap-up'),
      )
      expect(
        (
          await cli(
            ['new', 'show-hello', '--lesson', 'the-login-manager', '--kind', 'example'],
            project.dir,
          )
        ).status,
      ).toBe(0)
      expect(existsSync(join(project.dir, 'exercises/show-hello/solution'))).toBe(false)
      expect(readFileSync(join(project.dir, 'lessons/the-login-manager.mdx'), 'utf8')).toMatch(
        /\n\n<Example slug="show-hello" \/>\n$/,
      )
      const example = await cli(['check', 'show-hello'], project.dir)
      expect(example.output).toContain('> 200 Hello')
      expect(example.status).toBe(0)
      expect(
        (
          await cli(
            ['new', 'fix-hello', '--lesson', 'the-login-manager', '--kind', 'debug'],
            project.dir,
          )
        ).status,
      ).toBe(0)
      const debug = await cli(['check', 'fix-hello'], project.dir)
      expect(debug.output).toContain("The starter's bug breaks exactly the checks in breaks: (1).")
      expect(debug.status).toBe(0)
      const bad = await cli(
        ['new', 'odd-one', '--lesson', 'the-login-manager', '--kind', 'quiz'],
        project.dir,
      )
      expect(bad.status).toBe(2)
      expect(bad.output).toContain('--kind is one of example, exercise, debug; "quiz" is not.')
    } finally {
      project.remove()
    }
  })

  it('new: refuses a bad slug, no --lesson, or a lesson that does not exist, listing the lessons', async () => {
    const slug = await cli(['new', 'Say_Hello', '--lesson', 'how-a-login-works'])
    expect(slug.status).toBe(2)
    expect(slug.output).toContain('"Say_Hello" is not a good exercise name')
    const missing = await cli(['new', 'say-hello'])
    expect(missing.status).toBe(2)
    expect(missing.output).toContain('Say which lesson shows it: --lesson <lesson-slug>.')
    expect(missing.output).toMatch(/how-a-login-works, .*the-login-manager/)
    const wrong = await cli(['new', 'say-hello', '--lesson', 'the-login-manger'])
    expect(wrong.status).toBe(2)
    expect(wrong.output).toContain('lessons/the-login-manger.mdx does not exist')
    expect(existsSync('exercises/say-hello')).toBe(false)
  })

  it('check: for a debug exercise, confirms the starter breaks exactly the listed checks', async () => {
    const { status, output } = await cli(['check', 'fix-the-user-loader'])
    expect(output).toContain("The starter's bug breaks exactly the checks in breaks: (2).")
    expect(status).toBe(0)
  })

  it('explains usage and names the file for a broken exercise', async () => {
    expect((await cli([])).status).toBe(2)
    expect((await cli(['check', 'no-such-exercise'])).output).toContain(
      'exercises/no-such-exercise/exercise.yaml: the file is missing',
    )
  })
})
