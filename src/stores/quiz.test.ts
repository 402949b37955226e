import { setPersistentEngine } from '@nanostores/persistent'
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { parseQuizFile } from '../schemas/quiz'
import { createProgressStore } from './progress'
import { createQuizStore } from './quiz'

const parsed = parseQuizFile(
  'quizzes/login-manager-practice.yaml',
  readFileSync('quizzes/login-manager-practice.yaml', 'utf8'),
)
const quiz = {
  slug: 'practice',
  lesson: parsed.lesson,
  passThreshold: parsed.passThreshold,
  questions: parsed.questions,
}

function rightAnswer(id: string) {
  const question = parsed.questions.find((q) => q.id === id)!
  switch (question.type) {
    case 'single':
    case 'predict':
      return question.answer
    case 'multiple':
      return question.answers
    case 'text':
      return question.accept[0]!
    case 'order':
      return question.steps.map((s) => s.id)
  }
}

beforeEach(() => setPersistentEngine({}, { addEventListener() {}, removeEventListener() {} }))

describe('quiz store', () => {
  it('scores when every question is answered and keeps the best score in progress', () => {
    const progress = createProgressStore('p')
    const store = createQuizStore(quiz, progress)
    const ids = store.$visible.get()
    ids.forEach((id, index) => store.answer(id, index === 0 ? 'wrong' : rightAnswer(id)))
    const score = store.$score.get()
    expect(score?.correctCount).toBe(ids.length - 1)
    expect(score?.passed).toBe(true)
    expect(
      progress.$progress.get().lessons['the-login-manager']?.quizzes['practice'],
    ).toMatchObject({ attempts: 1, passed: true })

    store.retry()
    expect(store.$attempt.get()).toBe(1)
    expect(store.$score.get()).toBeNull()
    store.$visible.get().forEach((id) => store.answer(id, 'wrong'))
    const best = createQuizStore(quiz, createProgressStore('p')).$best.get()
    expect(best?.bestScore).toBeCloseTo((ids.length - 1) / ids.length)
    expect(best?.attempts).toBe(2)
  })

  it('reviews only the mistakes, without changing the recorded score', () => {
    const progress = createProgressStore('p')
    const store = createQuizStore(quiz, progress)
    const ids = store.$visible.get()
    ids.forEach((id, index) => store.answer(id, index < 2 ? 'wrong' : rightAnswer(id)))
    const recorded = progress.$progress.get()
    store.reviewMistakes()
    expect(store.$mode.get()).toBe('review')
    expect(store.$visible.get()).toEqual(ids.slice(0, 2))
    expect(store.$results.get()[ids[0]!]).toBeUndefined()
    store.answer(ids[0]!, rightAnswer(ids[0]!))
    expect(store.$results.get()[ids[0]!]?.correct).toBe(true)
    expect(progress.$progress.get()).toEqual(recorded)
  })
})
