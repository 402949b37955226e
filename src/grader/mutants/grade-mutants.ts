// Grading a learner's tests by mutants, on the grader's side: run the test file against the
// reference app, where every test must pass, then against each mutant (the app with one small
// deliberate bug), where at least one test that passed on the reference must fail. Each run gets
// a fresh app realm and a fresh realm for the tests, apart from each other and from the grader:
// the tests' requests and the app's answers cross as plain data through here, and the verdict is
// made here.
import type { Mutant, MutantSet } from '../../schemas/mutant'
import { blanksAsErrors } from '../blanks'
import type { AppConnection, AppReply, RealmAsk, RealmSource } from '../realm/protocol'
import type { RunRequest } from '../run-request'
import { reasonOf, say } from '../sentences'
import { MAX_TESTS, type TestOutcome } from '../testing/suite'
import { abortedVerdict, MUTANT_TIME_LIMIT_MS, runSignal } from '../time-limit'
import {
  errorVerdict,
  formatCodeLocation,
  type CheckResult,
  type CodeError,
  type Verdict,
} from '../verdict'
import { applyMutant } from './patch'

/**
 * The name of the first result in a verdict graded by mutants.
 *
 * @example
 * verdict.checks[0]?.name === REFERENCE_CHECK // true
 */
export const REFERENCE_CHECK = 'Your tests pass against the correct app'

/** What one run of the tests against one app came to. */
type RunResult =
  | { kind: 'ran'; outcomes: TestOutcome[] }
  | { kind: 'load-failed'; message: string; error: CodeError }
  | { kind: 'start-failed'; message: string }
  | { kind: 'timed-out' }
  | { kind: 'crashed'; message: string }

/**
 * Grade a learner's test file by mutants: against the reference app (in `request.files`) and
 * against each mutant, each in a fresh realm from `realms`.
 *
 * @param request - the run request (the reference app and the learner's test file)
 * @param set - the test file's path and the mutants
 * @param realms - where app realms come from
 * @param signal - cancels the whole run (the runtime's time limit, a newer run)
 * @param limitMs - the time limit for one app (default {@link MUTANT_TIME_LIMIT_MS})
 * @returns the verdict: the reference result first, then one result per mutant, caught or missed
 * @example
 * const verdict = await gradeMutantsInRealm(request, request.mutants, nodeRealms, signal)
 */
