import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { listExercises, readTree } from './exercise-files'

// solution/ holds only the files a learner changes; the read-only ones live once, in starter/. The
// root tsconfig leaves exercises out, so each solution is type-checked here as its own program,
// with rootDirs merging starter/ and solution/ the way loadExercise merges them: `./users` in
// solution/app.ts is starter/users.ts. (One rootDirs list for every exercise would let one
// exercise's import find another exercise's file.)
const config = ts.getParsedCommandLineOfConfigFile(
  'tsconfig.json',
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    },
  },
)

describe('every solution type-checks against its starter', () => {
  let previous: ts.Program | undefined
  for (const slug of listExercises()) {
    const dir = join('exercises', slug)
    if (!existsSync(join(dir, 'solution'))) continue
    it(slug, () => {
      const files = Object.keys(readTree(join(dir, 'solution'))).map((path) =>
        resolve(dir, 'solution', path),
      )
      const program = ts.createProgram({
        rootNames: files,
        options: {
          ...config?.options,
          noEmit: true,
          rootDirs: [resolve(dir, 'starter'), resolve(dir, 'solution')],
        },
        ...(previous ? { oldProgram: previous } : {}),
      })
      previous = program
      const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const where = diagnostic.file
          ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
          : ''
        return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
      })
      expect(problems).toEqual([])
    })
  }
})
