// The passwords quiz and lesson: the facts they state, checked by running the lesson's own apps.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkPasswordHash } from '../login-manager'
import { exampleOutput, questionOf, readQuiz, runSteps } from './quiz-facts'

const quiz = readQuiz('passwords-and-guessing-quiz')
/** Code without its comments, on one line, so an excerpt can be found in the file it came from. */
const squash = (text: string) =>
  text
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
const exerciseApp = readFileSync('exercises/slow-down-guessing/solution/app.ts', 'utf8')

describe('the passwords and guessing quiz', () => {
  it('has at least 5 questions of at least 3 types, all for its lesson', () => {
    expect(quiz.lesson).toBe('passwords-and-guessing')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(5)
    expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  })

  it('hash-parts: the hash in the prompt is real, and its parts are what the answers say', async () => {
    const question = questionOf(quiz, 'hash-parts', 'multiple')
    const hash = /`(pbkdf2:[^`]+)`/.exec(question.prompt)?.[1] ?? ''
    // Ada's hash from the login manager lesson, of "analytical-engine": a genuine one.
    expect(await checkPasswordHash(hash, 'analytical-engine')).toBe(true)
    const [method, salt, digest] = hash.split('$')
    expect(method).toBe('pbkdf2:sha256:600000')
    expect(salt).toBe('wCQC0Mk3fIqfabz8')
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    expect([...question.answers].sort()).toEqual(['cost', 'salt', 'werkzeug'])
  })

  it('predict-throttled: its code is the exercise’s route, and the right password gets 429', async () => {
    const question = questionOf(quiz, 'predict-throttled', 'predict')
    const [head = '', tail = ''] = question.code.split('// … read name, password and address')
    expect(squash(exerciseApp)).toContain(squash(head))
    expect(squash(exerciseApp)).toContain(squash(tail))
    const [statuses, ada] = await runSteps(
      'slow-down-guessing',
      `{ label: 'attacker', run: async (client) => {
          const from = { headers: { 'X-Real-IP': '203.0.113.66' } }
          const seen = []
          for (let i = 1; i <= 10; i++)
            seen.push((await client.postForm('/login', { username: 'ada', password: 'guess' + i }, from)).status)
          const last = await client.postForm('/login', { username: 'ada', password: 'analytical-engine' }, from)
          return [...seen, last.status, last.headers.get('Retry-After')].join(' ')
        } },
        { label: 'ada', run: async (client) => {
          const response = await client.postForm('/login', { username: 'ada', password: 'analytical-engine' }, { headers: { 'X-Real-IP': '198.51.100.7' } })
          return response.status + ' ' + response.location
        } }`,
    )
    expect(statuses).toBe(`${'401 '.repeat(10)}429 60`)
    expect(question.answer).toBe('429')
    expect(ada).toBe('302 /dashboard')
  })

  it('throttle-order: the steps follow the exercise’s route', () => {
    const route = exerciseApp.slice(exerciseApp.indexOf("app.post('/login'"))
    const at = (text: string) => route.indexOf(text)
    expect(questionOf(quiz, 'throttle-order', 'order').steps.map((step) => step.id)).toEqual([
      'read',
      'buckets',
      'hash',
      'take',
      'login',
    ])
    expect(at('clientAddress(c)')).toBeLessThan(at('byAddress.wait'))
    expect(at('byAddress.wait')).toBeLessThan(at('checkPasswordHash'))
    expect(at('checkPasswordHash')).toBeLessThan(at('byAddress.take'))
    expect(at('byAddress.take')).toBeLessThan(at('loginUser'))
  })
})

describe('the passwords and guessing lesson', () => {
  it('explains the lines its example really prints', async () => {
    const lesson = readFileSync('lessons/passwords-and-guessing.mdx', 'utf8')
    const lines = await exampleOutput('password-hashes')
    expect(lines).toEqual([
      'method pbkdf2:sha256:600000, salt of 16 characters, digest of 64 hex digits',
      'same password, same hash? false',
      'right: true, wrong: false',
      'Werkzeug pbkdf2: true, Werkzeug scrypt: true',
      'garbage: false',
    ])
    for (const line of lines) expect(lesson).toContain(`\`${line}\``)
  })

  it('states the exercise’s bucket sizes as the exercise sets them', () => {
    const lesson = readFileSync('lessons/passwords-and-guessing.mdx', 'utf8')
    expect(exerciseApp).toContain('new TokenBuckets({ capacity: 10, refillSeconds: 60 })')
    expect(exerciseApp).toContain('new TokenBuckets({ capacity: 20, refillSeconds: 300 })')
    expect(lesson).toContain('10 tokens, one back a minute')
    expect(lesson).toContain('20 tokens, one back every five minutes')
  })
})