export async function gradeMutantsInRealm(
  request: RunRequest,
  set: MutantSet,
  realms: RealmSource,
  signal?: AbortSignal,
  limitMs = MUTANT_TIME_LIMIT_MS,
): Promise<Verdict> {
  // A blank left in a test fails the test that reaches it, naming the blank.
  const files = blanksAsErrors(request.editable, request.files)
  const source = files[set.testFile] ?? ''
  const unchangedTest =
    files[set.testFile] === request.files[set.testFile]
      ? request.compiled?.files[set.testFile]
      : undefined
  const reference = Object.fromEntries(
    Object.entries(files).filter(([path]) => path !== set.testFile),
  )

  // Each run takes two fresh realms, opened together: the app's, and one for the learner's tests,
  // which reach the app only through the grader. The runtime keeps a realm started in the
  // background; opening more ahead here would start realms while a run's tests are timed.
  const openPair = () => {
    const pair = [realms.open(signal), realms.open(signal)] as const
    for (const each of pair) each.catch(() => undefined)
    return pair
  }
  // Each file is compiled here (compileModule keeps what it compiled), and every realm gets the
  // JavaScript: a fresh realm would compile it cold each time. A file that does not compile is
  // left to the realm, which reports it. Page-compiled JavaScript is used only for files the
  // mutant leaves as they were.
  const { compileWhatCompiles } = await import('../module-loader')
  const compiledFiles = (app: Record<string, string>) => {
    const unchanged = Object.entries(request.compiled?.files ?? {}).filter(
      ([path]) => path !== set.testFile && app[path] === request.files[path],
    )
    const changed = Object.fromEntries(
      Object.entries(app).filter(([path]) => !unchanged.some(([done]) => done === path)),
    )
    return { ...compileWhatCompiles(changed), ...Object.fromEntries(unchanged) }
  }
  const compiledTest =
    unchangedTest ?? compileWhatCompiles({ [set.testFile]: source })[set.testFile]
  const runAgainst = async (app: Record<string, string>): Promise<RunResult> => {
    // Opening realms and starting the course's own app is the runtime's work, bounded by the
    // whole run's limit; the learner's tests then get their own limit against this app.
    const [appRealm, testRealm] = openPair()
    const connections: AppConnection[] = []
    const closeAll = () => connections.forEach((connection) => connection.close())
    let connection: AppConnection
    let tests: AppConnection
    try {
      connection = await appRealm
      connections.push(connection)
      tests = await testRealm
      connections.push(tests)
      const started = await connection.call(
        {
          type: 'start',
          files: app,
          entry: request.entry,
          compiled: compiledFiles(app),
          env: {},
          clockOffsetMs: 0,
        },
        signal,
      )
      if (started.type === 'start-failed') {
        closeAll()
        return { kind: 'start-failed', message: started.message }
      }
    } catch (error) {
      closeAll()
      void testRealm.then(
        (each) => each.close(),
        () => undefined,
      )
      if (signal?.aborted) throw error
      return { kind: 'crashed', message: reasonOf(error) }
    }
    const { signal: own, done } = runSignal(limitMs, signal)
    // The app's answer crosses as plain data, and nothing of where in its code it came from: no
    // errors the app threw, with their lines, only what a browser would see.
    const answer = async (ask: RealmAsk): Promise<AppReply> => {
      const reply = await connection.call(ask, own)
      if (reply.type === 'response') return { ...reply, serverErrors: [] }
      if (reply.type === 'threw')
        return { type: 'threw', error: { message: 'The app failed to answer.' }, serverErrors: [] }
      throw new Error(`Unexpected reply ${reply.type}`)
    }
    try {
      const reply = await tests.call(
        {
          type: 'tests',
          file: set.testFile,
          source,
          ...(compiledTest === undefined ? {} : { compiled: compiledTest }),
        },
        own,
        answer,
      )
      if (reply.type === 'tests-failed')
        return { kind: 'load-failed', message: String(reply.message), error: reply.error }
      if (reply.type !== 'tests')
        return { kind: 'crashed', message: `Unexpected reply ${reply.type}` }
      return { kind: 'ran', outcomes: readOutcomes(reply.outcomes) }
    } catch (error) {
      if (signal?.aborted) throw error
      if (own.aborted) return { kind: 'timed-out' }
      return { kind: 'crashed', message: reasonOf(error) }
    } finally {
      done()
      closeAll()
    }
  }

  try {
    const first = await runAgainst(reference)
    const seconds = Number((limitMs / 1000).toFixed(1))
    if (first.kind === 'start-failed') return errorVerdict(say.referenceDidNotStart(first.message))
    if (first.kind === 'load-failed') return errorVerdict(first.message, { error: first.error })
    if (first.kind === 'timed-out')
      return errorVerdict(say.testsTimedOut(seconds, 'the correct app'), {
        error: { message: 'Time limit exceeded' },
      })
    if (first.kind === 'crashed') return errorVerdict(say.codeStoppedTheRun(first.message))
    if (first.outcomes.length === 0) return errorVerdict(say.noTests(set.testFile))
    const trusted = first.outcomes.filter((outcome) => outcome.passed)
    const checks: CheckResult[] = [referenceResult(first.outcomes)]
    for (const mutant of set.mutants) {
      if (trusted.length === 0) {
        checks.push(
          missed(mutant, 'Not run yet: none of your tests passes against the correct app.'),
        )
        continue
      }
      const result = await runAgainst(applyMutant(reference, mutant, request.entry))
      checks.push(mutantResult(mutant, result, first.outcomes, seconds))
    }
    return {
      status: checks.every((check) => check.passed) ? 'passed' : 'failed',
      checks,
      timeline: [],
    }
  } catch (error) {
    if (signal?.aborted) return abortedVerdict(signal.reason)
    return errorVerdict(say.codeStoppedTheRun(reasonOf(error)))
  }
}

