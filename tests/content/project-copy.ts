import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const copied = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'src',
  'lessons',
  'exercises',
  'quizzes',
  'public',
  'scripts',
]

/**
 * A throwaway copy of the project (sharing node_modules) for tests that break content on purpose.
 *
 * @example
 * const project = copyProject()
 * project.edit('lessons/welcome.mdx', (text) => text.replace('minutes: 3', 'minutes: "3"'))
 * const { status, output } = project.run('astro', ['build'])
 * project.remove()
 */
export function copyProject() {
  const dir = mkdtempSync(join(tmpdir(), 'signed-in-content-'))
  for (const name of copied) cpSync(join(root, name), join(dir, name), { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return {
    dir,
    edit(path: string, change: (text: string) => string) {
      const file = join(dir, path)
      writeFileSync(file, change(readFileSync(file, 'utf8')))
    },
    write(path: string, text: string) {
      writeFileSync(join(dir, path), text)
    },
    run(_command: 'astro', args: string[]) {
      const result = spawnSync(
        join(root, 'node_modules/.bin/node'),
        [join(root, 'node_modules/astro/bin/astro.mjs'), ...args],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
          timeout: 120_000,
        },
      )
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
