// The password reset quiz and lesson: the facts they state, checked against the lesson's own apps.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadExercise } from '../course/exercise-files'
import { runInNode } from '../course/node-runtime'
import { exampleOutput, questionOf, readQuiz } from './quiz-facts'
import { expectLessonQuizStandard } from './quiz-standard'

const quiz = readQuiz('password-reset-quiz')
const lesson = readFileSync('lessons/password-reset.mdx', 'utf8')
const resetApp = readFileSync('exercises/reset-password-flow/solution/app.ts', 'utf8')

describe('the password reset quiz', () => {
  it('meets the lesson quiz standard, with at least 6 questions', () => {
    expectLessonQuizStandard(quiz, 'password-reset')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(6)
  })

  it('reset-order: the steps are in the order the exercise’s POST /reset/:token takes them', () => {
    const question = questionOf(quiz, 'reset-order', 'order')
    const route = resetApp.slice(resetApp.indexOf("app.post('/reset/:token'"))
    const marks: Record<string, string> = {
      hash: 'await sha256Hex(',
      find: 'linkIsValid(key)',
      password: 'generatePasswordHash(',
      delete: 'DELETE FROM reset_tokens WHERE token_key = ? AND expires_at > ? RETURNING user_id',
      save: 'UPDATE users SET password_hash = ?, session_version = session_version + 1',
      redirect: "c.redirect('/login",
    }
    const positions = question.steps.map((step) => route.indexOf(marks[step.id] ?? '\0'))
    expect(positions.every((position) => position > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('hostile-host: the debug mission’s starter, which uses c.req.url, mails a link to evil.test', async () => {
    const bundle = loadExercise('reset-link-astray')
    expect(bundle.starter['app.ts']).toContain('new URL(c.req.url).origin')
    const checks = `import { defineScenario } from 'signed-in/checks'
      export default defineScenario([{ label: 'evil host', run: async (client) => {
        await client.at('http://evil.test').postForm('/forgot', { email: 'grace@example.com' }, { headers: { Host: 'evil.test' } })
        await client.postForm('/dev/run-queue', {})
        const mails = JSON.parse((await client.get('/dev/outbox')).body)
        return /https?:\\/\\/[^/\\s]+/.exec(mails.at(-1).text)[0]
      } }], { env: { APP_URL: 'https://app.test' } })`
    const verdict = await runInNode(
      { ...bundle, meta: { ...bundle.meta, kind: 'example' }, checks },
      {},
    )
    expect(verdict.output).toEqual(['http://evil.test'])
    expect(questionOf(quiz, 'hostile-host', 'single').answer).toBe('evil-link')
  })

  it('referrer-value: the exercise sends the accepted value', () => {
    const question = questionOf(quiz, 'referrer-value', 'text')
    expect(resetApp).toContain(`c.header('Referrer-Policy', '${question.accept[0]}')`)
  })
})

describe('the password reset lesson', () => {
  it('quotes every line the example prints, as it prints it', async () => {
    const lines = await exampleOutput('reset-tokens-up-close')
    expect(lines).toEqual([
      'token: 43 characters, base64url; key stored: 64 hex digits',
      'token in the table: false, its SHA-256 in the table: true',
      'the link of user 1, valid for 60 more minutes',
      'no such link',
      '200 different tokens out of 200',
    ])
    for (const line of lines) expect(lesson).toContain(`\`${line}\``)
  })

  it('shows the exercise’s own code where it quotes it', () => {
    for (const excerpt of [
      "c.header('Referrer-Policy', 'no-referrer')",
      'enqueue(() => sendResetLink(email))',
    ]) {
      expect(resetApp).toContain(excerpt)
      expect(lesson).toContain(excerpt)
    }
    // The SQL the lesson shows in its own blocks, line breaks aside, is the exercise's.
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
    const sqlBlocks = [...lesson.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) =>
      squash((m[1] ?? '').replace(/--[^\n]*/g, '')),
    )
    for (const sql of [
      'SELECT user_id FROM reset_tokens WHERE token_key = ? AND expires_at > ?',
      'DELETE FROM reset_tokens WHERE token_key = ? AND expires_at > ? RETURNING user_id',
      'UPDATE users SET password_hash = ?, session_version = session_version + 1 WHERE id = ?',
    ]) {
      expect(resetApp).toContain(`'${sql}'`)
      expect(sqlBlocks).toContain(sql)
    }
    // The table the lesson shows is the one the exercise's seed makes.
    const seed = squash(
      readFileSync('exercises/reset-password-flow/seed.sql', 'utf8').replace(/--[^\n]*/g, ''),
    )
    const table = sqlBlocks.find((sql) => sql.startsWith('CREATE TABLE reset_tokens'))
    expect(table).toBeDefined()
    expect(seed).toContain(table)
  })
})
