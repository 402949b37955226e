// The practice quiz's data: coverage, authoring quality, and the facts its predict and order
// questions state, checked against the real login manager rather than taken on trust.
import { Hono } from 'hono'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import {
  checkPasswordHash,
  generatePasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  UserMixin,
} from '../login-manager'
import { parseQuizFile, type QuestionOfType, type QuestionType } from '../schemas/quiz'
import { gradeQuestion } from './grade'
import { presentQuiz } from './present'

const quiz = parseQuizFile(
  'quizzes/login-manager-practice.yaml',
  readFileSync('quizzes/login-manager-practice.yaml', 'utf8'),
)

function byId<T extends QuestionType>(id: string, type: T): QuestionOfType<T> {
  const question = quiz.questions.find((candidate) => candidate.id === id)
  if (question?.type !== type) throw new Error(`no ${type} question "${id}"`)
  return question as QuestionOfType<T>
}

/** The id of the option whose text contains `text`. */
function optionWith(question: QuestionOfType<'predict'>, text: string): string {
  const option = question.options.find((candidate) => candidate.text.includes(text))
  if (!option) throw new Error(`no option of "${question.id}" says ${text}`)
  return option.id
}

describe('the practice quiz', () => {
  it('has at least 10 questions, four or more of the newer types, and every type', () => {
    expect(quiz.lesson).toBe('the-login-manager')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(10)
    const types = quiz.questions.map((question) => question.type)
    expect(
      types.filter((type) => ['predict', 'order', 'multiple'].includes(type)).length,
    ).toBeGreaterThanOrEqual(4)
    expect(new Set(types)).toEqual(new Set(['single', 'multiple', 'text', 'predict', 'order']))
  })

  it('covers every topic of the source lesson’s practice quiz', () => {
    // The ten topics the issue lists, each with the questions that ask about it.
    const topics: Record<string, string[]> = {
      'what the login manager manages': ['what-it-manages'],
      'which function logs a user in': ['log-in-call'],
      'which middleware blocks anonymous visitors': ['guard-middleware', 'predict-redirect'],
      'how to read the current user': ['read-current-user'],
      'what UserMixin provides': ['usermixin-provides'],
      'what the user loader does': ['user-loader-job'],
      'which function ends the session': ['end-session'],
      'what the cookie stores': ['cookie-contents'],
      'how passwords are verified': ['verify-password'],
      'authentication versus authorization': ['authn-vs-authz'],
    }
    const ids = new Set(quiz.questions.map((question) => question.id))
    for (const [topic, questionIds] of Object.entries(topics)) {
      expect(
        questionIds.filter((id) => ids.has(id)),
        topic,
      ).toEqual(questionIds)
    }
  })

  it('leaves the pass mark and the question count to the page, which derives them', () => {
    // A description that says "you pass at 80%" goes stale when passThreshold changes.
    expect(quiz.description ?? '').not.toMatch(/\d|%|pass/i)
  })

  it('gives every wrong option feedback, and every multiple-select option', () => {
    for (const question of quiz.questions) {
      if (question.type === 'text' || question.type === 'order') continue
      const right: string[] = question.type === 'multiple' ? question.answers : [question.answer]
      for (const option of question.options) {
        if (question.type === 'multiple' || !right.includes(option.id)) {
          expect(option.feedback, `${question.id}: ${option.id}`).toBeTruthy()
        }
      }
    }
  })

  it('does not always put the right option in the same place on the first attempt', () => {
    const positions = quiz.questions.flatMap((question) =>
      question.type === 'single' || question.type === 'predict'
        ? [question.options.findIndex((option) => option.id === question.answer)]
        : [],
    )
    expect(new Set(positions).size).toBeGreaterThanOrEqual(3)
  })

  it('grades the forms the lesson teaches right, and the bare function wrong', () => {
    const question = byId('read-current-user', 'text')
    for (const answer of [
      ...question.accept,
      'currentUser(c)',
      'await currentUser(c);',
      'await currentUser( c )',
      'c.var.currentUser',
      "c.get('currentUser')",
    ]) {
      expect(gradeQuestion(question, answer).correct, answer).toBe(true)
    }
    for (const answer of [
      'currentUser',
      'await currentUser',
      'currentUser()',
      'user',
      'c.user',
      'getSession(c)',
      'currentUser(user)',
      'c.get',
    ]) {
      expect(gradeQuestion(question, answer).correct, answer).toBe(false)
    }
  })

  it('read-current-user: its code type-checks with every accepted answer, and not with the bare function', () => {
    const question = byId('read-current-user', 'text')
    const code = /```ts\n([\s\S]*?)```/.exec(question.prompt)?.[1]
    expect(code).toContain('____')
    // The grader ignores a leading `await`, so each answer is checked in its awaited form.
    const awaited = (answer: string) => `await ${answer.replace(/^await /, '')}`
    const errors = typeErrorsOfPrompt(code!, [
      ...question.accept.map(awaited),
      'currentUser',
      awaited('currentUser'),
    ])
    for (const answer of question.accept) expect(errors[awaited(answer)], answer).toEqual([])
    expect(errors['currentUser']?.join()).toMatch(/getId/)
    expect(errors['await currentUser']?.join()).toMatch(/getId/)
  })

  it('agrees with the lesson about who is an admin: Ada is, so the refused user is someone else', () => {
    const lesson = readFileSync('lessons/the-login-manager.mdx', 'utf8')
    expect(lesson).toMatch(/'Ada Lovelace',\s*'admin'/)
    const question = byId('authn-vs-authz', 'single')
    expect(question.prompt).toMatch(/Ada is the admin/)
    expect(question.prompt).not.toMatch(/Ada is logged in, but she is not an admin/)
  })

  it('never presents its order question already solved', () => {
    const question = byId('login-flow-order', 'order')
    const solved = question.steps.map((step) => step.id)
    for (let attempt = 0; attempt < 30; attempt++) {
      const shown = presentQuiz(quiz, { seed: 'login-manager-practice', attempt }).steps[
        question.id
      ]
      expect(shown).not.toEqual(solved)
    }
  })
})