/** Outcomes as they crossed from the app's realm, checked for shape: anything odd is a failure. */
function readOutcomes(value: unknown): TestOutcome[] {
  if (!Array.isArray(value)) return []
  return value.slice(0, MAX_TESTS).map((each: unknown) => {
    const outcome = (typeof each === 'object' && each ? each : {}) as Partial<TestOutcome>
    const error = outcome.error
    return {
      name: typeof outcome.name === 'string' ? outcome.name.slice(0, 200) : '(unnamed test)',
      passed: outcome.passed === true,
      ...(error && typeof error.message === 'string'
        ? {
            error: {
              message: error.message.slice(0, 500),
              ...(typeof error.file === 'string' ? { file: error.file } : {}),
              ...(typeof error.line === 'number' ? { line: error.line } : {}),
              ...(typeof error.column === 'number' ? { column: error.column } : {}),
            },
          }
        : {}),
    }
  })
}

/** A failed test in words: its name, where it failed and why. */
function describeFailure(outcome: TestOutcome): string {
  const where = formatCodeLocation(outcome.error)
  return `"${outcome.name}" failed${where ? ` at ${where}` : ''}: ${outcome.error?.message ?? 'it threw'}`
}

/** "2 of your 3 tests fail", in good grammar for one test and for all of them. */
function howManyFail(failed: number, total: number): string {
  if (total === 1) return 'Your only test fails'
  if (failed === total) return `All ${total} of your tests fail`
  return `${failed} of your ${total} tests ${failed === 1 ? 'fails' : 'fail'}`
}

function referenceResult(outcomes: TestOutcome[]): CheckResult {
  const failed = outcomes.filter((outcome) => !outcome.passed)
  if (failed.length === 0)
    return {
      name: REFERENCE_CHECK,
      passed: true,
      message: `All ${outcomes.length} of your tests pass against it.`,
    }
  return {
    name: REFERENCE_CHECK,
    passed: false,
    message: `${howManyFail(failed.length, outcomes.length)} against the correct app, so the bug is in the test: ${failed
      .slice(0, 3)
      .map(describeFailure)
      .join('; ')}${failed.length > 3 ? '; …' : ''}.`,
    hint: 'A test that fails against the correct app proves nothing about a broken one. Read the assertion on that line against what the app really answers, and fix the test. Only tests that pass here can catch a mutant.',
    ...(failed[0]?.error ? { error: failed[0].error } : {}),
  }
}

function missed(mutant: Mutant, message: string): CheckResult {
  return { name: `Mutant: ${mutant.description}`, passed: false, message, hint: mutant.hint }
}

function mutantResult(
  mutant: Mutant,
  result: RunResult,
  reference: TestOutcome[],
  seconds: number,
): CheckResult {
  if (result.kind === 'timed-out')
    return missed(mutant, `Missed: ${say.testsTimedOut(seconds, 'this mutant')}`)
  if (result.kind === 'start-failed')
    return missed(
      mutant,
      `This mutant did not start, which is a bug in the course: ${result.message}`,
    )
  if (result.kind !== 'ran')
    return missed(mutant, `Missed: your tests did not run against it (${result.message}).`)
  // A catch counts only from a test that passed against the correct app, matched by place and name.
  const catcher = result.outcomes.find(
    (outcome, index) =>
      !outcome.passed &&
      reference[index]?.passed === true &&
      reference[index]?.name === outcome.name,
  )
  if (!catcher)
    return missed(mutant, 'Missed: every one of your tests passed against this broken app.')
  return {
    name: `Mutant: ${mutant.description}`,
    passed: true,
    message: `Caught by ${describeFailure(catcher)}.`,
  }
}
