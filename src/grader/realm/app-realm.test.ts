import { describe, expect, it } from 'vitest'
import { courseModules, type BuiltinLoaders } from '../builtin-modules'
import { compileWhatCompiles } from '../module-loader'
import { createAppRealm } from './app-realm'
import type { AppCall } from './protocol'

const app = `import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
const app = new Hono()
app.get('/', (c) => c.text('theme: ' + (getCookie(c, 'theme') ?? 'none')))
app.get('/broken', (c) => {
  const user: { name: string } | undefined = undefined
  return c.text(user!.name)
})
export default app
`

/** courseModules, recording which modules the realm asked for. */
function recording(): { modules: BuiltinLoaders; asked: string[] } {
  const asked: string[] = []
  const modules = Object.fromEntries(
    Object.entries(courseModules).map(([name, load]) => [name, () => (asked.push(name), load())]),
  )
  return { modules, asked }
}

const start = (files: Record<string, string>, compiled?: Record<string, string>): AppCall => ({
  type: 'start',
  files,
  entry: 'app.ts',
  env: {},
  clockOffsetMs: 0,
  ...(compiled ? { compiled } : {}),
})
const get = (url: string): AppCall => ({
  type: 'request',
  url,
  method: 'GET',
  headers: [['cookie', 'theme=dark']],
  body: null,
})

describe('an app realm', () => {
  it('loads only the modules the learner’s code imports', async () => {
    const { modules, asked } = recording()
    const realm = createAppRealm(modules)
    const files = { 'app.ts': app }
    expect(await realm.handle(start(files, compileWhatCompiles(files)))).toEqual({
      type: 'started',
    })
    expect(asked.sort()).toEqual(['hono', 'hono/cookie'])
    expect(await realm.handle(get('/'))).toMatchObject({ status: 200, body: 'theme: dark' })
  })

  it('compiles what arrives uncompiled, and reports a syntax error with its file and line', async () => {
    const realm = createAppRealm(courseModules)
    expect(await realm.handle(start({ 'app.ts': app }))).toEqual({ type: 'started' })
    expect(await realm.handle(get('/'))).toMatchObject({ status: 200, body: 'theme: dark' })
    const broken = createAppRealm(courseModules)
    expect(
      await broken.handle(start({ 'app.ts': app.replace('const app =', 'const =') })),
    ).toMatchObject({ type: 'start-failed', error: { file: 'app.ts', line: 3 } })
  })

  it('points a server error at the line and column of the learner’s TypeScript, not the compiled code', async () => {
    const files = { 'app.ts': app }
    const realm = createAppRealm(courseModules)
    await realm.handle(start(files, compileWhatCompiles(files)))
    const reply = await realm.handle(get('/broken'))
    // `user!.name` throws at `name`: its column in the source. The compiled code has no `!`, so
    // there `name` is one column further left.
    const column = (app.split('\n')[6] ?? '').indexOf('.name') + 2
    expect(reply).toMatchObject({
      type: 'response',
      status: 500,
      serverErrors: [{ file: 'app.ts', line: 7, column }],
    })
  })

  it('points an error thrown while the app starts at the learner’s TypeScript too', async () => {
    const files = {
      'app.ts': `const user: { name: string } | undefined = undefined\nexport default user!.name`,
    }
    const realm = createAppRealm(courseModules)
    expect(await realm.handle(start(files, compileWhatCompiles(files)))).toMatchObject({
      type: 'start-failed',
      error: { file: 'app.ts', line: 2, column: 'export default user!.'.length + 1 },
    })
  })

  it('reads the work counters of the login manager only when the app imports it', async () => {
    const realm = createAppRealm(courseModules)
    const files = { 'app.ts': app }
    await realm.handle(start(files, compileWhatCompiles(files)))
    expect(await realm.handle({ type: 'work' })).toEqual({
      type: 'work',
      counters: { passwordHashes: 0 },
    })
  })
})
