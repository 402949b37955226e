// The authoring CLI, run by plain Node 24 (`npm run exercise -- …`):
//   npm run exercise -- check <slug> [--solution | --starter | --dir PATH]
//   npm run exercise -- new <slug> --lesson <lesson-slug>
// Exit codes: 0 every check passed (or scaffolded), 1 a check failed / blanks / an error in the
// code, 2 usage or a broken exercise folder.
import '../src/runner/node-typescript-hooks.ts'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const { loadExercise, readTree } = await import('../src/runner/exercise-files.ts')
const { runInNode } = await import('../src/runner/node-runtime.ts')

const usage = `Usage:
  npm run exercise -- check <slug> [--solution | --starter | --dir PATH]
  npm run exercise -- new <slug> --lesson <lesson-slug>`

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
  const files = dir ? readTree(dir) : flags.includes('--starter') ? bundle.starter : bundle.solution
  const verdict = await runInNode(bundle, files)
  console.log(`${bundle.meta.title} (${slug}), ${which}\n`)
  if (verdict.output) for (const line of verdict.output) console.log(`  > ${line}`)
  for (const result of verdict.checks) {
    console.log(`  ${result.passed ? '✓' : '✗'} ${result.name}`)
    if (result.message) console.log(`      ${result.message}`)
    if (result.hint) console.log(`      Hint: ${result.hint}`)
  }
  if (verdict.message) console.log(`  ${verdict.message}`)
  const where = verdict.error?.file
    ? ` (${verdict.error.file}${verdict.error.line ? `:${verdict.error.line}:${verdict.error.column ?? 1}` : ''})`
    : ''
  if (where) console.log(`  at${where}`)
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
  const failed = verdict.checks.filter((c) => !c.passed).length
  const counts = verdict.output
    ? `${verdict.output.length} lines printed`
    : `${verdict.checks.length - failed} passed, ${failed} failed`
  console.log(
    `\n${verdict.status === 'passed' ? 'PASSED' : verdict.status.toUpperCase()}: ${counts}`,
  )
  return verdict.status === 'passed' ? 0 : 1
}

function scaffold(slug: string, flags: string[]): number {
  if (!/^[a-z0-9-]+$/.test(slug)) {
    console.error(`"${slug}" is not a good folder name: use lowercase letters, digits and dashes.`)
    return 2
  }
  const lessons = readdirSync('lessons')
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort()
  const lessonIndex = flags.indexOf('--lesson')
  const lesson = lessonIndex >= 0 ? flags[lessonIndex + 1] : undefined
  const unknown = flags.filter((_flag, index) => index !== lessonIndex && index !== lessonIndex + 1)
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}.\n${usage}`)
    return 2
  }
  if (!lesson || !lessons.includes(lesson)) {
    console.error(
      `${lesson ? `"${lesson}" is not a lesson.` : 'Say which lesson shows the exercise: --lesson <lesson-slug>.'} The lessons are: ${lessons.join(', ')}.`,
    )
    return 2
  }
  const dir = join('exercises', slug)
  if (existsSync(dir)) {
    console.error(`${dir} already exists; pick another name.`)
    return 2
  }
  const app = (blank: boolean) => `import { Hono } from 'hono'

const app = new Hono()

app.get('/', (c) => c.text(${blank ? '___' : "'Hello'"}))

export default app
`
  mkdirSync(join(dir, 'starter'), { recursive: true })
  mkdirSync(join(dir, 'solution'), { recursive: true })
  writeFileSync(join(dir, 'starter/app.ts'), app(true))
  writeFileSync(join(dir, 'solution/app.ts'), app(false))
  writeFileSync(
    join(dir, 'exercise.yaml'),
    `title: ${slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}
lesson: ${lesson}
kind: exercise
description: Say what the learner should make work.
files:
  - path: app.ts
    editable: true
hints:
  - The first hint, gentle.
`,
  )
  writeFileSync(
    join(dir, 'checks.ts'),
    `import { defineChecks, expectBodyIncludes } from 'signed-in/checks'

export default defineChecks([
  {
    name: 'The home page says hello',
    async run({ client }) {
      expectBodyIncludes(await client.get('/'), 'Hello', 'Return a greeting from the / route.')
    },
  },
])
`,
  )
  console.log(`Created ${dir}/ with exercise.yaml, starter/, solution/ and checks.ts.
Next: put <Exercise slug="${slug}" /> in lessons/${lesson}.mdx (the build fails until you do: the
lesson counts it as required), edit the files, then run npm run exercise -- check ${slug}`)
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
