// Lesson 8 quotes the debug route's report line by line: each quoted line must be what the
// example really prints, so a change to describeAuth or to the example cannot leave the text stale.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { loadExercise } from '../../src/course/exercise-files'
import { runInNode } from '../../src/course/node-runtime'

it('the lines lesson 8 quotes are the ones the debug-route example prints', async () => {
  const bundle = loadExercise('debug-route')
  const verdict = await runInNode(bundle, bundle.starter)
  expect(verdict.status).toBe('passed')
  const printed = verdict.output ?? []
  expect(printed).toHaveLength(2)
  const lesson = readFileSync('lessons/debugging-current-user.mdx', 'utf8')
  const quoted = [...lesson.matchAll(/```text\n(\{.*\})\n```/g)].map((match) => match[1])
  // The stranger's report, then Ada's, in the order the example prints them.
  expect(quoted.slice(0, 2)).toEqual(printed)
})
