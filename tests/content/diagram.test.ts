import { afterAll, describe, expect, it } from 'vitest'
import { ASTRO_TEST_TIMEOUT_MS, copyProject } from './project-copy'

// A Mermaid mistake in a lesson's <Diagram> stops the build, naming the lesson file, the line of
// the failing line in it, and that line's number inside the diagram.
describe('a broken diagram fails the build', () => {
  const project = copyProject()
  afterAll(() => project.remove())

  it(
    'names the lesson file and the diagram line',
    { timeout: ASTRO_TEST_TIMEOUT_MS },
    async ({ signal }) => {
      const file = 'lessons/how-a-login-works.mdx'
      let fileLine = 0
      project.edit(file, (text) => {
        const marker = 'Browser->>Server: POST /login (username, password)'
        expect(text).toContain(marker)
        fileLine = text.split('\n').findIndex((line) => line.includes(marker)) + 1
        return text.replace(marker, 'Browser->>Server POST /login')
      })
      const build = await project.run('astro', ['build'], { signal })
      expect(build.status, build.output).not.toBe(0)
      expect(build.output).toContain(`${file}:${fileLine}: <Diagram>: Mermaid line 4`)
      expect(build.output).toContain('cannot read "Browser->>Server POST /login"')
    },
  )
})
