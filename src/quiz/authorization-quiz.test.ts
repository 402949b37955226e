// The authorization quiz's facts, checked by running the lesson's own example and exercise apps.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exampleOutput, questionOf, readQuiz, runSteps } from './quiz-facts'
import { loadExercise } from '../course/exercise-files'
import { runInNode } from '../course/node-runtime'

const quiz = readQuiz('authorization-quiz')
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('the authorization quiz', () => {
  it('has at least 5 questions of at least 3 types, all for its lesson', () => {
    expect(quiz.lesson).toBe('authorization')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(5)
    expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  })

  it('predict-admin: its code is the example’s, and a stranger’s GET /admin is the stated redirect', async () => {
    const question = questionOf(quiz, 'predict-admin', 'predict')
    const app = squash(readFileSync('exercises/admin-check-in-handler/starter/app.ts', 'utf8'))
    for (const line of question.code
      .split('\n')
      .filter((text) => text.trim() && !text.includes('…')))
      expect(app).toContain(squash(line))
    expect(question.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /admin',
    ])
    const [line] = await runSteps(
      'admin-check-in-handler',
      `{ label: 'stranger', run: async (client) => {
          const response = await client.get('/admin')
          return response.status + ' to ' + response.location
        } }`,
    )
    expect(line).toBe('302 to /login?next=%2Fadmin')
    expect(question.answer).toBe(line?.split(' ')[0])
    expect(question.explanation).toContain(line)
  })

  it('stranger-code: the same app with no loginView answers a stranger with the stated status', async () => {
    const question = questionOf(quiz, 'stranger-code', 'text')
    const bundle = loadExercise('admin-check-in-handler')
    const app = bundle.starter['app.ts'] ?? ''
    const withView = "new LoginManager<User>({ loginView: '/login' })"
    expect(app).toContain(withView)
    const checks = `import { defineScenario } from 'signed-in/checks'
export default defineScenario([{ label: 'stranger', run: async (client) => String((await client.get('/admin')).status) }])\n`
    const verdict = await runInNode(
      { ...bundle, checks },
      {
        'app.ts': app.replace(withView, 'new LoginManager<User>()'),
      },
    )
    expect(verdict.output).toEqual(['401'])
    expect(question.accept).toEqual(verdict.output)
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
