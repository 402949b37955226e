import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { parseQuizFile, questionSchema, quizSchema, type QuizInput } from './quiz'

const practiceFile = 'quizzes/login-manager-practice.yaml'
const practice = readFileSync(practiceFile, 'utf8')

/** A small valid quiz with one question of each type, as an author would write it. */
function sample(): QuizInput {
  return {
    title: 'Sample quiz',
    lesson: 'the-login-manager',
    questions: [
      {
        id: 'one',
        type: 'single',
        prompt: 'Pick one.',
        explanation: 'Because.',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B', feedback: 'Not B.' },
        ],
        answer: 'a',
      },
      {
        id: 'many',
        type: 'multiple',
        prompt: 'Pick all.',
        explanation: 'Because.',
        options: [
          { id: 'a', text: 'A', feedback: 'A is right.' },
          { id: 'b', text: 'B', feedback: 'B is wrong.' },
        ],
        answers: ['a'],
      },
      {
        id: 'typed',
        type: 'text',
        prompt: 'Type it.',
        explanation: 'Because.',
        accept: ['currentUser(c)'],
      },
      {
        id: 'guess',
        type: 'predict',
        prompt: 'What status?',
        explanation: 'Because.',
        code: "app.get('/', (c) => c.text('hi'))",
        requests: [{ method: 'GET', path: '/' }],
        ask: 'status',
        options: [
          { id: '200', text: '200' },
          { id: '404', text: '404', feedback: 'The route exists.' },
        ],
        answer: '200',
      },
      {
        id: 'steps',
        type: 'order',
        prompt: 'Order them.',
        explanation: 'Because.',
        steps: [
          { id: 'first', text: 'First' },
          { id: 'second', text: 'Second' },
        ],
      },
    ],
  }
}

/** Parse a changed sample through YAML, as the CLI and tests do. */
function parseChanged(change: (quiz: QuizInput & Record<string, unknown>) => void) {
  const quiz = sample() as QuizInput & Record<string, unknown>
  change(quiz)
  return () => parseQuizFile('quizzes/broken.yaml', stringify(quiz))
}

// Loosely typed access for breaking the sample on purpose.
type Loose = Record<string, unknown> & { options: Array<Record<string, unknown>> }
const question = (quiz: QuizInput, index: number) => quiz.questions[index] as unknown as Loose

describe('quizSchema', () => {
  it('accepts the practice quiz and fills in the defaults', () => {
    const quiz = parseQuizFile(practiceFile, practice)
    expect(quiz.lesson).toBe('the-login-manager')
    expect(quiz.passThreshold).toBe(0.8)
    expect(quiz.questions.length).toBeGreaterThanOrEqual(12)
  })

  it('accepts every question type and defaults the text options', () => {
    const quiz = quizSchema.parse(sample())
    expect(quiz.questions.map((q) => q.type)).toEqual([
      'single',
      'multiple',
      'text',
      'predict',
      'order',
    ])
    expect(quiz.questions[2]).toMatchObject({ caseSensitive: false, allowCall: true })
  })

  it('keeps a per-quiz pass threshold', () => {
    expect(quizSchema.parse({ ...sample(), passThreshold: 0.5 }).passThreshold).toBe(0.5)
  })

  it('validates a single question on its own too', () => {
    const bad = { ...question(sample(), 0), answer: 'z' }
    const result = questionSchema.safeParse(bad)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['answer'],
      message: '"z" is not one of the option ids (a, b)',
    })
  })
})

