import { describe, expect, it } from 'vitest'
import { comparableVerdict } from '../../../tests/support/comparable-verdict'
import { HONEST_RIGHT, HONEST_WRONG, HOSTILE_FILES } from '../../../tests/hostile/hostile-files'
import { gradeInNode } from '../../course/node-runtime'
import { timeLimitVerdict } from '../time-limit'

// The hostile files in the Node runtime: each gets the verdict an honest wrong answer gets, and an
// honest right answer straight after still passes. (The Worker and the WebContainer run the same
// files in their own tests.)
// Generous: a busy machine must not turn a slow honest run into a time-limit verdict.
const LIMIT_MS = 6000
const run = (request: typeof HONEST_WRONG) => gradeInNode(request, {}, { timeLimitMs: LIMIT_MS })

describe('hostile learner files, in the Node runtime', () => {
  for (const hostile of HOSTILE_FILES) {
    it(hostile.name, async () => {
      const verdict = await run(hostile.request)
      if (hostile.expect === 'time-limit')
        expect(verdict).toEqual(timeLimitVerdict(LIMIT_MS, hostile.doing, hostile.request.files))
      else if (hostile.expect === 'second-fails') {
        expect(verdict.status).toBe('failed')
        expect(verdict.checks.map((check) => check.passed)).toEqual([true, false])
      } else expect(comparableVerdict(verdict)).toEqual(comparableVerdict(await run(HONEST_WRONG)))
      expect((await run(HONEST_RIGHT)).status).toBe('passed')
    })
  }
})
