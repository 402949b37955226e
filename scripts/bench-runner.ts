// Times the Worker runtime alone in Chromium (`npm run bench:runner`): Check → verdict for the
// five-request example (manual-session-login), in a page of the built site.
//   warm: one Worker, already started; median (and p90) of 25 runs after 3 unmeasured ones
//   cold: a new Worker for each run, so the time includes starting it and loading the bundle
// Goals: warm ≤ 100 ms, cold ≤ 1 s. Runs `astro build` first when dist/ is missing.
import '../src/runner/node-typescript-hooks.ts'
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { chromiumArgs, findChromium } from './chromium.mjs'
import { startStaticServer } from './serve.mjs'

const { loadExercise } = await import('../src/runner/exercise-files.ts')
const { requestFor } = await import('../src/runner/run-request.ts')

const WARM_RUNS = 25
const COLD_RUNS = 8
const EXPECTED = ['401', 'Logged in as ada', 'Welcome to your dashboard, ada!', 'Logged out', '401']

const bundle = async (entry: string) =>
  (
    await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      logLevel: 'error',
    })
  ).outputFiles[0]?.text ?? ''

if (!existsSync('dist/index.html')) execSync('npx astro build', { stdio: 'inherit' })
const [workerCode, controllerCode] = await Promise.all([
  bundle('src/runner/worker/worker-entry.ts'),
  bundle('src/runner/worker/worker-runtime.ts'),
])
const request = requestFor(loadExercise('manual-session-login'), {})
const server = await startStaticServer({ root: 'dist', port: 0 })
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
try {
  const page = await (await browser.newContext()).newPage()
  await page.goto(server.url)
  const result = await page.evaluate(
    async ({ workerCode, controllerCode, request, warmRuns, coldRuns }) => {
      const blob = (code: string) =>
        URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))
      const workerUrl = blob(workerCode)
      const { WorkerRuntime } = (await import(blob(controllerCode))) as {
        WorkerRuntime: new (create: () => Worker) => {
          warm(): Promise<void>
          run(request: unknown): Promise<{ status: string; output?: string[] }>
          dispose(): void
        }
      }
      const create = () => new Worker(workerUrl, { type: 'module' })
      const cold: number[] = []
      let output: string[] = []
      for (let i = 0; i < coldRuns; i++) {
        const start = performance.now()
        const runtime = new WorkerRuntime(create)
        const verdict = await runtime.run(request)
        cold.push(performance.now() - start)
        output = verdict.output ?? [verdict.status]
        runtime.dispose()
      }
      const runtime = new WorkerRuntime(create)
      await runtime.warm()
      for (let i = 0; i < 3; i++) await runtime.run(request)
      const warm: number[] = []
      for (let i = 0; i < warmRuns; i++) {
        const start = performance.now()
        await runtime.run(request)
        warm.push(performance.now() - start)
      }
      runtime.dispose()
      return { cold, warm, output }
    },
    { workerCode, controllerCode, request, warmRuns: WARM_RUNS, coldRuns: COLD_RUNS },
  )
  if (JSON.stringify(result.output) !== JSON.stringify(EXPECTED))
    throw new Error(`The example printed ${JSON.stringify(result.output)}, not the expected lines.`)
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
  const at = (values: number[], q: number) =>
    sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? NaN
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const warmMedian = at(result.warm, 0.5)
  const coldMedian = at(result.cold, 0.5)
  console.log(`Worker runtime, manual-session-login (5 requests), Chromium ${browser.version()}`)
  console.log(
    `  warm: median ${ms(warmMedian)}, p90 ${ms(at(result.warm, 0.9))}, min ${ms(at(result.warm, 0))} (${WARM_RUNS} runs; goal ≤ 100 ms) ${warmMedian <= 100 ? 'OK' : 'OVER'}`,
  )
  console.log(
    `  cold: median ${ms(coldMedian)}, max ${ms(at(result.cold, 1))}, first ${ms(result.cold[0] ?? NaN)} (${COLD_RUNS} runs, new Worker each; goal ≤ 1 s) ${coldMedian <= 1000 ? 'OK' : 'OVER'}`,
  )
  console.log(`  worker bundle: ${(workerCode.length / 1024).toFixed(0)} KB minified`)
  if (warmMedian > 100 || coldMedian > 1000) process.exitCode = 1
} finally {
  await browser.close()
  await server.close()
}
