import { readdirSync } from 'node:fs'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
import { copyProject } from './project-copy'

// Each case breaks one content file in a copy of the project and expects the build (and, where
// the schema catches it, `astro check`) to fail with a message naming the file and the field.
const lesson = readdirSync('lessons').find((name) => name.endsWith('.mdx')) ?? 'missing.mdx'

interface BrokenContent {
  name: string
  file: string
  change: (text: string) => string
  field: RegExp
  checkToo: boolean
}

const cases: BrokenContent[] = [
  {
    name: 'a lesson whose minutes is text',
    file: `lessons/${lesson}`,
    change: (text) => text.replace(/^minutes: .*$/m, 'minutes: "about ten"'),
    field: /minutes/,
    checkToo: true,
  },
  {
    name: 'a lesson with no title',
    file: `lessons/${lesson}`,
    change: (text) => text.replace(/^title: .*\n/m, ''),
    field: /title/,
    checkToo: true,
  },
  {
    name: 'an exercise with an unknown kind',
    file: 'exercises/complete-the-login-flow/exercise.yaml',
    change: (text) => text.replace('kind: exercise', 'kind: puzzle'),
    field: /kind/,
    checkToo: true,
  },
  {
    name: 'a quiz whose answer is not one of its options',
    file: 'quizzes/login-manager-practice.yaml',
    change: (text) => text.replace('answer: login-user', 'answer: login-usr'),
    field: /answer: "login-usr" is not one of the option ids/,
    checkToo: true,
  },
  {
    name: 'a lesson in a part that does not exist',
    file: `lessons/${lesson}`,
    change: (text) => text.replace(/^part: .*$/m, 'part: no-such-part'),
    field: /part: "no-such-part"/,
    checkToo: false,
  },
]

describe('malformed content fails the build, naming the file and the field', () => {
  const project = copyProject()
  afterAll(() => project.remove())

  for (const broken of cases) {
    it(broken.name, () => {
      let original = ''
      project.edit(broken.file, (text) => ((original = text), broken.change(text)))
      onTestFinished(() => project.write(broken.file, original))
      const build = project.run('astro', ['build'])
      expect(build.status, build.output).not.toBe(0)
      expect(build.output).toContain(broken.file)
      expect(build.output).toMatch(broken.field)
      if (broken.checkToo) {
        const check = project.run('astro', ['check'])
        expect(check.status, check.output).not.toBe(0)
        expect(check.output).toContain(broken.file)
        expect(check.output).toMatch(broken.field)
      }
    })
  }
})
