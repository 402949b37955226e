import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// Plants one import in a file of each zone and lints it with the project's own config, so the
// direction schemas → engines → runner → stores → elements → pages is proven to be enforced
// (a wrong-way import fails lint) and not merely written down (a right-way import passes).
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax',
    )
    .map((message) => message.message)
}

const wrongWay: Array<[string, string, string]> = [
  ['the grader importing the runner', 'src/grader/planted.ts', '../runner/index'],
  [
    'the grader importing build-time code',
    'src/grader/harness/planted.ts',
    '../../course/node-runtime',
  ],
  ['the grader importing a store', 'src/grader/planted.ts', '../stores/progress'],
  ['a schema importing an engine', 'src/schemas/planted.ts', '../grader/verdict'],
  ['an engine importing a store', 'src/quiz/planted.ts', '../stores/quiz'],
  ['the inspector importing an element', 'src/inspector/planted.ts', '../elements/cookie-decoder'],
  ['the login manager importing the runner', 'src/login-manager/planted.ts', '../runner/index'],
  ['build-time code importing a store', 'src/course/planted.ts', '../stores/exercise'],
  ['the runner importing a store', 'src/runner/planted.ts', '../stores/runtime'],
  [
    'the runner importing build-time code',
    'src/runner/worker/planted.ts',
    '../../course/exercise-files',
  ],
  ['a store importing an element', 'src/stores/planted.ts', '../elements/exercise-panel'],
  ['an element importing build-time code', 'src/elements/planted.ts', '../course/exercises'],
]

const rightWay: Array<[string, string, string]> = [
  ['the grader importing a schema', 'src/grader/planted.ts', '../schemas/exercise'],
  ['the runner importing the grader', 'src/runner/planted.ts', '../grader/verdict'],
  ['a store importing the runner', 'src/stores/planted.ts', '../runner/index'],
  ['an element importing a store', 'src/elements/planted.ts', '../stores/progress'],
  ['build-time code importing the grader', 'src/course/planted.ts', '../grader/blanks'],
  ['a test reaching across zones', 'src/grader/planted.test.ts', '../course/node-runtime'],
]

describe('import zones', () => {
  it.each(wrongWay)('refuses %s', async (_name, filePath, target) => {
    const messages = await restrictedImports(
      filePath,
      `import type { X } from '${target}'\nexport type Y = X\n`,
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('src/grader/README.md')
  })

  it.each(rightWay)('allows %s', async (_name, filePath, target) => {
    expect(
      await restrictedImports(filePath, `import type { X } from '${target}'\nexport type Y = X\n`),
    ).toEqual([])
  })

  it('refuses a wrong-way dynamic import too', async () => {
    // import() is how the page lazy-loads; the rule must see it, or the zones leak.
    const messages = await restrictedImports(
      'src/grader/planted.ts',
      "export const load = () => import('../runner/index')\n",
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('crosses a zone')
  })

  it('allows a right-way dynamic import', async () => {
    expect(
      await restrictedImports(
        'src/elements/planted.ts',
        "export const load = () => import('../stores/progress')\n",
      ),
    ).toEqual([])
  })
})
