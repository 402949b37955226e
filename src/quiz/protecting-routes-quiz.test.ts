// Lesson 4's quiz: each predicted response comes from running the code the question shows, and
// each safeNext option from calling safeNext.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { LoginManager, loginRequired, safeNext, session, UserMixin } from '../login-manager'
import type { QuestionOfType } from '../schemas/quiz'
import { gradeQuestion } from './grade'
import { expectLessonQuizStandard, loadQuiz } from './quiz-standard'

const { quiz, byId } = loadQuiz('quizzes/protecting-routes.yaml')
const secret = '7726c6b9356b8a9665865a2b8969463abf5889e4de84ad5c3c0c8aa3c522c402'

class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
  ) {
    super()
  }
}

function appWith(manager: LoginManager<User>) {
  const users = new Map([['1', new User('1', 'Ada')]])
  manager.userLoader(async (id) => users.get(id) ?? null)
  const app = new Hono()
  app.use(session({ secret }), manager.middleware())
  app.get('/orders', loginRequired<User>(), (c) => c.text('Your orders'))
  app.get('/orders/:id', loginRequired<User>(), (c) => c.text(`Order ${c.req.param('id')}`))
  return app
}

async function last(app: Hono, question: QuestionOfType<'predict'>) {
  let response: Response | undefined
  for (const request of question.requests)
    response = await app.request(request.path, { method: request.method })
  if (!response) throw new Error('no requests')
  return response
}

describe('the protecting-routes quiz', () => {
  it('has at least 5 questions of at least 3 types, explained, wrong options with feedback', () => {
    expectLessonQuizStandard(quiz, 'protecting-routes')
  })

  it('no-login-view: a stranger gets 401 Unauthorized', async () => {
    const question = byId('no-login-view', 'predict')
    expect(question.code).toContain('new LoginManager<User>()')
    const response = await last(appWith(new LoginManager<User>()), question)
    expect(response.status).toBe(401)
    expect(await response.text()).toBe('Unauthorized')
    expect(question.answer).toBe(String(response.status))
  })

  it('next-location: the path and query, form-encoded, with a flash', async () => {
    const question = byId('next-location', 'predict')
    const response = await last(appWith(new LoginManager<User>({ loginView: '/login' })), question)
    expect(response.status).toBe(302)
    const location = response.headers.get('Location')
    const right = question.options.find((option) => option.id === question.answer)
    expect(right?.text).toBe(`\`${location}\``)
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session=')) ?? ''
    const payload = decodeURIComponent(cookie.slice('session='.length).split(';')[0] ?? '')
    const data = Buffer.from(payload.split('.')[0] ?? '', 'base64url').toString('utf8')
    expect(data).toContain('Please log in to access this page.')
  })

  it('handler-wins: unauthorizedHandler replaces the redirect', async () => {
    const question = byId('handler-wins', 'predict')
    const manager = new LoginManager<User>({ loginView: '/login' })
    manager.unauthorizedHandler((c) => c.json({ error: 'Log in first' }, 401))
    const response = await last(appWith(manager), question)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'Log in first' })
    expect(response.headers.getSetCookie()).toEqual([])
    expect(question.answer).toBe('401')
  })

  it('refused-targets: the right options are exactly the ones safeNext refuses', () => {
    const question = byId('refused-targets', 'multiple')
    for (const option of question.options) {
      const target = /`([^`]+)`/.exec(option.text)?.[1] ?? ''
      const refused = safeNext(target, '/orders') === '/orders' && target !== '/orders'
      expect(question.answers.includes(option.id), target).toBe(refused)
    }
  })

  it('safe-next-name: safeNext is right, and the other helpers are wrong', () => {
    const question = byId('safe-next-name', 'text')
    expect(gradeQuestion(question, 'safeNext').correct).toBe(true)
    for (const wrong of ['loginUrl', 'makeNextParam', 'encodeURIComponent'])
      expect(gradeQuestion(question, wrong).correct, wrong).toBe(false)
  })

  it('safe-next-name: its code, with the blank filled, runs and calls safeNext as it is defined', () => {
    const question = byId('safe-next-name', 'text')
    const call = /c\.redirect\((____\(.*\))\)\s*$/m.exec(question.prompt)?.[1]
    expect(call).toBeTruthy()
    const redirectFor = (next: string) =>
      new Function('safeNext', 'form', `return ${call?.replace('____', 'safeNext')}`)(safeNext, {
        next,
      }) as string
    expect(redirectFor('/orders?status=open')).toBe('/orders?status=open')
    expect(redirectFor('//evil.test')).toBe('/orders')
  })
})
