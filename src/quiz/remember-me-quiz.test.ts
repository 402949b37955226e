// The remember-me quiz and lesson: the facts they state, checked by running the lesson's own apps.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exampleOutput, questionOf, readQuiz, runSteps } from './quiz-facts'

const quiz = readQuiz('remember-me-quiz')
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('the remember-me quiz', () => {
  it('has at least 5 questions of at least 3 types, all for its lesson', () => {
    expect(quiz.lesson).toBe('remember-me-and-fresh-logins')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(5)
    expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  })

  it('predict-fresh: its code is the example’s, and the remembered login is sent to refreshView', async () => {
    const question = questionOf(quiz, 'predict-fresh', 'predict')
    const app = squash(readFileSync('exercises/remember-me-restore/starter/app.ts', 'utf8'))
    for (const part of question.code.split('\n\n')) expect(app).toContain(squash(part))
    const [location] = await runSteps(
      'remember-me-restore',
      `{ label: 'closed browser', run: async (client) => {
          await client.postForm('/login', { username: 'ada', password: 'analytical-engine', remember: 'on' })
          client.deleteCookie('session')
          return String((await client.get('/settings/password')).location)
        } }`,
    )
    const right = question.options.find((option) => option.id === question.answer)
    expect(right?.text).toBe(`\`${location}\``)
  })

  it('who-signed-out: exactly the browsers the exercise’s solution signs out are the answers', async () => {
    const question = questionOf(quiz, 'who-signed-out', 'multiple')
    const [line = ''] = await runSteps(
      'sign-out-everywhere',
      `{ label: 'password change', run: async (client) => {
          const grace = { username: 'grace', password: 'compiler-first' }
          const status = async (cookies) => {
            for (const name of Object.keys(client.cookies())) client.deleteCookie(name)
            for (const [name, value] of Object.entries(cookies)) client.setCookie(name, value)
            return (await client.get('/settings')).status
          }
          await client.postForm('/login', grace)
          const phone = client.cookies()
          for (const name of Object.keys(client.cookies())) client.deleteCookie(name)
          await client.postForm('/login', { ...grace, remember: 'on' })
          const closed = { remember_token: client.cookie('remember_token') }
          const thief = { ...closed }
          for (const name of Object.keys(client.cookies())) client.deleteCookie(name)
          await client.postForm('/login', grace)
          await client.postForm('/account/password', { current: grace.password, new: 'harvard-mark-i' })
          const laptop = client.cookies()
          return JSON.stringify({
            phone: await status(phone), closed: await status(closed), thief: await status(thief),
            laptop: await status(laptop), oldVersionInRemember: decodeURIComponent(closed.remember_token).startsWith('2:1|'),
          })
        } }`,
    )
    const result = JSON.parse(line) as Record<string, number | boolean>
    expect(result).toEqual({
      phone: 302,
      closed: 302,
      thief: 302,
      laptop: 200,
      oldVersionInRemember: true,
    })
    const anonymous = ['phone', 'closed', 'thief', 'laptop'].filter((id) => result[id] === 302)
    expect([...question.answers].sort()).toEqual(anonymous.sort())
  })
})

describe('the remember-me lesson', () => {
  it('explains the lines its example really prints', async () => {
    const lesson = readFileSync('lessons/remember-me-and-fresh-logins.mdx', 'utf8')
    const lines = await exampleOutput('remember-me-restore')
    expect(lines).toEqual([
      'remember_token (expires in 365 days), session (no expiry: it ends when the browser closes)',
      '200 Ada, fresh: false',
      '302 to /reauthenticate?next=%2Fsettings%2Fpassword',
      '200 Choose a new password',
    ])
    for (const line of lines) expect(lesson).toContain(`\`${line}\``)
  })

  it('shows the exercise’s loader and getId as the exercise has them', () => {
    const lesson = squash(readFileSync('lessons/remember-me-and-fresh-logins.mdx', 'utf8'))
    const app = squash(readFileSync('exercises/sign-out-everywhere/solution/app.ts', 'utf8'))
    const users = squash(readFileSync('exercises/sign-out-everywhere/starter/users.ts', 'utf8'))
    const loader = /loginManager\.userLoader\(async \(token\) => \{.*?\}\)/.exec(app)?.[0]
    expect(loader).toBeTruthy()
    expect(lesson).toContain(loader)
    expect(users).toContain(
      'override getId(): string { return `${this.id}:${this.passwordVersion}` }',
    )
    expect(lesson).toContain(
      'override getId(): string { return `${this.id}:${this.passwordVersion}` }',
    )
  })
})
