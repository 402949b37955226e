// Lesson 8's quiz: its shape, and every output it predicts, produced by running the real login
// manager on the apps its questions show.
import { Hono } from 'hono'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  checkPasswordHash,
  describeAuth,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  UserMixin,
} from '../login-manager'
import { client } from '../login-manager/test-app'
import { parseQuizFile, type QuestionOfType, type QuestionType } from '../schemas/quiz'
import { gradeQuestion } from './grade'
import { expectQuizStandard } from './quiz-facts'

const quiz = parseQuizFile(
  'quizzes/debugging-current-user.yaml',
  readFileSync('quizzes/debugging-current-user.yaml', 'utf8'),
)

function byId<T extends QuestionType>(id: string, type: T): QuestionOfType<T> {
  const question = quiz.questions.find((candidate) => candidate.id === id)
  if (question?.type !== type) throw new Error(`no ${type} question "${id}"`)
  return question as QuestionOfType<T>
}

/** An option's text without the backticks around it. */
function optionText(question: QuestionOfType<'single'>, id: string): string {
  const text = question.options.find((option) => option.id === id)?.text ?? ''
  return text.replace(/^`|`$/g, '')
}

const SECRET = '5b0e4c29d1a8f3e67c12ab94d0f8e3a1c6b72d59e0a4f81b3c7d26e9a05f4b18'
// Ada's password is "notes-on-the-engine" (1,000 rounds, for speed).
const ADA_HASH =
  'pbkdf2:sha256:1000$s5uUZQ4FaWzkQaxD$127b892cfdf29a04e16bba7cc02f585dc7bf2523e5a7c3ff142e6f7667741290'

class User extends UserMixin {
  constructor(
    public override id: number,
    public name: string,
    public passwordHash: string,
  ) {
    super()
  }
}
const users = [new User(1, 'Ada Lovelace', ADA_HASH)]

/**
 * The questions' app: a login route, a guarded dashboard and the debug route, with the loader
 * given (or none, as `predict-no-loader` has it).
 */
function appWith(loader?: (id: string) => Promise<unknown>) {
  const loginManager = new LoginManager<User>({ loginView: '/login' })
  if (loader) loginManager.userLoader(loader as (id: string) => Promise<User | null>)
  const app = new Hono()
  app.use(session({ secret: SECRET }), loginManager.middleware())
  app.post('/login', async (c) => {
    const form = await c.req.parseBody()
    const user = users.find((candidate) => candidate.name === form['name'])
    if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'])))) {
      return c.text('Wrong name or password', 401)
    }
    await loginUser(c, user)
    return c.redirect('/dashboard')
  })
  app.get('/dashboard', loginRequired(), (c) => c.text('Welcome back'))
  app.get('/debug/auth', async (c) => c.json(await describeAuth(c)))
  return app
}

/** Log Ada in with a browser that keeps cookies, and return that browser. */
async function loggedIn(app: Hono) {
  const browser = client(app)
  const login = await browser.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ name: 'Ada Lovelace', password: 'notes-on-the-engine' }),
  })
  expect(login.status).toBe(302)
  return browser
}

// The question's loader, as written: a string id compared with numeric ids.
const numberComparingLoader = async (id: string) =>
  users.find((user) => (user.id as unknown) === id) ?? null

describe('the debugging quiz', () => {
  it('has at least 5 questions of at least 3 types, wrong options with feedback', () => {
    expect(quiz.lesson).toBe('debugging-current-user')
    expectQuizStandard(quiz, 5)
  })

  it('predict-debug-output: the report is what the debug route prints for that loader', async () => {
    const question = byId('predict-debug-output', 'single')
    const browser = await loggedIn(appWith(numberComparingLoader))
    const printed = await (await browser.get('/debug/auth')).text()
    expect(optionText(question, question.answer)).toBe(printed)
    // The healthy option is what a loader comparing strings prints.
    const healthy = await loggedIn(
      appWith(async (id) => users.find((user) => user.getId() === id) ?? null),
    )
    expect(optionText(question, 'healthy')).toBe(await (await healthy.get('/debug/auth')).text())
    // The empty option is a browser that never logged in.
    const stranger = client(appWith(numberComparingLoader))
    expect(optionText(question, 'empty')).toBe(await (await stranger.get('/debug/auth')).text())
  })

  it('predict-no-loader: without a loader, a stranger at /dashboard gets 500', async () => {
    const question = byId('predict-no-loader', 'predict')
    const response = await appWith().request('/dashboard')
    expect(question.answer).toBe(String(response.status))
    expect(response.status).toBe(500)
  })

  it('read-type-error: a loader returning a row makes every loading request a 500', async () => {
    const question = byId('read-type-error', 'single')
    const rowLoader = async (id: string) => {
      const user = users.find((candidate) => candidate.getId() === id)
      return user ? { id: String(user.id), name: user.name } : null
    }
    const errors: string[] = []
    const app = appWith(rowLoader)
    app.onError((error, c) => {
      errors.push(`${error.name}: ${error.message}`)
      return c.text('Internal Server Error', 500)
    })
    const browser = await loggedIn(app)
    for (const path of ['/dashboard', '/debug/auth']) {
      expect((await browser.get(path)).status).toBe(500)
    }
    expect(question.prompt).toContain(errors[0])
    expect(question.answer).toBe('row')
    // A stranger is not affected: no user, no method call.
    expect((await appWith(rowLoader).request('/dashboard')).status).toBe(302)
  })

  it('order-lost-login: the id is stored, comes back, and the redirect names the dashboard', async () => {
    const question = byId('order-lost-login', 'order')
    const received: string[] = []
    const app = appWith(async (id) => {
      received.push(id)
      return numberComparingLoader(id)
    })
    const browser = await loggedIn(app)
    expect(received).toEqual([]) // the login route never asks the loader
    const response = await browser.get('/dashboard')
    expect(received).toEqual(['1'])
    const location = response.headers.get('Location') ?? ''
    expect(question.steps.at(-1)?.text).toContain(location)
    expect(
      gradeQuestion(
        question,
        question.steps.map((step) => step.id),
      ).correct,
    ).toBe(true)
  })

  it('register-loader: the accepted answer is the method that makes the 500 go away', async () => {
    const question = byId('register-loader', 'text')
    expect(question.accept[0]).toBe('loginManager.userLoader')
    expect(gradeQuestion(question, 'loginManager.userLoader').correct).toBe(true)
    expect(gradeQuestion(question, 'userLoader').correct).toBe(false)
    expect(gradeQuestion(question, 'loginManager.userLoader(loadUser)').correct).toBe(true)
    const response = await appWith(
      async (id) => users.find((u) => u.getId() === id) ?? null,
    ).request('/dashboard')
    expect(response.status).toBe(302)
  })
})
