// The final practice quiz: its claims about the library and about Hono's csrf middleware come from
// running them, and it spans the whole course.
import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { describe, expect, it } from 'vitest'
import { LoginManager, loginRequired, safeNext, session, UserMixin } from '../login-manager'
import { gradeQuestion } from './grade'
import { expectLessonQuizStandard, loadQuiz } from './quiz-standard'

const { quiz, byId } = loadQuiz('quizzes/final-practice.yaml')
const secret = 'c1d7f0b8a29e4e55b3a6d2f19c8e7b40a5d3c2e1f0b9a8c7d6e5f4a3b2c1d0e9'

class User extends UserMixin {
  constructor(public override id: string) {
    super()
  }
}

const code = (text: string) => text.replace(/^`|`$/g, '').replace(/\\\\/g, '\\')

describe('the final practice quiz', () => {
  it('meets the lesson quiz standard, with at least 15 questions of at least 4 types', () => {
    expectLessonQuizStandard(quiz, 'testing-the-login-flow')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(15)
    expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4)
  })

  it('refused-next: exactly the options safeNext replaces with the fallback are the answers', () => {
    const question = byId('refused-next', 'multiple')
    const refused = question.options
      .filter((option) => safeNext(code(option.text), '/home') === '/home')
      .map((option) => option.id)
    expect(refused.sort()).toEqual([...question.answers].sort())
    expect(gradeQuestion(question, refused).correct).toBe(true)
  })

  it('login-view-loop: a guarded loginView redirects to itself, again and again', async () => {
    const manager = new LoginManager<User>({ loginView: '/account' })
    manager.userLoader(() => null)
    const app = new Hono()
    app.use(session({ secret }), manager.middleware())
    app.get('/dashboard', loginRequired(), (c) => c.text('dashboard'))
    app.get('/account', loginRequired(), (c) => c.text('login form'))
    let path = '/dashboard'
    const hops: string[] = []
    for (let hop = 0; hop < 5; hop++) {
      const response = await app.request(path)
      expect(response.status).toBe(302)
      path = response.headers.get('Location') ?? ''
      hops.push(path)
    }
    expect(hops.every((hop) => hop.startsWith('/account?next='))).toBe(true)
    expect(hops[4]!.length).toBeGreaterThan(hops[0]!.length)
    expect(byId('login-view-loop', 'single').answer).toBe('loop')
  })

  it('csrf-middleware: hono/csrf refuses a cross-site form POST and lets a same-origin one through', async () => {
    const app = new Hono()
    app.use(csrf())
    app.post('/transfer', (c) => c.text('done'))
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
    const forged = await app.request('http://bank.test/transfer', {
      method: 'POST',
      headers: { ...form, Origin: 'http://evil.test' },
      body: 'to=mallory',
    })
    expect(forged.status).toBe(403)
    const own = await app.request('http://bank.test/transfer', {
      method: 'POST',
      headers: { ...form, Origin: 'http://bank.test' },
      body: 'to=grace',
    })
    expect(own.status).toBe(200)
    expect(byId('csrf-middleware', 'text').accept).toContain('csrf()')
  })

  it('guard-middleware: the accepted answer is a real export', () => {
    expect(typeof loginRequired).toBe('function')
    expect(byId('guard-middleware', 'text').accept).toContain('loginRequired()')
  })
})
