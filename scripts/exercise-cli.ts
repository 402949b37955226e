// The authoring CLI: `npm run exercise -- check <slug> [--solution|--starter|--dir PATH]` and
// `npm run exercise -- new <slug>`. Run through scripts/exercise.mjs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadExercise, readTree } from '../src/runner/exercise-files'
import { runInNode } from '../src/runner/node-runtime'

const usage = `Usage:
  npm run exercise -- check <slug> [--solution | --starter | --dir PATH]
  npm run exercise -- new <slug>`

async function check(slug: string, flags: string[]): Promise<number> {
  const bundle = loadExercise(slug)
  const dirIndex = flags.indexOf('--dir')
  const which = flags.includes('--starter')
    ? 'starter'
    : dirIndex >= 0
      ? `files in ${flags[dirIndex + 1]}`
      : 'solution'
  const files =
    dirIndex >= 0
      ? readTree(flags[dirIndex + 1] ?? '.')
      : flags.includes('--starter')
        ? bundle.starter
        : bundle.solution
  const verdict = await runInNode(bundle, files)
  console.log(`${bundle.meta.title} (${slug}), ${which}\n`)
  if (verdict.output) for (const line of verdict.output) console.log(`  > ${line}`)
  for (const result of verdict.checks) {
    console.log(`  ${result.passed ? '✓' : '✗'} ${result.name}`)
    if (result.message) console.log(`      ${result.message}`)
    if (result.hint) console.log(`      Hint: ${result.hint}`)
  }
  if (verdict.message) console.log(`  ${verdict.message}`)
  const failed = verdict.checks.filter((c) => !c.passed).length
  console.log(
    `\n${verdict.status === 'passed' ? 'PASSED' : verdict.status.toUpperCase()}: ${verdict.checks.length - failed} passed, ${failed} failed`,
  )
  return verdict.status === 'passed' ? 0 : 1
}

function scaffold(slug: string): number {
  if (!/^[a-z0-9-]+$/.test(slug)) {
    console.error(`"${slug}" is not a good folder name: use lowercase letters, digits and dashes.`)
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
lesson: the-login-manager
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
Next: edit them, then run npm run exercise -- check ${slug}`)
  return 0
}

const [command, slug, ...flags] = process.argv.slice(2)
try {
  if (command === 'check' && slug) process.exitCode = await check(slug, flags)
  else if (command === 'new' && slug) process.exitCode = scaffold(slug)
  else {
    console.error(usage)
    process.exitCode = 2
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
}
