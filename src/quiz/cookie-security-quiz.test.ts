// Lesson 10's quiz: its shape, and every answer it gives about the browser and hono/csrf, produced
// by running the real login manager, hono/csrf and the course's cookie jar.
import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createClient } from '../grader/harness/client'
import { CookieJar } from '../grader/harness/cookie-jar'
import {
  checkPasswordHash,
  LoginManager,
  loginRequired,
  loginUser,
  session,
  UserMixin,
} from '../login-manager'
import type { QuestionType } from '../schemas/quiz'
import { exampleOutput, expectQuizStandard, questionOf, readQuiz } from './quiz-facts'

const quiz = readQuiz('cookie-security-quiz')
const byId = <T extends QuestionType>(id: string, type: T) => questionOf(quiz, id, type)

const SECRET = '7d1e5a9c3b0f2e4d6a8c1b3e5f7a9d2c4e6b8a0d1f3c5e7b9a2d4f6e8c0b1a3d'
// Ada's password is "notes-on-the-engine" (1,000 rounds, for speed).
const ADA_HASH =
  'pbkdf2:sha256:1000$s5uUZQ4FaWzkQaxD$127b892cfdf29a04e16bba7cc02f585dc7bf2523e5a7c3ff142e6f7667741290'
class User extends UserMixin {
  constructor(
    public override id: string,
    public passwordHash: string,
  ) {
    super()
  }
}
const ada = new User('1', ADA_HASH)

/** The question's app: a login route and a guarded dashboard, with the cookie's SameSite given. */
function appWith(sameSite: 'Strict' | 'Lax') {
  const loginManager = new LoginManager<User>({ loginView: '/login' })
  loginManager.userLoader(async (id) => (id === ada.id ? ada : null))
  const app = new Hono()
  app.use(session({ secret: SECRET, cookie: { sameSite } }), loginManager.middleware())
  app.post('/login', async (c) => {
    const form = await c.req.parseBody()
    if (!(await checkPasswordHash(ada.passwordHash, String(form['password']))))
      return c.text('No', 401)
    await loginUser(c, ada)
    return c.redirect('/dashboard')
  })
  app.get('/dashboard', loginRequired(), (c) => c.text('Your dashboard'))
  return app
}

/** A browser on https://app.test, talking to `app`. */
const browserFor = (app: Hono) =>
  createClient(async (path, init) => app.request(path, init), [], 'quiz', 1, {
    origin: 'https://app.test',
  })

/** An app behind csrf() with no options, whose POST /email answers 200. */
function csrfApp() {
  const app = new Hono()
  app.use(csrf())
  app.get('/dashboard', (c) => c.text('Dashboard'))
  app.post('/email', (c) => c.text('Email changed'))
  return app
}

