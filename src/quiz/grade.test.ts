import { describe, expect, it } from 'vitest'
import { questionSchema, type QuestionOfType } from '../schemas/quiz'
import { gradeQuestion, normaliseTextAnswer, textAnswerMatches } from './grade'

const single = questionSchema.parse({
  id: 'log-in',
  type: 'single',
  prompt: 'Which call logs the user in?',
  explanation: 'loginUser stores the id.',
  options: [
    { id: 'login-user', text: '`loginUser(c, user)`' },
    { id: 'user-login', text: '`user.login(c)`', feedback: 'No such method.' },
    { id: 'set', text: '`c.set()`' },
  ],
  answer: 'login-user',
}) as QuestionOfType<'single'>

const multiple = questionSchema.parse({
  id: 'mixin',
  type: 'multiple',
  prompt: 'What does UserMixin give?',
  explanation: 'The four things the manager asks.',
  options: [
    { id: 'auth', text: 'isAuthenticated', feedback: 'auth: it is there.' },
    { id: 'id', text: 'getId()', feedback: 'id: it is there.' },
    { id: 'save', text: 'save()', feedback: 'save: storage is yours.' },
    { id: 'hash', text: 'a password check', feedback: 'hash: a separate function.' },
  ],
  answers: ['auth', 'id'],
}) as QuestionOfType<'multiple'>

const text = (fields: Record<string, unknown> = {}) =>
  questionSchema.parse({
    id: 'read',
    type: 'text',
    prompt: 'How do you read the current user?',
    explanation: 'currentUser(c) or c.var.currentUser.',
    accept: ['currentUser(c)', 'c.var.currentUser', "c.get('currentUser')"],
    feedback: 'Think of the helper named after what it returns.',
    ...fields,
  }) as QuestionOfType<'text'>

const predict = questionSchema.parse({
  id: 'status',
  type: 'predict',
  prompt: 'What status?',
  explanation: 'A redirect to the login view.',
  code: "app.get('/dashboard', loginRequired(), handler)",
  requests: [{ method: 'GET', path: '/dashboard' }],
  ask: 'status',
  options: [
    { id: '302', text: '302' },
    { id: '401', text: '401', feedback: 'Without loginView only.' },
  ],
  answer: '302',
}) as QuestionOfType<'predict'>

const order = questionSchema.parse({
  id: 'flow',
  type: 'order',
  prompt: 'Order the login.',
  explanation: 'Check, then log in, then redirect.',
  steps: [
    { id: 'check', text: 'Check the password' },
    { id: 'login', text: 'Log in' },
    { id: 'redirect', text: 'Redirect' },
  ],
  feedback: 'Check before you trust.',
}) as QuestionOfType<'order'>

describe('gradeQuestion: single choice', () => {
  it('is right for the answer, with the explanation and every option’s state', () => {
    expect(gradeQuestion(single, 'login-user')).toEqual({
      questionId: 'log-in',
      correct: true,
      explanation: 'loginUser stores the id.',
      feedback: [],
      perOption: { 'login-user': 'chosen-right', 'user-login': 'not-chosen', set: 'not-chosen' },
    })
  })

  it('is wrong for another option, with that option’s feedback only', () => {
    const graded = gradeQuestion(single, 'user-login')
    expect(graded.correct).toBe(false)
    expect(graded.feedback).toEqual(['No such method.'])
    expect(graded.perOption).toMatchObject({ 'login-user': 'missed', 'user-login': 'chosen-wrong' })
    expect(gradeQuestion(single, 'set').feedback).toEqual([])
  })

  it('is wrong, not thrown, for an unknown id or the wrong shape', () => {
    expect(gradeQuestion(single, 'nope').correct).toBe(false)
    expect(gradeQuestion(single as never, ['login-user'] as never).correct).toBe(false)
  })
})

describe('gradeQuestion: multiple select', () => {
  it('is right only for exactly the right options, in any order', () => {
    expect(gradeQuestion(multiple, ['id', 'auth']).correct).toBe(true)
    expect(gradeQuestion(multiple, ['auth']).correct).toBe(false)
    expect(gradeQuestion(multiple, ['auth', 'id', 'save']).correct).toBe(false)
    expect(gradeQuestion(multiple, []).correct).toBe(false)
    expect(gradeQuestion(multiple, ['auth', 'id', 'unknown']).correct).toBe(false)
  })

  it('marks each option and explains the wrong choices and the misses', () => {
    const graded = gradeQuestion(multiple, ['auth', 'save'])
    expect(graded.perOption).toEqual({
      auth: 'chosen-right',
      id: 'missed',
      save: 'chosen-wrong',
      hash: 'not-chosen',
    })
    expect(graded.feedback).toEqual(['id: it is there.', 'save: storage is yours.'])
  })

  it('takes a lone string as one chosen option', () => {
    expect(gradeQuestion(multiple as never, 'auth' as never).perOption).toMatchObject({
      auth: 'chosen-right',
    })
  })
})

