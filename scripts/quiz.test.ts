import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseQuizFile } from '../src/schemas/quiz'
import { copyProject } from '../tests/content/project-copy'
import { runProcess } from '../tests/support/run-process'

const node = join(process.cwd(), 'node_modules/.bin/node')
/** Run the CLI to its end; the test's timeout is the only limit. */
const cli = (args: string[], cwd = process.cwd()) =>
  runProcess(node, ['scripts/quiz.ts', ...args], { cwd })

describe('npm run quiz', { timeout: 300_000 }, () => {
  it('new: scaffolds a valid quiz for a lesson and places its tag before the Recap, once', async () => {
    const project = copyProject()
    try {
      const made = await cli(['new', 'more-practice', '--lesson', 'the-login-manager'], project.dir)
      expect(made.output).toContain(
        'Created quizzes/more-practice.yaml and put <Quiz slug="more-practice" /> in lessons/the-login-manager.mdx',
      )
      expect(made.status).toBe(0)
      const file = join(project.dir, 'quizzes/more-practice.yaml')
      const quiz = parseQuizFile('quizzes/more-practice.yaml', readFileSync(file, 'utf8'))
      expect(quiz.lesson).toBe('the-login-manager')
      expect(quiz.questions.length).toBeGreaterThan(0)
      const lesson = readFileSync(join(project.dir, 'lessons/the-login-manager.mdx'), 'utf8')
      expect(lesson).toMatch(/\n\n<Quiz slug="more-practice" \/>\n\n## Recap\n/)
      const again = await cli(
        ['new', 'more-practice', '--lesson', 'the-login-manager'],
        project.dir,
      )
      expect(again.status).toBe(2)
      expect(again.output).toContain(
        'quizzes/more-practice.yaml already exists; pick another name.',
      )
      expect(readFileSync(join(project.dir, 'lessons/the-login-manager.mdx'), 'utf8')).toBe(lesson)
    } finally {
      project.remove()
    }
  })

  it('new: refuses a bad slug, no --lesson, a missing lesson, or an unknown option', async () => {
    const bad = await cli(['new', 'More Practice', '--lesson', 'the-login-manager'])
    expect(bad.status).toBe(2)
    expect(bad.output).toContain('"More Practice" is not a good quiz name')
    const none = await cli(['new', 'more-practice'])
    expect(none.status).toBe(2)
    expect(none.output).toContain('Say which lesson shows it: --lesson <lesson-slug>.')
    const missing = await cli(['new', 'more-practice', '--lesson', 'no-such-lesson'])
    expect(missing.status).toBe(2)
    expect(missing.output).toMatch(/lessons\/no-such-lesson\.mdx does not exist.*the-login-manager/)
    const option = await cli([
      'new',
      'more-practice',
      '--lesson',
      'the-login-manager',
      '--kind',
      'x',
    ])
    expect(option.status).toBe(2)
    expect(option.output).toContain('Unknown option --kind x.')
    expect((await cli([])).output).toContain('npm run quiz -- new <slug> --lesson <lesson-slug>')
    expect(existsSync('quizzes/more-practice.yaml')).toBe(false)
  })
})