describe('the cookie security quiz', () => {
  it('has at least 6 questions of at least 3 types, every wrong option with feedback', () => {
    expect(quiz.lesson).toBe('cookie-security')
    expectQuizStandard(quiz, 6)
  })

  it("the lesson's example prints what the lesson says it prints", async () => {
    const lesson = readFileSync('lessons/cookie-security.mdx', 'utf8')
    const block = /<Example slug="csrf-and-the-jar" \/>[\s\S]*?```text\n([\s\S]*?)\n```/.exec(
      lesson,
    )
    expect(block?.[1]?.split('\n')).toEqual(await exampleOutput('csrf-and-the-jar'))
  })

  it('secure-over-lan: a Secure cookie is refused over plain http, except on localhost', () => {
    expect(byId('secure-over-lan', 'single').answer).toBe('secure')
    const jar = new CookieJar(Date.now)
    const context = (origin: string) => ({
      initiator: origin,
      mode: 'navigate' as const,
      method: 'POST',
    })
    const lan = jar.receive(
      'session=x; Path=/; HttpOnly; Secure; SameSite=Lax',
      new URL('http://192.168.1.20:3000/login'),
      context('http://192.168.1.20:3000'),
    )
    expect(lan.action).toBe('rejected')
    expect(lan.reason).toContain('Secure cookie set over plain http')
    const local = jar.receive(
      'session=x; Path=/; HttpOnly; Secure; SameSite=Lax',
      new URL('http://localhost:3000/login'),
      context('http://localhost:3000'),
    )
    expect(local.action).toBe('stored')
  })

  it('strict-from-webmail: a Strict cookie stays home on a link from another site', async () => {
    const question = byId('strict-from-webmail', 'predict')
    const strict = browserFor(appWith('Strict'))
    expect((await strict.postForm('/login', { password: 'notes-on-the-engine' })).status).toBe(302)
    const fromMail = await strict.fromSite('https://mail.example').followLink('/dashboard')
    expect(question.answer).toBe(String(fromMail.status))
    expect(fromMail.location).toBe('/login?next=%2Fdashboard')
    // The redirect flashed "Please log in" into a new session, whose cookie replaced hers: a
    // click inside the app afterwards still finds a stranger.
    const replaced = fromMail.cookieEvents.findLast((event) => event.cookie === 'session')
    expect(replaced?.action).toBe('replaced')
    expect((await strict.get('/dashboard')).status).toBe(302)
    // The 200 option's feedback: a Lax cookie goes with the same link.
    const lax = browserFor(appWith('Lax'))
    await lax.postForm('/login', { password: 'notes-on-the-engine' })
    expect((await lax.fromSite('https://mail.example').followLink('/dashboard')).status).toBe(200)
  })

  it('what-csrf-refuses: exactly the answers get 403 from csrf()', async () => {
    const question = byId('what-csrf-refuses', 'multiple')
    const browser = browserFor(csrfApp())
    const evil = browser.fromSite('https://evil.test')
    const statuses: Record<string, number> = {
      'evil-form': (await evil.submitForm('/email', { email: 'm@evil.test' })).status,
      'blog-form': (
        await browser.fromSite('https://blog.app.test').submitForm('/email', { email: 'm' })
      ).status,
      'text-plain': (
        await evil.fetch('/email', {
          method: 'POST',
          body: 'email=m',
          headers: { 'Content-Type': 'text/plain' },
        })
      ).status,
      'evil-get': (await evil.followLink('/dashboard')).status,
      'own-form': (await browser.postForm('/email', { email: 'ada@new.test' })).status,
      // The browser would not send it (no preflight answer), so ask csrf() directly.
      json: (
        await csrfApp().request('https://app.test/email', {
          method: 'POST',
          body: '{"email":"m"}',
          headers: {
            'Content-Type': 'application/json',
            Origin: 'https://evil.test',
            'Sec-Fetch-Site': 'cross-site',
          },
        })
      ).status,
    }
    const refused = Object.keys(statuses).filter((id) => statuses[id] === 403)
    expect(refused.sort()).toEqual([...question.answers].sort())
    expect(
      (
        await evil.fetch('/email', {
          method: 'POST',
          body: '{}',
          headers: { 'Content-Type': 'application/json' },
        })
      ).blocked,
    ).toMatch(/preflight/)
  })

  it('host-prefix-option: hostPrefix: true sets __Host-session with Secure and Path=/', async () => {
    expect(byId('host-prefix-option', 'text').accept).toEqual(['hostPrefix'])
    const app = new Hono()
    app.use(session({ secret: SECRET, hostPrefix: true }))
    app.get('/', (c) => {
      c.get('session' as never)
      return c.text('ok')
    })
    app.post('/login', async (c) => {
      const { getSession } = await import('../login-manager')
      getSession(c).set('x', 1)
      return c.text('ok')
    })
    const header =
      (await app.request('http://app.test/login', { method: 'POST' })).headers.get('Set-Cookie') ??
      ''
    expect(header).toMatch(/^__Host-session=/)
    expect(header).toContain('Path=/')
    expect(header).toContain('Secure')
    expect(header).not.toMatch(/Domain=/i)
  })

  it('none-without-secure: the browser refuses SameSite=None without Secure', () => {
    expect(byId('none-without-secure', 'single').answer).toBe('reject')
    const event = new CookieJar(Date.now).receive(
      'widget=1; SameSite=None; HttpOnly',
      new URL('https://widget.test/'),
      { initiator: 'https://widget.test', mode: 'navigate', method: 'GET' },
    )
    expect(event).toMatchObject({
      action: 'rejected',
      reason: 'Rejected: SameSite=None requires Secure',
    })
  })

  it('why-two-layers: a same-site form carries the Lax cookie, and csrf() refuses it', async () => {
    expect(byId('why-two-layers', 'single').answer).toBe('sibling')
    const app = new Hono()
    app.use(csrf(), session({ secret: SECRET }))
    app.post('/login', async (c) => {
      const { getSession } = await import('../login-manager')
      getSession(c).set('user', 'ada')
      return c.text('ok')
    })
    app.post('/email', (c) => c.text('changed'))
    const browser = browserFor(app)
    await browser.postForm('/login', {})
    const blog = await browser.fromSite('https://blog.app.test').submitForm('/email', {})
    expect(blog.cookieEvents.find((event) => event.cookie === 'session')?.action).toBe('sent')
    expect(blog.status).toBe(403)
  })
})
