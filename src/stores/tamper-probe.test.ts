import { setPersistentEngine } from '@nanostores/persistent'
import { beforeEach, describe, expect, it } from 'vitest'
import { loadExercise } from '../course/exercise-files'
import { courseModules } from '../grader/builtin-modules'
import { runExercise } from '../grader/run-exercise'
import { requestFor } from '../grader/run-request'
import { decodeCookie, tamperWith } from '../inspector/cookie-decoder'
import { createExerciseStore } from './exercise'
import { createProgressStore } from './progress'
import { createTamperProbe } from './tamper-probe'

const bundle = loadExercise('complete-the-login-flow')
// The real grader, in process: the same checks the Worker runs, against the files given.
const runChecks = (checks: string | undefined, files: Record<string, string>) =>
  runExercise(
    { ...requestFor(bundle, files), ...(checks === undefined ? {} : { checks }) },
    courseModules,
  )

beforeEach(() => {
  setPersistentEngine({}, { addEventListener() {}, removeEventListener() {} })
})

const sessionCookie = (store: ReturnType<typeof createExerciseStore>) =>
  store.$verdict
    .get()
    ?.timeline.flatMap((entry) => entry.setCookie)
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('session=') && pair.length > 'session='.length)
    ?.slice('session='.length) ?? ''

describe('tamper probe', () => {
  it('replays the code of the last run, not the code typed since', async () => {
    const store = createExerciseStore(
      bundle,
      (files) => runChecks(undefined, files),
      createProgressStore('tamper'),
    )
    for (const [path, text] of Object.entries(bundle.solution)) store.edit(path, text)
    expect((await store.check()).status).toBe('passed')
    const ran = store.$runFiles.get()
    // The learner breaks the app after the run; the probe must still ask the code that ran.
    store.edit('app.ts', 'this is not TypeScript (')
    let askedWith: Record<string, string> = {}
    const tryForged = createTamperProbe(store, (checks, files) => {
      askedWith = files
      return runChecks(checks, files)
    })
    const value = sessionCookie(store)
    expect(value).not.toBe('')
    const outcome = await tryForged('session', value, tamperWith(decodeCookie(value)).forged)
    expect(askedWith).toEqual(ran)
    expect(outcome).toMatchObject({
      kind: 'answered',
      request: 'GET /dashboard',
      real: { status: 200 },
      tampered: { status: 401 },
    })
  })

  it('says so when no request of the run sent the cookie back, without running anything', async () => {
    const store = createExerciseStore(
      bundle,
      (files) => runChecks(undefined, files),
      createProgressStore('tamper-never'),
    )
    let runs = 0
    const tryForged = createTamperProbe(store, async (checks, files) => {
      runs++
      return runChecks(checks, files)
    })
    expect(await tryForged('session', 'abc.def', 'abd.def')).toEqual({ kind: 'never-sent' })
    expect(runs).toBe(0)
  })

  it('reports a run that could not answer both requests', async () => {
    const store = createExerciseStore(
      bundle,
      (files) => runChecks(undefined, files),
      createProgressStore('tamper-fail'),
    )
    for (const [path, text] of Object.entries(bundle.solution)) store.edit(path, text)
    await store.check()
    const value = sessionCookie(store)
    const tryForged = createTamperProbe(store, (checks, files) =>
      runChecks(checks, { ...files, 'app.ts': 'export default {}' }),
    )
    const outcome = await tryForged('session', value, tamperWith(decodeCookie(value)).forged)
    expect(outcome.kind).toBe('failed')
  })
})
