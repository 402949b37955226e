// The authorization quiz's facts, checked by running the lesson's own example and exercise apps.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exampleOutput, questionOf, readQuiz, runSteps } from './quiz-facts'

const quiz = readQuiz('authorization-quiz')
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('the authorization quiz', () => {
  it('has at least 5 questions of at least 3 types, all for its lesson', () => {
    expect(quiz.lesson).toBe('authorization')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(5)
    expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  })

  it('predict-admin: its code is the example’s handler, and Grace’s GET /admin is a 403', async () => {
    const question = questionOf(quiz, 'predict-admin', 'predict')
    const app = readFileSync('exercises/admin-check-in-handler/starter/app.ts', 'utf8')
    expect(squash(app)).toContain(squash(question.code))
    expect(question.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /login',
      'GET /admin',
    ])
    const [status] = await runSteps(
      'admin-check-in-handler',
      `{ label: 'Grace', run: async (client) => {
          await client.postForm('/login', { username: 'grace', password: 'compiler-first' })
          return String((await client.get('/admin')).status)
        } }`,
    )
    expect(question.answer).toBe(status)
    expect(question.explanation).toContain('403 Forbidden: Grace is not an admin.')
  })

  it('which-refused: exactly the options answered 403 by the exercise’s solution are right', async () => {
    const question = questionOf(quiz, 'which-refused', 'multiple')
    const grace = `await client.postForm('/login', { username: 'grace', password: 'compiler-first' })`
    const ada = `await client.postForm('/login', { username: 'ada', password: 'analytical-engine' })`
    const requests: Record<string, string> = {
      'grace-admin': `${grace}; return String((await client.get('/admin')).status)`,
      'grace-query': `${grace}; return String((await client.get('/admin?role=admin')).status)`,
      'grace-post': `${grace}; return String((await client.postForm('/admin/role', { name: 'Grace', role: 'admin' })).status)`,
      stranger: `return String((await client.get('/admin')).status)`,
      ada: `${ada}; return String((await client.get('/admin')).status)`,
      administrator: `${grace}; return String((await client.get('/administrator')).status)`,
    }
    expect(Object.keys(requests).sort()).toEqual(question.options.map((option) => option.id).sort())
    const lines = await runSteps(
      'admin-only-area',
      Object.entries(requests)
        .map(
          ([id, body]) =>
            // A fresh jar for each request, as if a new browser asked.
            `{ label: '${id}', run: async (client) => { for (const name of Object.keys(client.cookies())) client.deleteCookie(name); ${body} } }`,
        )
        .join(','),
    )
    const statuses = Object.fromEntries(Object.keys(requests).map((id, i) => [id, lines[i]]))
    expect(statuses).toEqual({
      'grace-admin': '403',
      'grace-query': '403',
      'grace-post': '403',
      stranger: '302',
      ada: '200',
      administrator: '404',
    })
    const refused = Object.keys(statuses).filter((id) => statuses[id] === '403')
    expect([...question.answers].sort()).toEqual(refused.sort())
  })
})

describe('the authorization lesson', () => {
  it('explains the lines its example really prints', async () => {
    const lesson = readFileSync('lessons/authorization.mdx', 'utf8')
    const lines = await exampleOutput('admin-check-in-handler')
    expect(lines).toEqual([
      '302 to /login?next=%2Fadmin',
      '403 Forbidden: Grace is not an admin.',
      '200 Admin area. Accounts: Ada (admin), Grace (member)',
    ])
    for (const line of lines) expect(lesson).toContain(`\`${line}\``)
  })
})
