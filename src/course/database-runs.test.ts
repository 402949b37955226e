import { describe, expect, it } from 'vitest'
import { DATABASE_PROBE } from '../../tests/database/database-probe'
import { gradeInNode } from './node-runtime'

// signed-in/db graded for real in the Node runtime: the checks here, the app in a worker thread.
describe('SQLite in the Node runtime', () => {
  it('opens app.db from the seed, and a restart keeps the file', async () => {
    const verdict = await gradeInNode(DATABASE_PROBE)
    expect(verdict.checks.map((check) => [check.name, check.passed, check.message])).toEqual([
      ['seed and migrations', true, undefined],
      ['a restart keeps the file', true, undefined],
    ])
  })

  it('starts every run from the seed again', async () => {
    const first = await gradeInNode(DATABASE_PROBE)
    const second = await gradeInNode(DATABASE_PROBE)
    expect([first.status, second.status]).toEqual(['passed', 'passed'])
  })

  it('says the seed is the course’s bug when it fails', async () => {
    const verdict = await gradeInNode({ ...DATABASE_PROBE, seed: 'CREAT TABLE users (id)' })
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(
      /^The database could not be opened, which is a bug in the course: The exercise's seed data \(seed.sql\) failed: .*syntax error/,
    )
  })

  it('loads no SQLite for code that does not import it', async () => {
    const verdict = await gradeInNode({
      ...DATABASE_PROBE,
      files: { 'app.ts': "import { Hono } from 'hono'\nexport default new Hono()" },
      seed: 'CREAT TABLE never (run)',
    })
    // The seed is never run, so its error never shows: the checks fail on the missing routes.
    expect(verdict.status).toBe('failed')
  })
})
