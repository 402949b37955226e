import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runProcess } from '../support/run-process'

const root = resolve(import.meta.dirname, '../..')
const copied = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'src',
  'lessons',
  'exercises',
  'quizzes',
  'troubleshooting',
  'public',
  'scripts',
]

const node = join(root, 'node_modules/.bin/node')
const astro = join(root, 'node_modules/astro/bin/astro.mjs')
// The environment of a plain terminal, without what vitest adds (NODE_ENV=test, DEV=1, MODE, …),
// which would make `astro build` treat itself as a dev build.
const addedByVitest = ['NODE_ENV', 'TEST', 'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'FORCE_TTY']
const env = Object.fromEntries(
  Object.entries({
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
  }).filter(([name]) => !addedByVitest.includes(name) && !name.startsWith('VITEST')),
)

/**
 * The timeout for a test that runs astro in a copy: a backstop for a hung process, not a budget.
 * A full build takes under a minute on a quiet 2-core machine and over five on one shared by
 * several test runs; a test that passes ends when its processes do, whatever this is.
 */
export const ASTRO_TEST_TIMEOUT_MS = 900_000

/**
 * A throwaway copy of the project (sharing node_modules) for tests that break content on purpose.
 *
 * @example
 * const project = copyProject()
 * project.edit('lessons/welcome.mdx', (text) => text.replace('minutes: 3', 'minutes: "3"'))
 * const { status, output } = await project.run('astro', ['build'])
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
    /**
     * Run an `astro` command to its end, without blocking the test's thread, so that other tests
     * (and other copies) run meanwhile. There is no wall-clock limit of its own: a loaded machine
     * only makes it slower. Pass the test's `signal` so a test that times out stops its process.
     */
    run(
      _command: 'astro',
      args: string[],
      { signal }: { signal?: AbortSignal } = {},
    ): Promise<{ status: number | null; output: string }> {
      return runProcess(node, [astro, ...args], { cwd: dir, env, signal })
    },
    /** Start a long-running `astro` command (`dev`); stop it with `stop()`. */
    start(_command: 'astro', args: string[]) {
      const child: ChildProcess = spawn(node, [astro, ...args], { cwd: dir, env })
      let output = ''
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      return {
        output: () => output,
        /** Whether the process has ended (a dev server that stops on its own has failed). */
        ended: () => child.exitCode !== null || child.signalCode !== null,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve()
            child.once('exit', () => resolve())
            child.kill('SIGTERM')
          }),
      }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
