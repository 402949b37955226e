import { setPersistentEngine } from '@nanostores/persistent'
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { presentQuiz } from '../quiz/engine'
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

/** A wrong answer the question's form could give (saved answers must fit their question). */
function wrongAnswer(id: string) {
  const question = parsed.questions.find((q) => q.id === id)!
  switch (question.type) {
    case 'single':
    case 'predict':
      return question.options.find((o) => o.id !== question.answer)!.id
    case 'multiple':
      return [question.options.find((o) => !question.answers.includes(o.id))!.id]
    case 'text':
      return 'nothing like it'
    case 'order':
      return question.steps.map((s) => s.id).reverse()
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

  it('continues the attempt numbering after a reload, so the order is the next seeded one', () => {
    const first = createQuizStore(quiz, createProgressStore('p'))
    expect(first.$attempt.get()).toBe(0)
    expect(first.$presentation.get().questions).toEqual(parsed.questions.map((q) => q.id))
    for (let finished = 0; finished < 3; finished++) {
      first.$visible.get().forEach((id) => first.answer(id, rightAnswer(id)))
      first.retry()
    }
    expect(first.$attempt.get()).toBe(3)

    // A reload: new stores over the same storage.
    const reloaded = createQuizStore(quiz, createProgressStore('p'))
    expect(reloaded.$best.get()?.attempts).toBe(3)
    expect(reloaded.$attempt.get()).toBe(3)
    const third = presentQuiz(quiz, { seed: 'practice', attempt: 3 })
    expect(reloaded.$presentation.get()).toEqual(third)
    expect(reloaded.$presentation.get().questions).not.toEqual(
      presentQuiz(quiz, { seed: 'practice', attempt: 0 }).questions,
    )
    reloaded.retry()
    expect(reloaded.$presentation.get()).toEqual(
      presentQuiz(quiz, { seed: 'practice', attempt: 4 }),
    )
    // Other quizzes' attempts do not count.
    expect(
      createQuizStore({ ...quiz, slug: 'other' }, createProgressStore('p')).$attempt.get(),
    ).toBe(0)
  })

  it('gives the best score as a percentage rounded like every other, and the pass mark', () => {
    const progress = createProgressStore('p')
    progress.recordQuizScore(quiz.lesson, quiz.slug, 0.29, false)
    const store = createQuizStore(quiz, progress)
    expect(store.$best.get()).toEqual({ bestScore: 0.29, percent: 29, passed: false, attempts: 1 })
    expect(store.passMark).toEqual({
      percent: 80,
      correctNeeded: Math.ceil(quiz.questions.length * 0.8),
      total: quiz.questions.length,
    })
  })

  it('keeps answers given before the end across a reload, and resumes at the first unanswered', () => {
    const first = createQuizStore(quiz, createProgressStore('p'))
    const ids = first.$visible.get()
    first.answer(ids[0]!, rightAnswer(ids[0]!))
    first.answer(ids[1]!, wrongAnswer(ids[1]!))
    const reloaded = createQuizStore(quiz, createProgressStore('p'))
    expect(Object.keys(reloaded.$results.get()).sort()).toEqual([ids[0], ids[1]].sort())
    expect(reloaded.$results.get()[ids[0]!]?.correct).toBe(true)
    expect(reloaded.$results.get()[ids[1]!]?.correct).toBe(false)
    expect(reloaded.$responses.get()[ids[0]!]).toEqual(rightAnswer(ids[0]!))
    expect(reloaded.$nextUnanswered.get()).toBe(ids[2])
    expect(reloaded.$score.get()).toBeNull()
    // Finishing scores every answer, old and new, and forgets the draft.
    ids.slice(2).forEach((id) => reloaded.answer(id, rightAnswer(id)))
    expect(reloaded.$score.get()?.correctCount).toBe(ids.length - 1)
    const after = createQuizStore(quiz, createProgressStore('p'))
    expect(after.$results.get()).toEqual({})
    expect(after.$best.get()?.attempts).toBe(1)
  })

  it('forgets the draft on retry, and ignores one from another attempt or that no longer fits', () => {
    const progress = createProgressStore('p')
    const store = createQuizStore(quiz, progress)
    const ids = store.$visible.get()
    store.answer(ids[0]!, rightAnswer(ids[0]!))
    store.retry()
    expect(createQuizStore(quiz, createProgressStore('p')).$results.get()).toEqual({})
    // A draft saved for attempt 5 while progress says 0 attempts were finished is stale.
    progress.saveQuizDraft(quiz.lesson, quiz.slug, { attempt: 5, answers: { [ids[0]!]: 'x' } })
    expect(createQuizStore(quiz, createProgressStore('p')).$results.get()).toEqual({})
    // Answers that cannot come from the question's form are dropped; the rest are kept.
    const order = parsed.questions.find((q) => q.type === 'order')!
    const single = parsed.questions.find((q) => q.type === 'single')!
    progress.saveQuizDraft(quiz.lesson, quiz.slug, {
      attempt: 0,
      answers: {
        [order.id]: ['not-a-step'],
        [single.id]: rightAnswer(single.id) as string,
        'no-such-question': 'a',
      },
    })
    expect(Object.keys(createQuizStore(quiz, createProgressStore('p')).$results.get())).toEqual([
      single.id,
    ])
  })
})
