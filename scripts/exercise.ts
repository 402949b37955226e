// The authoring CLI, run by plain Node 24 (`npm run exercise -- …`):
//   npm run exercise -- check <slug> [--solution | --starter | --dir PATH]
//   npm run exercise -- new <slug> --lesson <lesson-slug> [--kind example|exercise|debug]
// Exit codes: 0 every check passed (or scaffolded), 1 a check failed / blanks / an error in the
// code, 2 usage or a broken exercise folder.
import '../src/course/node-typescript-hooks.ts'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { insertTag, lessonProblem, takeFlag } from './lesson-tags.ts'

const { loadExercise, readTree } = await import('../src/course/exercise-files.ts')
const { runInNode } = await import('../src/course/node-runtime.ts')
const { isSlug } = await import('../src/schemas/strict.ts')
const { verdictLines, verdictSummary } = await import('../src/course/verdict-report.ts')

const usage = `Usage:
  npm run exercise -- check <slug> [--solution | --starter | --dir PATH]
  npm run exercise -- new <slug> --lesson <lesson-slug> [--kind example|exercise|debug]`

async function check(slug: string, flags: string[]): Promise<number> {
  const unknown = flags.filter((flag, index) =>
    flag.startsWith('--')
      ? !['--solution', '--starter', '--dir'].includes(flag)
      : flags[index - 1] !== '--dir',
  )
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}.\n${usage}`)
    return 2
  }
  const bundle = loadExercise(slug)
  const dirIndex = flags.indexOf('--dir')
  const dir = dirIndex >= 0 ? flags[dirIndex + 1] : undefined
  if (dirIndex >= 0 && (!dir || !existsSync(dir))) {
    console.error(`--dir needs a folder that exists${dir ? `; "${dir}" does not` : ''}.`)
    return 2
  }
  const which = flags.includes('--starter') ? 'starter' : dir ? `files in ${dir}` : 'solution'
  // A folder holds the files the learner changed; the read-only ones come from starter/.
  const files = dir
    ? { ...bundle.starter, ...readTree(dir) }
    : flags.includes('--starter')
      ? bundle.starter
      : bundle.solution
  const verdict = await runInNode(bundle, files)
  console.log(`${bundle.meta.title} (${slug}), ${which}\n`)
  for (const line of verdictLines(verdict)) console.log(line)
  if (bundle.meta.kind === 'debug' && !flags.includes('--starter') && !dir) {
    // Authors of a debug exercise want to see the bug break exactly the checks they listed.
    const starter = await runInNode(bundle, bundle.starter)
    const broken = starter.checks.filter((c) => !c.passed).map((c) => c.name)
    const expected = bundle.meta.breaks
    const same =
      broken.length === expected.length && broken.every((name) => expected.includes(name))
    console.log(
      same
        ? `\n  The starter's bug breaks exactly the checks in breaks: (${broken.length}).`
        : `\n  breaks: lists ${JSON.stringify(expected)}, but the starter fails ${JSON.stringify(broken)}.`,
    )
    if (!same) return 1
  }
  console.log(`\n${verdictSummary(verdict)}`)
  return verdict.status === 'passed' ? 0 : 1
}

type Kind = 'example' | 'exercise' | 'debug'
const kinds: Kind[] = ['example', 'exercise', 'debug']
const components: Record<Kind, string> = {
  example: 'Example',
  exercise: 'Exercise',
  debug: 'Exercise',
}

/** The scaffold's app.ts: `___` for the learner to fill, a bug to find, or working code. */
const app = (greeting: string) => `import { Hono } from 'hono'

const app = new Hono()

app.get('/', (c) => c.text(${greeting}))

export default app
`

const checksFile = `import { defineChecks, expectBodyIncludes } from 'signed-in/checks'

export default defineChecks([
  {
    name: 'The home page says hello',
    async run({ client }) {
      expectBodyIncludes(await client.get('/'), 'Hello', 'Return a greeting from the / route.')
    },
  },
])
`

const scenarioFile = `import { defineScenario } from 'signed-in/checks'

export default defineScenario([
  {
    label: 'GET /',
    run: async (client) => {
      const response = await client.get('/')
      return \`\${response.status} \${response.body}\`
    },
  },
])
`

function scaffold(slug: string, flags: string[]): number {
  if (!isSlug(slug)) {
    console.error(
      `"${slug}" is not a good exercise name: use lowercase letters, digits and single dashes, like fix-the-open-redirect.`,
    )
    return 2
  }
  const lessonFlag = takeFlag(flags, '--lesson')
  const kindFlag = takeFlag(lessonFlag.rest, '--kind')
  if (kindFlag.rest.length > 0) {
    console.error(`Unknown option ${kindFlag.rest.join(' ')}.\n${usage}`)
    return 2
  }
  const kind = (kindFlag.value ?? 'exercise') as Kind
  if (!kinds.includes(kind)) {
    console.error(`--kind is one of ${kinds.join(', ')}; "${kindFlag.value}" is not.`)
    return 2
  }
  const lesson = lessonFlag.value
  const problem = lessonProblem(lesson)
  if (problem || !lesson) {
    console.error(problem)
    return 2
  }
  const dir = join('exercises', slug)
  if (existsSync(dir)) {
    console.error(`${dir} already exists; pick another name.`)
    return 2
  }
  mkdirSync(join(dir, 'starter'), { recursive: true })
  const starter = { example: "'Hello'", exercise: '___', debug: "'Goodbye'" }[kind]
  writeFileSync(join(dir, 'starter/app.ts'), app(starter))
  if (kind !== 'example') {
    mkdirSync(join(dir, 'solution'), { recursive: true })
    writeFileSync(join(dir, 'solution/app.ts'), app("'Hello'"))
  }
  const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())
  const description = {
    example: 'Press **Run** and read what the app answers.',
    exercise: 'Say what the learner should make work.',
    debug: 'Say what the learner sees going wrong, not where the bug is.',
  }[kind]
  const rest =
    kind === 'example'
      ? ''
      : `hints:
  - The first hint, gentle.
${kind === 'debug' ? 'breaks:\n  - The home page says hello\n' : ''}`
  writeFileSync(
    join(dir, 'exercise.yaml'),
    `title: ${title}
lesson: ${lesson}
kind: ${kind}
description: ${description}
files:
  - path: app.ts
    editable: ${kind !== 'example'}
${rest}`,
  )
  writeFileSync(join(dir, 'checks.ts'), kind === 'example' ? scenarioFile : checksFile)
  const tag = `<${components[kind]} slug="${slug}" />`
  const lessonFile = insertTag(lesson, tag)
  console.log(`Created ${dir}/ with exercise.yaml, starter/${kind === 'example' ? '' : ', solution/'} and checks.ts,
and put ${tag} in ${lessonFile} (before its Recap, or at the end: move it where it belongs).
Next: edit the files, then run npm run exercise -- check ${slug}`)
  return 0
}

const [command, slug, ...flags] = process.argv.slice(2)
try {
  if (command === 'check' && slug) process.exitCode = await check(slug, flags)
  else if (command === 'new' && slug) process.exitCode = scaffold(slug, flags)
  else {
    console.error(usage)
    process.exitCode = 2
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
}
