// `expect` for learner-written tests (`signed-in/testing`): a small subset of vitest's, with
// vitest's names and messages in the same shape ("expected 200 to be 401"), so what a learner
// learns here carries over. Pure: no Hono, no DOM.

/**
 * Thrown when an expectation fails; the test runner reports its message and the learner's line.
 *
 * @example
 * throw new AssertionFailed('expected 200 to be 401')
 */
export class AssertionFailed extends Error {
  /** @param message - what was expected and what came */
  constructor(message: string) {
    super(message)
    this.name = 'AssertionError'
  }
}

/**
 * The matchers `expect(value)` offers, and `.not` for each.
 *
 * @example
 * expect(response.status).toBe(302)
 * expect(response.body).not.toContain('Welcome')
 */
export interface Matchers {
  /** `Object.is` equality. */
  toBe(expected: unknown): void
  /** Deep equality of plain values, arrays and objects. */
  toEqual(expected: unknown): void
  /** A string contains the text, or an array holds the item. */
  toContain(expected: unknown): void
  /** A string matches the pattern, or contains the text. */
  toMatch(expected: RegExp | string): void
  toBeDefined(): void
  toBeUndefined(): void
  toBeNull(): void
  toBeTruthy(): void
  toBeFalsy(): void
  /** The value has the property (a dotted path such as `'a.b'` reaches inside), equal to `value` when given. */
  toHaveProperty(path: string, value?: unknown): void
  /** `.length` equals `length`. */
  toHaveLength(length: number): void
  toBeGreaterThan(expected: number): void
  toBeLessThan(expected: number): void
}

/**
 * What `expect(value)` returns: the matchers, and `.not` to turn each around.
 *
 * @example
 * expect(client.cookie('remember_token')).not.toBeDefined()
 */
export interface Assertion extends Matchers {
  readonly not: Matchers
}

/** A value as a message shows it: strings quoted, objects as JSON, cut at 120 characters. */
function show(value: unknown): string {
  let text: string
  if (typeof value === 'string') text = JSON.stringify(value)
  else if (typeof value === 'bigint') text = `${value}n`
  else if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    text = String(value)
  else if (value instanceof RegExp) text = String(value)
  else {
    try {
      text = JSON.stringify(value) ?? String(value)
    } catch {
      text = String(value)
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}

/** Deep equality for plain data (what tests compare: statuses, strings, arrays, objects). */
function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true
  if (depth > 50 || typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      deepEqual(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        depth + 1,
      ),
  )
}

/** Follow a dotted path; `found` is false when a step is missing. */
function reach(value: unknown, path: string): { found: boolean; value: unknown } {
  let current = value
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return { found: false, value: undefined }
    if (!(key in Object(current))) return { found: false, value: undefined }
    current = (current as Record<string, unknown>)[key]
  }
  return { found: true, value: current }
}

function numberOf(value: unknown, matcher: string): number {
  if (typeof value !== 'number')
    throw new AssertionFailed(`${matcher} expects a number, but got ${show(value)}`)
  return value
}

function matchers(actual: unknown, negated: boolean): Matchers {
  const not = negated ? 'not ' : ''
  const check = (pass: boolean, words: string) => {
    if (pass === negated) throw new AssertionFailed(`expected ${show(actual)} ${not}${words}`)
  }
  return {
    toBe: (expected) => check(Object.is(actual, expected), `to be ${show(expected)}`),
    toEqual: (expected) => check(deepEqual(actual, expected), `to equal ${show(expected)}`),
    toContain: (expected) => {
      if (typeof actual === 'string')
        return check(actual.includes(String(expected)), `to contain ${show(expected)}`)
      if (Array.isArray(actual))
        return check(actual.includes(expected), `to contain ${show(expected)}`)
      throw new AssertionFailed(`toContain expects a string or an array, but got ${show(actual)}`)
    },
    toMatch: (expected) => {
      if (typeof actual !== 'string')
        throw new AssertionFailed(`toMatch expects a string, but got ${show(actual)}`)
      const pass = typeof expected === 'string' ? actual.includes(expected) : expected.test(actual)
      check(pass, `to match ${show(expected)}`)
    },
    toBeDefined: () => check(actual !== undefined, 'to be defined'),
    toBeUndefined: () => check(actual === undefined, 'to be undefined'),
    toBeNull: () => check(actual === null, 'to be null'),
    toBeTruthy: () => check(Boolean(actual), 'to be truthy'),
    toBeFalsy: () => check(!actual, 'to be falsy'),
    toHaveProperty: (path, ...value: unknown[]) => {
      const found = reach(actual, path)
      if (value.length === 0) return check(found.found, `to have property ${show(path)}`)
      check(
        found.found && deepEqual(found.value, value[0]),
        `to have property ${show(path)} equal to ${show(value[0])}`,
      )
    },
    toHaveLength: (length) => {
      const has = (actual as { length?: unknown } | null | undefined)?.length
      check(has === length, `to have length ${length}`)
    },
    toBeGreaterThan: (expected) =>
      check(numberOf(actual, 'toBeGreaterThan') > expected, `to be greater than ${expected}`),
    toBeLessThan: (expected) =>
      check(numberOf(actual, 'toBeLessThan') < expected, `to be less than ${expected}`),
  }
}

/**
 * Start an expectation, as in vitest: `expect(actual).toBe(expected)`. A failed one throws
 * {@link AssertionFailed}, which fails the test with its message and line.
 *
 * @param actual - the value under test
 * @returns the matchers
 * @example
 * expect(response.status).toBe(401)
 * expect(response.location).not.toMatch(/^https?:/)
 */
export function expect(actual: unknown): Assertion {
  return Object.assign(matchers(actual, false), { not: matchers(actual, true) })
}
