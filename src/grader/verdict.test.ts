import { describe, expect, it } from 'vitest'
import { say } from './sentences'
import { abortedVerdict, TimeLimitReached, untilAborted } from './time-limit'
import { errorVerdict } from './verdict'

describe('errorVerdict', () => {
  it('builds the error shape every runtime returns, leaving out what it was not given', () => {
    expect(errorVerdict('boom')).toEqual({
      status: 'error',
      checks: [],
      timeline: [],
      message: 'boom',
    })
    expect(Object.keys(errorVerdict('boom'))).not.toContain('error')
    const error = { message: 'TypeError: x', file: 'app.ts', line: 3, column: 7 }
    expect(errorVerdict('stopped', { error, output: ['a'] })).toEqual({
      status: 'error',
      checks: [],
      output: ['a'],
      timeline: [],
      message: 'stopped',
      error,
    })
  })

  it('survives the JSON trip the WebContainer verdict makes unchanged', () => {
    const verdict = errorVerdict(say.codeStoppedTheRun('x'), { error: { message: 'x' } })
    expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict)
  })
})

describe('sentences', () => {
  it('word a thrown non-Error value as text', () => {
    expect(say.runnerCrashed(42)).toBe('The runner stopped unexpectedly: 42')
    expect(say.runnerCrashed(new Error('gone'))).toBe('The runner stopped unexpectedly: gone')
  })

  it('count blanks and seconds in plain words', () => {
    expect(say.fillInBlanks(1, 'app.ts line 3')).toContain('One blank is left: app.ts line 3.')
    expect(say.fillInBlanks(2, 'app.ts line 3 (2 blanks)')).toContain('2 blanks are left')
    expect(say.timeLimit(1)).toContain('more than 1 second without')
    expect(say.timeLimit(2.5)).toContain('more than 2.5 seconds without')
  })
})

describe('cancellation', () => {
  it('untilAborted gives the value when the promise wins', async () => {
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7)
  })

  it('untilAborted rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const waiting = untilAborted(new Promise<never>(() => undefined), controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
    const already = AbortSignal.abort(new Error('before'))
    await expect(untilAborted(Promise.resolve(1), already)).rejects.toThrow('before')
  })

  it('untilAborted passes the promise’s own rejection through', async () => {
    await expect(
      untilAborted(Promise.reject(new Error('own')), new AbortController().signal),
    ).rejects.toThrow('own')
  })

  it('abortedVerdict tells the time limit from a cancellation', () => {
    expect(abortedVerdict(new TimeLimitReached(2000)).message).toBe(say.timeLimit(2))
    expect(abortedVerdict(new Error('replaced')).message).toBe(say.cancelled())
  })
})
