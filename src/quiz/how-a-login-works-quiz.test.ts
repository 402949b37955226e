// Lesson 1's quiz: its predict questions are answered by running the code they show against the
// real login manager, and its other facts are checked against the library.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { checkPasswordHash, getSession, session } from '../login-manager'
import type { QuestionOfType } from '../schemas/quiz'
import { gradeQuestion } from './grade'
import { expectLessonQuizStandard, loadQuiz } from './quiz-standard'

const { quiz, byId } = loadQuiz('quizzes/how-a-login-works.yaml')
const secret = '81985f146d9ab74afc3cd46725f14fa92a8d4a72f29c83cc42452d80b7373657'
// "analytical-engine", with few rounds so the test is quick.
const adaHash =
  'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e'

/** The lesson's app; `awaitCheck: false` leaves out the `await` the predict question leaves out. */
function lessonApp({ awaitCheck = true } = {}) {
  const passwordHashes = new Map([['ada', adaHash]])
  const app = new Hono()
  app.use(session({ secret }))
  app.post('/login', async (c) => {
    const form = await c.req.parseBody()
    const username = String(form['username'] ?? '')
    const password = String(form['password'] ?? '')
    const hash = passwordHashes.get(username)
    const matches = awaitCheck
      ? hash && (await checkPasswordHash(hash, password))
      : hash && checkPasswordHash(hash, password) // the quiz's bug, on purpose: a Promise
    if (!matches) return c.text('Wrong username or password', 401)
    getSession(c).set('username', username)
    return c.text(`Logged in as ${username}`)
  })
  app.get('/dashboard', (c) => {
    const username = getSession(c).get<string>('username')
    if (!username) return c.text('Please log in first', 401)
    return c.text(`Welcome to your dashboard, ${username}!`)
  })
  return app
}

/** Send a predict question's requests in order, carrying cookies like a browser. */
async function send(app: Hono, question: QuestionOfType<'predict'>) {
  let cookie = ''
  let last: Response | undefined
  for (const request of question.requests) {
    last = await app.request(request.path, {
      method: request.method,
      headers: {
        ...(request.body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
      },
      ...(request.body ? { body: request.body } : {}),
    })
    const set = last.headers.getSetCookie().map((header) => header.split(';')[0] ?? '')
    if (set.length) cookie = set.join('; ')
  }
  if (!last) throw new Error('no requests')
  return last
}

describe('the how-a-login-works quiz', () => {
  it('has at least 5 questions of at least 3 types, all explained, wrong options with feedback', () => {
    expectLessonQuizStandard(quiz, 'how-a-login-works')
  })

  it('missing-await: a wrong password gets in when the check is not awaited', async () => {
    const question = byId('missing-await', 'predict')
    expect(question.code).toContain('!checkPasswordHash(hash, password)')
    expect(question.code).not.toContain('await checkPasswordHash')
    const response = await send(lessonApp({ awaitCheck: false }), question)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('Logged in as ada')
    expect(question.answer).toBe(String(response.status))
    // …and with the await, the same request is refused, as the 401 option's feedback implies.
    expect((await send(lessonApp(), question)).status).toBe(401)
  })

  it('read-only-request: reading the session sets no cookie', async () => {
    const question = byId('read-only-request', 'predict')
    const response = await send(lessonApp(), question)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('Welcome to your dashboard, ada!')
    expect(response.headers.getSetCookie()).toEqual([])
    expect(question.answer).toBe('none')
  })

  it('session-write: set is right, and the other Map verbs are wrong', () => {
    const question = byId('session-write', 'text')
    expect(gradeQuestion(question, 'set').correct).toBe(true)
    for (const wrong of ['get', 'delete', 'has', 'clear', 'add']) {
      expect(gradeQuestion(question, wrong).correct, wrong).toBe(false)
    }
  })

  it('signature-guarantees: a cookie edited without the secret reads as an empty session', async () => {
    const app = lessonApp()
    const login = await app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=ada&password=analytical-engine',
    })
    const value = (login.headers.getSetCookie()[0] ?? '').split(';')[0]?.slice('session='.length)
    const [payload = '', ...signed] = decodeURIComponent(value ?? '').split('.')
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object
    expect(data).toMatchObject({ username: 'ada' }) // readable by anyone: not hidden
    const forged = [
      Buffer.from(JSON.stringify({ ...data, username: 'admin' })).toString('base64url'),
      ...signed,
    ].join('.')
    const replay = await app.request('/dashboard', { headers: { Cookie: `session=${value}` } })
    expect(replay.status).toBe(200) // a copy keeps working: no replay protection
    const edited = await app.request('/dashboard', { headers: { Cookie: `session=${forged}` } })
    expect(edited.status).toBe(401)
    expect(byId('signature-guarantees', 'multiple').answers.sort()).toEqual([
      'no-edit',
      'server-made',
    ])
  })
})
