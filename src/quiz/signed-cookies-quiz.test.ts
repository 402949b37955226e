// Lesson 2's quiz: its predicted statuses come from running the app it shows with hono/cookie.
import { Hono } from 'hono'
import { getSignedCookie, setSignedCookie } from 'hono/cookie'
import { describe, expect, it } from 'vitest'
import { gradeQuestion } from './grade'
import { expectLessonQuizStandard, loadQuiz } from './quiz-standard'

const { quiz, byId } = loadQuiz('quizzes/signed-cookies-and-the-secret.yaml')
const SECRET = '0d9c6a3f7e21b5c48a90f1e2d3c4b5a69788a7b6c5d4e3f2a1b0c9d8e7f6a5b4'

/** The app the predict questions show. */
function app() {
  const app = new Hono()
  app.post('/login', async (c) => {
    await setSignedCookie(c, 'user', 'ada', SECRET, { httpOnly: true, sameSite: 'Lax', path: '/' })
    return c.text('Signed in as ada')
  })
  app.get('/whoami', async (c) => {
    const user = await getSignedCookie(c, SECRET, 'user')
    if (user === undefined) return c.text('no signed cookie at all (undefined)', 401)
    if (user === false) return c.text('the signature does not match (false)', 401)
    return c.text(`You are ${user}`)
  })
  return app
}

describe('the signed-cookies quiz', () => {
  it('has at least 5 questions of at least 3 types, wrong options with feedback', () => {
    expectLessonQuizStandard(quiz, 'signed-cookies-and-the-secret')
  })

  it('the questions show the app this test runs', () => {
    for (const id of ['edited-cookie', 'no-signature']) {
      const code = byId(id, 'predict').code
      expect(code).toContain("const user = await getSignedCookie(c, SECRET, 'user')")
      expect(code).toContain(
        "if (user === false) return c.text('the signature does not match (false)', 401)",
      )
    }
  })

  it('edited-cookie: "admin" with ada’s signature is false, so 401', async () => {
    const server = app()
    const login = await server.request('/login', { method: 'POST' })
    const value = (login.headers.getSetCookie()[0] ?? '').split(';')[0]?.slice('user='.length) ?? ''
    expect(value).toMatch(/^ada\./)
    const edited = value.replace(/^ada/, 'admin')
    const response = await server.request('/whoami', { headers: { Cookie: `user=${edited}` } })
    expect(response.status).toBe(401)
    expect(await response.text()).toBe('the signature does not match (false)')
    expect(byId('edited-cookie', 'predict').answer).toBe(String(response.status))
    const real = await server.request('/whoami', { headers: { Cookie: `user=${value}` } })
    expect(await real.text()).toBe('You are ada')
  })

  it('no-signature: a bare value is no signed cookie, so undefined and 401', async () => {
    const response = await app().request('/whoami', { headers: { Cookie: 'user=admin' } })
    expect(response.status).toBe(401)
    expect(await response.text()).toBe('no signed cookie at all (undefined)')
    expect(byId('no-signature', 'predict').answer).toBe(String(response.status))
  })

  it('three-answers: false, and not null or undefined', async () => {
    const question = byId('three-answers', 'text')
    expect(gradeQuestion(question, 'false').correct).toBe(true)
    for (const wrong of ['null', 'undefined', 'true', 'an error'])
      expect(gradeQuestion(question, wrong).correct, wrong).toBe(false)
  })
})