/**
 * Type-check the prompt's code with the blank (`____`) filled by each answer, against the real
 * login manager and Hono, with the project's compiler options. Returns the errors by answer.
 */
function typeErrorsOfPrompt(code: string, answers: string[]): Record<string, string[]> {
  const root = resolve(import.meta.dirname, '../..')
  const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), (path) => ts.sys.readFile(path))
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root)
  const files = new Map(
    answers.map((answer, index) => [
      resolve(import.meta.dirname, `read-current-user-${index}.ts`),
      [
        "import { Hono } from 'hono'",
        "import { currentUser, loginRequired, UserMixin } from '../login-manager'",
        'class User extends UserMixin {',
        '  constructor(public override id: string, public name: string) {',
        '    super()',
        '  }',
        '}',
        'const app = new Hono()',
        code.replace('____', answer),
        'export { app, currentUser, User }',
      ].join('\n'),
    ]),
  )
  const host = ts.createCompilerHost({ ...options, noEmit: true })
  const { getSourceFile, fileExists, readFile } = host
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name)
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name)
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(name)
    return text === undefined
      ? getSourceFile.call(host, name, language, ...rest)
      : ts.createSourceFile(name, text, language)
  }
  const program = ts.createProgram([...files.keys()], { ...options, noEmit: true }, host)
  return Object.fromEntries(
    [...files.keys()].map((name, index) => [
      answers[index]!,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(name))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  )
}

// The facts, from the library the course teaches.
class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public passwordHash: string,
  ) {
    super()
  }
}