describe('gradeQuestion: text', () => {
  it.each([
    'currentUser(c)',
    'await currentUser(c)',
    '  await currentUser( c );',
    'currentUser()',
    'currentUser',
    'CURRENTUSER(C)',
    '`currentUser(c)`',
    'c.var.currentUser',
    'c . var . currentUser;',
    'c.get("currentUser")',
  ])('accepts %j', (answer) => {
    expect(gradeQuestion(text(), answer).correct).toBe(true)
  })

  it.each([
    '',
    '   ',
    'loginUser(c)',
    'current user',
    'currentUser(x)',
    'c.var.currentUser()',
    'c.get',
    'c.get()',
    'user',
  ])('rejects %j, with the hint', (answer) => {
    const graded = gradeQuestion(text(), answer)
    expect(graded.correct).toBe(false)
    expect(graded.feedback).toEqual(['Think of the helper named after what it returns.'])
  })

  it('honours caseSensitive and allowCall', () => {
    expect(gradeQuestion(text({ caseSensitive: true }), 'CurrentUser(c)').correct).toBe(false)
    expect(gradeQuestion(text({ caseSensitive: true }), 'currentUser(c)').correct).toBe(true)
    expect(gradeQuestion(text({ allowCall: false }), 'currentUser').correct).toBe(false)
    expect(gradeQuestion(text({ allowCall: false }), 'await currentUser(c);').correct).toBe(true)
  })
})

describe('gradeQuestion: predict', () => {
  it('grades like a single choice', () => {
    expect(gradeQuestion(predict, '302').correct).toBe(true)
    expect(gradeQuestion(predict, '401')).toMatchObject({
      correct: false,
      feedback: ['Without loginView only.'],
      explanation: 'A redirect to the login view.',
    })
  })
})

describe('gradeQuestion: order', () => {
  it('is right only in the exact order', () => {
    expect(gradeQuestion(order, ['check', 'login', 'redirect'])).toMatchObject({
      correct: true,
      feedback: [],
      perPosition: [true, true, true],
    })
  })

  it('marks each position and says where a misplaced step belongs', () => {
    const graded = gradeQuestion(order, ['login', 'check', 'redirect'])
    expect(graded.correct).toBe(false)
    expect(graded.perPosition).toEqual([false, false, true])
    expect(graded.positions?.[0]).toEqual({
      stepId: 'login',
      expectedStepId: 'check',
      correct: false,
      belongsAt: 1,
    })
    expect(graded.feedback).toEqual([
      'Step 1, “Log in”, belongs at step 2.',
      'Step 2, “Check the password”, belongs at step 1.',
      'Check before you trust.',
    ])
  })

  it('is wrong for a short, long or unknown answer', () => {
    expect(gradeQuestion(order, ['check', 'login']).perPosition).toEqual([true, true, false])
    expect(gradeQuestion(order, ['check', 'login']).correct).toBe(false)
    expect(gradeQuestion(order, ['check', 'login', 'redirect', 'extra']).correct).toBe(false)
    expect(gradeQuestion(order, ['check', 'login', 'nope']).positions?.[2]?.belongsAt).toBeNull()
  })
})

describe('normaliseTextAnswer', () => {
  it.each<[string, { caseSensitive?: boolean }, string]>([
    ['  await currentUser( c ); ', {}, 'currentuser(c)'],
    ['currentUser(c);;', {}, 'currentuser(c)'],
    ['`c.var.currentUser`', {}, 'c.var.currentuser'],
    ['c .var. currentUser', {}, 'c.var.currentuser'],
    ['loginUser( c , user , { remember : true } )', {}, 'loginuser(c,user,{remember:true})'],
    ['a   \t b', {}, 'a b'],
    ['c.get("currentUser")', {}, "c.get('currentuser')"],
    ['Await currentUser(c)', {}, 'currentuser(c)'],
    ['Await currentUser(c)', { caseSensitive: true }, 'Await currentUser(c)'],
    ['await(currentUser(c))', {}, '(currentuser(c))'],
    ['awaitUser', {}, 'awaituser'],
    ['Secret', { caseSensitive: true }, 'Secret'],
    ['  ;  ', {}, ''],
  ])('%j %j → %j', (input, options, expected) => {
    expect(normaliseTextAnswer(input, options)).toBe(expected)
  })

  it('is idempotent', () => {
    for (const input of ['  await currentUser( c ); ', '`c.get("x")`', 'A  ,  B']) {
      const once = normaliseTextAnswer(input)
      expect(normaliseTextAnswer(once)).toBe(once)
    }
  })
})

describe('textAnswerMatches', () => {
  it.each<[string, string, { caseSensitive?: boolean; allowCall?: boolean }, boolean]>([
    ['currentUser', 'currentUser(c)', {}, true],
    ['currentUser()', 'currentUser(c)', {}, true],
    ['await currentUser', 'currentUser(c)', {}, true],
    ['currentUser(c)', 'currentUser()', {}, false],
    ['currentUser', 'currentUser()', {}, true],
    ['currentUser(c, x)', 'currentUser(c)', {}, false],
    ['currentUser', 'currentUser(c)', { allowCall: false }, false],
    ['loginUser', 'loginUser(c, user)', {}, true],
    ['loginUser(c)', 'loginUser(c, user)', {}, false],
    ['c.get', "c.get('currentUser')", {}, false],
    ['c.var.currentUser()', 'c.var.currentUser', {}, false],
    ['x', '(x)', {}, false],
    ['', '', {}, false],
  ])('%j against %j %j → %s', (given, accepted, options, expected) => {
    expect(textAnswerMatches(given, accepted, options)).toBe(expected)
  })
})
