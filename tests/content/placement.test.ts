import { readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ASTRO_TEST_TIMEOUT_MS, copyProject } from './project-copy'

// The lesson pages count every exercise and quiz that names them as required, so one that is never
// placed in its lesson would block that lesson for good. The build must refuse it, naming the file.
describe('an exercise its lesson never shows fails the build', () => {
  const project = copyProject()
  afterAll(() => project.remove())

  it(
    'a scaffold whose <Exercise slug="…" /> tag is taken out of its lesson',
    { timeout: ASTRO_TEST_TIMEOUT_MS },
    async ({ signal }) => {
      const scaffold = spawnSync(
        join(process.cwd(), 'node_modules/.bin/node'),
        ['scripts/exercise.ts', 'new', 'say-hello', '--lesson', 'how-a-login-works'],
        { cwd: project.dir, encoding: 'utf8' },
      )
      expect(scaffold.status, scaffold.stderr).toBe(0)
      // The scaffold places its tag in the lesson; an author who removes it must hear about it.
      const lesson = join(project.dir, 'lessons/how-a-login-works.mdx')
      const text = readFileSync(lesson, 'utf8')
      expect(text).toContain('<Exercise slug="say-hello" />')
      writeFileSync(lesson, text.replace('<Exercise slug="say-hello" />', ''))
      const build = await project.run('astro', ['build'], { signal })
      expect(build.status, build.output).not.toBe(0)
      expect(build.output).toContain(
        'exercises/say-hello/exercise.yaml: lesson: "how-a-login-works", but lessons/how-a-login-works.mdx has no <Exercise slug="say-hello" />.',
      )
    },
  )
})
