import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseQuizFile } from './quiz'

const practice = readFileSync('quizzes/login-manager-practice.yaml', 'utf8')

describe('quiz files', () => {
  it('accepts the practice quiz: at least 10 questions and 4 of the newer types', () => {
    const quiz = parseQuizFile('quizzes/login-manager-practice.yaml', practice)
    expect(quiz.questions.length).toBeGreaterThanOrEqual(10)
    expect(quiz.passThreshold).toBe(0.8)
    const newer = quiz.questions.filter((q) => ['predict', 'order', 'multiple'].includes(q.type))
    expect(newer.length).toBeGreaterThanOrEqual(4)
  })

  it.each([
    [
      'an answer that is not an option',
      (t: string) => t.replace('answer: login-user', 'answer: login-usr'),
      'questions.1.answer: "login-usr" is not one of the option ids',
    ],
    [
      'a duplicate question id',
      (t: string) => t.replace('id: log-in-call', 'id: what-it-manages'),
      'questions.1.id: "what-it-manages" is used by an earlier question',
    ],
    ['an unknown type', (t: string) => t.replace('type: text', 'type: essay'), 'questions.3'],
    [
      'a pass threshold above 1',
      (t: string) =>
        t.replace('lesson: the-login-manager', 'lesson: the-login-manager\npassThreshold: 80'),
      'passThreshold',
    ],
    [
      'a missing explanation',
      (t: string) =>
        t.replace(/  - id: end-session[\s\S]*?explanation: >-\n(    .*\n)+/, (m) =>
          m.replace(/explanation: >-\n(    .*\n)+/, ''),
        ),
      'questions.6.explanation',
    ],
  ])('rejects %s, naming the file and the field', (_name, change, message) => {
    expect(() => parseQuizFile('quizzes/broken.yaml', change(practice))).toThrow(
      `quizzes/broken.yaml: ${message}`,
    )
  })

  it('rejects YAML that does not parse', () => {
    expect(() => parseQuizFile('quizzes/x.yaml', 'title: [')).toThrow(
      /^quizzes\/x\.yaml: not valid YAML/,
    )
  })
})
