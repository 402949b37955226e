import { spawn, type SpawnOptions } from 'node:child_process'

/**
 * Run a program to its end without blocking the test's thread, collecting what it prints. There is
 * no wall-clock limit of its own: a busy machine makes it slower, not wrong. Pass the test's
 * `signal` (from its context) so a test that times out stops the process.
 *
 * @param file - the program, e.g. `node_modules/.bin/node`
 * @param args - its arguments
 * @param options - `cwd`, `env`, `signal`
 * @returns its exit status (null when a signal ended it) and its stdout then stderr, interleaved
 * @example
 * const { status, output } = await runProcess('node_modules/.bin/node', ['scripts/quiz.ts'])
 * expect(status).toBe(2)
 */
export function runProcess(
  file: string,
  args: string[],
  options: Pick<SpawnOptions, 'cwd' | 'env' | 'signal'> = {},
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, options)
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('close', (status) => resolve({ status, output }))
  })
}