describe('parseQuizFile rejects malformed quizzes, naming the file and the field', () => {
  it.each<[string, (quiz: QuizInput & Record<string, unknown>) => void, string]>([
    [
      'an answer that is not an option',
      (quiz) => (question(quiz, 0)['answer'] = 'c'),
      'quizzes/broken.yaml: questions.0.answer: "c" is not one of the option ids (a, b)',
    ],
    [
      'a multiple-select answer that is not an option',
      (quiz) => (question(quiz, 1)['answers'] = ['a', 'x']),
      'quizzes/broken.yaml: questions.1.answers.1: "x" is not one of the option ids (a, b)',
    ],
    [
      'a multiple-select question with no answers',
      (quiz) => (question(quiz, 1)['answers'] = []),
      'quizzes/broken.yaml: questions.1.answers: list at least one right option',
    ],
    [
      'an answer listed twice',
      (quiz) => (question(quiz, 1)['answers'] = ['a', 'a']),
      'quizzes/broken.yaml: questions.1.answers.1: "a" is listed twice',
    ],
    [
      'duplicate option ids',
      (quiz) => (question(quiz, 3).options[1]!['id'] = '200'),
      'quizzes/broken.yaml: questions.3.options.1.id: "200" is used by an earlier option',
    ],
    [
      'feedback on the right option of a single choice',
      (quiz) => (question(quiz, 0).options[0]!['feedback'] = 'Yes!'),
      'quizzes/broken.yaml: questions.0.options.0.feedback: "a" is the right answer',
    ],
    [
      'duplicate step ids',
      (quiz) => ((question(quiz, 4)['steps'] as Loose[])[1]!['id'] = 'first'),
      'quizzes/broken.yaml: questions.4.steps.1.id: "first" is used by an earlier step',
    ],
    [
      'an order question with one step',
      (quiz) => (question(quiz, 4)['steps'] = [{ id: 'only', text: 'Only' }]),
      'quizzes/broken.yaml: questions.4.steps: give at least two steps',
    ],
    [
      'a duplicate question id',
      (quiz) => (question(quiz, 2)['id'] = 'one'),
      'quizzes/broken.yaml: questions.2.id: "one" is used by an earlier question (questions.0)',
    ],
    [
      'an unknown question type',
      (quiz) => (question(quiz, 3)['type'] = 'essay'),
      'quizzes/broken.yaml: questions.3.type: type must be one of single, multiple, text, predict, order',
    ],
    [
      'a missing explanation',
      (quiz) => delete question(quiz, 2)['explanation'],
      'quizzes/broken.yaml: questions.2.explanation: is required (expected string)',
    ],
    [
      'a misspelt key',
      (quiz) => (question(quiz, 0)['feedbak'] = 'Oops'),
      'quizzes/broken.yaml: questions.0: unknown field "feedbak": check the spelling',
    ],
    [
      'a pass threshold written as a percentage',
      (quiz) => (quiz['passThreshold'] = 80),
      'quizzes/broken.yaml: passThreshold: passThreshold is a share from 0 to 1, e.g. 0.8 (not 80)',
    ],
    [
      'an empty question list',
      (quiz) => (quiz['questions'] = []),
      'quizzes/broken.yaml: questions: a quiz needs at least one question',
    ],
    [
      'an id with capitals',
      (quiz) => (question(quiz, 0)['id'] = 'One'),
      'quizzes/broken.yaml: questions.0.id: use lowercase letters, digits and dashes only',
    ],
    [
      'a request path without a slash',
      (quiz) => (question(quiz, 3)['requests'] = [{ method: 'GET', path: 'dashboard' }]),
      'quizzes/broken.yaml: questions.3.requests.0.path: a request path starts with "/"',
    ],
    [
      'an unknown predict target',
      (quiz) => (question(quiz, 3)['ask'] = 'body'),
      'quizzes/broken.yaml: questions.3.ask:',
    ],
    [
      'a blank accepted answer',
      (quiz) => (question(quiz, 2)['accept'] = ['  ']),
      'quizzes/broken.yaml: questions.2.accept.0: write an accepted answer',
    ],
  ])('%s', (_name, change, message) => {
    expect(parseChanged(change)).toThrow(message)
  })

  it('reports every problem, one per line', () => {
    const parse = parseChanged((quiz) => {
      question(quiz, 0)['answer'] = 'c'
      delete question(quiz, 4)['prompt']
    })
    expect(parse).toThrow(
      'quizzes/broken.yaml: questions.0.answer: "c" is not one of the option ids (a, b)\n' +
        'quizzes/broken.yaml: questions.4.prompt: is required (expected string)',
    )
  })

  it('names the field in the real file too', () => {
    const broken = practice.replace('answer: login-user', 'answer: login-usr')
    expect(() => parseQuizFile('quizzes/x.yaml', broken)).toThrow(
      /^quizzes\/x\.yaml: questions\.1\.answer: "login-usr" is not one of the option ids \(session-set, /,
    )
  })

  it('rejects YAML that does not parse, naming the file', () => {
    expect(() => parseQuizFile('quizzes/x.yaml', 'title: [')).toThrow(
      /^quizzes\/x\.yaml: not valid YAML/,
    )
  })

  it('rejects a file that is not a mapping', () => {
    expect(() => parseQuizFile('quizzes/x.yaml', '- just\n- a list\n')).toThrow(
      /^quizzes\/x\.yaml: \(top level\): /,
    )
  })
})
