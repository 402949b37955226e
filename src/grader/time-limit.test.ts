import { describe, expect, it, vi } from 'vitest'
import { runSignal, TimeLimitReached, timeLimitVerdict } from './time-limit'

const files = {
  'app.ts': [
    "import { Hono } from 'hono'",
    'const app = new Hono()',
    "app.get('/', (c) => c.text('hi'))",
    "app.get('/spin', (c) => {",
    '  while (true) {}',
    '})',
    "app.post('/spin', (c) => c.text('posted'))",
    'export default app',
  ].join('\n'),
}

describe('timeLimitVerdict', () => {
  it('says only the time when nothing more is known', () => {
    const verdict = timeLimitVerdict(2000)
    expect(verdict.message).toBe(
      'Your code ran for more than 2 seconds without answering, so it was stopped. Look for a loop that never ends, or a promise that is never resolved.',
    )
    expect(verdict.error).toEqual({ message: 'Time limit exceeded' })
  })

  it('names the request and points at the line of its route, matching the method', () => {
    const verdict = timeLimitVerdict(
      1000,
      { kind: 'request', method: 'GET', url: '/spin?x=1' },
      files,
    )
    expect(verdict.message).toMatch(
      /stopped\. Look for a loop .* It was answering GET \/spin, whose route is at app\.ts line 4 \(or in a middleware before it\)\.$/,
    )
    expect(verdict.error).toEqual({ message: 'Time limit exceeded', file: 'app.ts', line: 4 })
  })

  it('names the request alone when no single route matches it', () => {
    const verdict = timeLimitVerdict(
      1000,
      { kind: 'request', method: 'DELETE', url: 'https://app.test/spin' },
      files,
    )
    expect(verdict.message).toMatch(/It was answering DELETE \/spin\.$/)
    expect(verdict.error).toEqual({ message: 'Time limit exceeded' })
  })

  it('says the app was still starting, naming its entry file', () => {
    const verdict = timeLimitVerdict(1000, { kind: 'start', entry: 'app.ts' }, files)
    expect(verdict.message).toMatch(
      /It was still starting: the code at the top of app\.ts, or of a file it imports, never finished\.$/,
    )
    expect(verdict.error).toEqual({ message: 'Time limit exceeded', file: 'app.ts' })
  })

  it('treats a path as text, not as a pattern', () => {
    const verdict = timeLimitVerdict(
      1000,
      { kind: 'request', method: 'GET', url: '/(.*)+$' },
      files,
    )
    expect(verdict.message).toMatch(/It was answering GET \/\(\.\*\)\+\$\.$/)
  })
})

describe('runSignal', () => {
  it('aborts at the limit, later by as much as the runtime spent on its own work', () => {
    vi.useFakeTimers()
    try {
      const { signal, extend, done } = runSignal(1000)
      vi.advanceTimersByTime(400)
      extend(300)
      vi.advanceTimersByTime(850)
      expect(signal.aborted).toBe(false)
      vi.advanceTimersByTime(60)
      expect(signal.aborted).toBe(true)
      expect(signal.reason).toBeInstanceOf(TimeLimitReached)
      expect((signal.reason as TimeLimitReached).limitMs).toBe(1000)
      done()
    } finally {
      vi.useRealTimers()
    }
  })

  it('ignores an extension once aborted, or of nothing', () => {
    vi.useFakeTimers()
    try {
      const { signal, extend } = runSignal(100)
      extend(-50)
      extend(Number.NaN)
      vi.advanceTimersByTime(101)
      expect(signal.aborted).toBe(true)
      extend(1000)
      expect(signal.aborted).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })
})
