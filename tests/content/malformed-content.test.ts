import { readFileSync, readdirSync } from 'node:fs'
import { describe, it } from 'vitest'
import { ASTRO_TEST_TIMEOUT_MS, copyProject } from './project-copy'

// Each case breaks one content file in a copy of the project of its own and expects both `astro build`
// and `astro check` to fail with a message naming the file and the field (or, for broken YAML, the
// line). The cases run side by side (vitest's maxConcurrency, 2), each astro run in a process of its
// own; they are the slowest unit tests, so one after another they would hold up the whole run.
const lessonFiles = readdirSync('lessons')
  .filter((name) => name.endsWith('.mdx'))
  .sort()
const lesson = lessonFiles[0] ?? 'missing.mdx'
const otherLesson = lessonFiles[1] ?? 'missing.mdx'

interface BrokenContent {
  name: string
  file: string
  change: (text: string) => string
  field: RegExp
}

/** Set a frontmatter key to a value (adding the key when it is not there). */
const setKey = (key: string, value: string) => (text: string) =>
  new RegExp(`^${key}: .*$`, 'm').test(text)
    ? text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`)
    : text.replace(/^---\n/, `---\n${key}: ${value}\n`)

const cases: BrokenContent[] = [
  {
    name: 'a lesson whose minutes is text',
    file: `lessons/${lesson}`,
    change: (text) => text.replace(/^minutes: .*$/m, 'minutes: "about ten"'),
    field: /minutes/,
  },
  {
    name: 'a lesson with no title',
    file: `lessons/${lesson}`,
    change: (text) => text.replace(/^title: .*\n/m, ''),
    field: /title/,
  },
  {
    name: 'an exercise with an unknown kind',
    file: 'exercises/complete-the-login-flow/exercise.yaml',
    change: (text) => text.replace('kind: exercise', 'kind: puzzle'),
    field: /kind/,
  },
  {
    name: 'an exercise with a misspelt key',
    file: 'exercises/complete-the-login-flow/exercise.yaml',
    change: (text) => text.replace('editable: false', 'editible: false'),
    field: /files\.\d+: unknown field "editible"/,
  },
  {
    name: 'an exercise whose seed SQL fails',
    file: 'exercises/sessions-in-a-table/seed.sql',
    change: (text) => text.replace('CREATE TABLE users', 'CREATE TABEL users'),
    field: /seed: the SQL fails on an empty database: .*syntax error/,
  },
  {
    name: 'a quiz whose answer is not one of its options',
    file: 'quizzes/login-manager-practice.yaml',
    change: (text) => text.replace('answer: login-user', 'answer: login-usr'),
    field: /answer: "login-usr" is not one of the option ids/,
  },
  {
    name: 'a lesson in a part that does not exist',
    file: `lessons/${lesson}`,
    change: setKey('part', 'no-such-part'),
    field: /part: "no-such-part" is not a part in lessons\/parts\.yaml/,
  },
  {
    name: 'a lesson with a misspelt key',
    file: `lessons/${lesson}`,
    change: setKey('drafts', 'true'),
    field: /unknown field "drafts"/,
  },
  {
    name: 'a lesson whose order another lesson of its part already has',
    file: `lessons/${otherLesson}`,
    change: (text) =>
      setKey(
        'order',
        orderOf(`lessons/${lesson}`),
      )(setKey('part', partOf(`lessons/${lesson}`))(text)),
    field: new RegExp(
      `order: ${orderOf(`lessons/${lesson}`)} is already used by lessons/${lesson}`,
    ),
  },
  {
    name: 'a lesson whose frontmatter is not valid YAML',
    file: `lessons/${lesson}`,
    change: (text) => text.replace(/^title: (.*)$/m, 'title: [$1'),
    field: /line \d|:\d+:\d+/,
  },
  {
    name: 'a parts file that is not valid YAML',
    file: 'lessons/parts.yaml',
    change: (text) => text.replace(/^ {2}title: (.*)$/m, '  title: [$1'),
    field: /the YAML cannot be read: .* at line \d+/,
  },
  {
    name: 'two parts with the same order',
    file: 'lessons/parts.yaml',
    change: (text) => text.replace(/^ {2}order: 2$/m, '  order: 1'),
    field: /order: 1 is used by both part "[a-z-]+" and part "[a-z-]+"/,
  },
  {
    name: 'a part with a misspelt key',
    file: 'lessons/parts.yaml',
    change: (text) => text.replace(/^ {2}description:/m, '  descripton:'),
    field: /unknown field "descripton"/,
  },
  {
    name: 'a troubleshooting symptom linked to an exercise that does not exist',
    file: 'troubleshooting/cookies-and-forms.yaml',
    change: (text) => text.replace('exercise: login-csrf', 'exercise: login-csrf-typo'),
    field: /symptoms\[\d+\]\.exercise: there is no exercise "login-csrf-typo"/,
  },
]

/** The `part` a lesson file names. */
function partOf(file: string) {
  return /^part: (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? 'missing'
}

/** The `order` a lesson file has (the first lesson need not be first in its part). */
function orderOf(file: string) {
  return /^order: (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? 'missing'
}

describe.concurrent('malformed content fails the build, naming the file and the field', () => {
  for (const broken of cases) {
    it(
      broken.name,
      { timeout: ASTRO_TEST_TIMEOUT_MS },
      async ({ expect, onTestFinished, signal }) => {
        const project = copyProject()
        onTestFinished(() => project.remove())
        project.edit(broken.file, broken.change)
        const build = await project.run('astro', ['build'], { signal })
        expect(build.status, build.output).not.toBe(0)
        expect(build.output).toContain(broken.file)
        expect(build.output).toMatch(broken.field)
        const check = await project.run('astro', ['check'], { signal })
        expect(check.status, check.output).not.toBe(0)
        expect(check.output).toContain(broken.file)
        expect(check.output).toMatch(broken.field)
      },
    )
  }
})
