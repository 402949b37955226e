// "Download as a project", end to end in Node: the zip is made the way the page makes it (the kit
// /project/kit.json serves, projectFiles, zipProject), unzipped into a temporary folder, installed
// offline from tarballs packed from this repository's node_modules, then `npm start` must serve
// the app and `npm test` must grade it as the course does: for a login exercise, and for one on
// SQLite with seed data and restarts.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExerciseBundle } from '../schemas/exercise'
import { projectFiles, zipProject, type ProjectKit } from '../take-home/project'
import { loadExercise } from './exercise-files'
import { runInNode } from './node-runtime'
import { buildProjectKit } from './project-kit'
import { verdictLines } from './verdict-report'

const work = mkdtempSync(join(tmpdir(), 'signed-in-project-'))
// The Node that runs this test runs the project too.
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH']}`,
}
let kit: ProjectKit
let packs: string[]

/** Unzip a project made as the page makes it, and install its dependencies with no network. */
function unpack(bundle: ExerciseBundle, name: string, files: Record<string, string>): string {
  const slug = bundle.slug
  const dir = join(work, `${slug}-${name}`)
  for (const [path, bytes] of Object.entries(
    unzipSync(zipProject(slug, projectFiles(kit, bundle, files))),
  )) {
    const target = join(dir, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, bytes)
  }
  const project = join(dir, slug)
  execFileSync(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-save',
      '--cache',
      join(work, 'cache'),
      ...packs,
    ],
    { cwd: project, env, stdio: 'pipe' },
  )
  return project
}

/** Start `npm start` in a project and resolve with the URL it serves; the caller stops it. */
async function npmStart(project: string): Promise<{ url: string; stop(): void }> {
  const server = spawn('npm', ['start', '--silent'], {
    cwd: project,
    env: { ...env, PORT: '0' },
    detached: true,
  })
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = ''
      server.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        const match = /http:\/\/localhost:\d+\//.exec(seen)
        if (match) resolve(match[0])
      })
      server.stderr.on('data', (chunk: Buffer) => (seen += chunk.toString()))
      server.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${seen}`)))
    })
    return { url, stop }
  } catch (error) {
    stop()
    throw error
  }
}

/** Run `npm test` in a project; resolves with its exit code and output. */
function npmTest(project: string): { code: number; stdout: string } {
  try {
    return {
      code: 0,
      stdout: execFileSync('npm', ['test', '--silent'], { cwd: project, env, encoding: 'utf8' }),
    }
  } catch (error) {
    const failed = error as { status: number; stdout: string }
    return { code: failed.status, stdout: failed.stdout }
  }
}

beforeAll(() => {
  return (async () => {
    kit = await buildProjectKit()
    const packDir = join(work, 'packs')
    mkdirSync(packDir)
    for (const name of Object.keys(kit.dependencies))
      execFileSync(
        'npm',
        [
          'pack',
          join(process.cwd(), 'node_modules', name),
          '--pack-destination',
          packDir,
          '--ignore-scripts',
          '--silent',
        ],
        { env, stdio: 'pipe' },
      )
    packs = readdirSync(packDir).map((file) => join(packDir, file))
  })()
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('a downloaded project', () => {
  it('carries the bundled tools, the login manager and the exact versions to install', () => {
    expect(Object.keys(kit.files)).toEqual(
      expect.arrayContaining([
        'tools/serve.mjs',
        'tools/test.mjs',
        'tools/app-thread.mjs',
        'login-manager/index.ts',
        'login-manager/utils/password.ts',
      ]),
    )
    expect(
      Object.entries(kit.files).some(
        ([path, text]) =>
          /\.test\.ts$|test-app|contract/.test(path) || text.includes("from 'vitest'"),
      ),
    ).toBe(false)
    expect(Object.keys(kit.dependencies).sort()).toEqual([
      '@hono/node-server',
      '@noble/hashes',
      'hono',
      'sql.js',
    ])
  })

  it('with the solution: npm start serves the app and npm test passes every check', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const project = unpack(bundle, 'solution', bundle.solution)
    const server = await npmStart(project)
    try {
      const page = await fetch(`${server.url}login`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<form')
      expect((await fetch(`${server.url}dashboard`)).status).toBe(401)
    } finally {
      server.stop()
    }
    const result = npmTest(project)
    expect(result.stdout).toContain('PASSED: 7 passed, 0 failed')
    expect(result.code).toBe(0)
  })

  it('with the starter: npm test fails at the blanks with the lines the course prints', async () => {
    const bundle = loadExercise('complete-the-login-flow')
    const project = unpack(bundle, 'starter', bundle.starter)
    const result = npmTest(project)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('blank left at app.ts line')
    for (const line of verdictLines(await runInNode(bundle, bundle.starter)))
      expect(result.stdout).toContain(line)
  })
})

describe('a downloaded project whose app uses SQLite (signed-in/db, seed.sql)', () => {
  const bundle = loadExercise('sessions-in-a-table')

  it('with the solution: npm start serves from the seed data and npm test passes every check, restarts included', async () => {
    expect(bundle.seed).toBeDefined()
    const project = unpack(bundle, 'solution', bundle.solution)
    const server = await npmStart(project)
    try {
      // Ada is a row of seed.sql: logging her in reads the users table, and the session is a
      // row of the sessions table.
      const login = await fetch(`${server.url}login`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'ada', password: 'analytical-engine' }),
        headers: { origin: server.url.slice(0, -1) },
        redirect: 'manual',
      })
      expect(login.status).toBe(302)
      const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? ''
      const account = await fetch(`${server.url}account`, { headers: { cookie } })
      expect(await account.text()).toBe('Signed in as Ada')
    } finally {
      server.stop()
    }
    const result = npmTest(project)
    expect(result.stdout).toContain('A login survives a server restart')
    expect(result.stdout).toContain('PASSED: 8 passed, 0 failed')
    expect(result.code).toBe(0)
  })

  it('with the starter: npm test fails at its blanks, as the course does, not for want of SQLite', async () => {
    const project = unpack(bundle, 'starter', bundle.starter)
    const result = npmTest(project)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('blank at app.ts line')
    for (const line of verdictLines(await runInNode(bundle, bundle.starter)))
      expect(result.stdout).toContain(line)
  })
})