async function appWith(loginView?: string) {
  const ada = new User('1', 'ada', await generatePasswordHash('analytical-engine'))
  const manager = new LoginManager<User>(loginView === undefined ? {} : { loginView })
  manager.userLoader(async (id) => (id === ada.id ? ada : null))
  const app = new Hono()
  app.use(session({ secret: 'a-test-secret-that-is-long-enough-for-no-warning' }))
  app.use(manager.middleware())
  app.get('/dashboard', loginRequired(), (c) => c.text('Welcome back'))
  app.get('/account', loginRequired(), (c) => c.text(`Tab: ${c.req.query('tab')}`))
  app.post('/login', async (c) => {
    const form = await c.req.parseBody()
    const user = form['username'] === ada.name ? ada : null
    if (!user || !(await checkPasswordHash(user.passwordHash, String(form['password'])))) {
      return c.text('Wrong username or password', 401)
    }
    await loginUser(c, user, { remember: form['remember'] === 'on' })
    return c.redirect('/dashboard')
  })
  return app
}

describe('the practice quiz states what the login manager does', () => {
  it('predict-redirect: an anonymous GET /dashboard with a loginView is a 302', async () => {
    const question = byId('predict-redirect', 'predict')
    const response = await (await appWith('/login')).request('/dashboard')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?next=%2Fdashboard')
    expect(question.answer).toBe(String(response.status))
    expect(question.explanation).toContain(response.headers.get('Location'))
    // The 401 option's feedback says that is the answer without a loginView.
    expect((await (await appWith()).request('/dashboard')).status).toBe(401)
  })

  it('predict-next-location: the query is kept and form-encoded in next', async () => {
    const question = byId('predict-next-location', 'predict')
    const response = await (await appWith('/login')).request('/account?tab=security')
    const location = response.headers.get('Location') ?? 'none'
    expect(location).toBe('/login?next=%2Faccount%3Ftab%3Dsecurity')
    expect(question.answer).toBe(optionWith(question, `\`${location}\``))
  })

  it('predict-remember: a remembered login sets session and remember_token', async () => {
    const question = byId('predict-remember', 'predict')
    const request = question.requests.at(-1)!
    const response = await (
      await appWith('/login')
    ).request(request.path, {
      method: request.method,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: request.body ?? '',
    })
    expect(response.status).toBe(302)
    const names = response.headers.getSetCookie().map((cookie) => cookie.split('=')[0])
    expect(names.sort()).toEqual(['remember_token', 'session'])
    expect(question.answer).toBe(optionWith(question, '`session` and `remember_token`'))

    // cookie-contents: HttpOnly, readable (base64url JSON) and holding the id, not the password.
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session=')) ?? ''
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    const payload = decodeURIComponent(cookie.slice('session='.length).split(';')[0] ?? '')
    const json = Buffer.from(payload.split('.')[0] ?? '', 'base64url').toString('utf8')
    expect(JSON.parse(json)).toMatchObject({ _user_id: '1' })
    expect(json).not.toMatch(/analytical|pbkdf2/)
    expect(byId('cookie-contents', 'multiple').answers.sort()).toEqual(
      ['holds-id', 'http-only', 'readable', 'signed'].sort(),
    )
  })

  it('login-flow-order: the steps match the login route the predict question shows', () => {
    const steps = byId('login-flow-order', 'order').steps.map((step) => step.id)
    expect(steps).toEqual(['read-form', 'find-user', 'check-hash', 'login-user', 'redirect'])
    const code = byId('predict-remember', 'predict').code
    const at = (text: string) => code.indexOf(text)
    expect(at('parseBody')).toBeLessThan(at('findByName'))
    expect(at('findByName')).toBeLessThan(at('checkPasswordHash'))
    expect(at('checkPasswordHash')).toBeLessThan(at('loginUser'))
    expect(at('loginUser')).toBeLessThan(at('c.redirect'))
  })

  it('usermixin-provides: the right options are exactly what UserMixin has', () => {
    const user = new User('7', 'grace', 'hash')
    expect([user.isAuthenticated, user.isActive, user.isAnonymous, user.getId()]).toEqual([
      true,
      true,
      false,
      '7',
    ])
    expect('save' in user).toBe(false)
    expect(byId('usermixin-provides', 'multiple').answers.sort()).toEqual(
      ['get-id', 'is-active', 'is-anonymous', 'is-authenticated'].sort(),
    )
  })
})
