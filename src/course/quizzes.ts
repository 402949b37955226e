import { getEntry } from 'astro:content'
import { presentQuiz } from '../quiz/engine'
import type { Question, Quiz } from '../schemas/quiz'
import { highlightCode } from './highlight'
import { renderMarkdown } from './markdown'

/** A question with its Markdown rendered, ready for the page. */
export type RenderedQuestion = Question & {
  promptHtml: string
  explanationHtml: string
  codeHtml?: string
  feedbackHtml?: string
  optionsHtml?: Array<{ id: string; html: string; feedbackHtml: string }>
  stepsHtml?: Array<{ id: string; html: string }>
}

/**
 * Load a quiz from the content collection and render its Markdown, at build time.
 *
 * @param slug - the file name under `quizzes/`, without `.yaml`
 * @returns the quiz and its rendered questions
 * @throws when the quiz does not exist, naming it
 * @example
 * const { quiz, questions } = await getQuizForPage('login-manager-practice')
 */
export async function getQuizForPage(
  slug: string,
): Promise<{ quiz: Quiz; questions: RenderedQuestion[] }> {
  const entry = await getEntry('quizzes', slug)
  if (!entry) throw new Error(`<Quiz slug="${slug}" />: there is no quizzes/${slug}.yaml.`)
  const quiz = entry.data
  const inline = (text: string) => renderMarkdown(text, { inline: true })
  // Steps are served as the first attempt shows them (the quiz script uses the same seed), so the
  // page never shows an order question already solved, before its script runs or without it.
  const firstSteps = presentQuiz(quiz, { seed: slug, attempt: 0 }).steps
  const questions = await Promise.all(
    quiz.questions.map(async (question): Promise<RenderedQuestion> => {
      const rendered: RenderedQuestion = {
        ...question,
        promptHtml: await renderMarkdown(question.prompt),
        explanationHtml: await renderMarkdown(question.explanation),
      }
      if (question.type === 'predict') rendered.codeHtml = await highlightCode(question.code, 'ts')
      if (question.type === 'text' && question.feedback)
        rendered.feedbackHtml = await inline(question.feedback)
      if (question.type === 'order') {
        const byId = new Map(question.steps.map((step) => [step.id, step]))
        const order = firstSteps[question.id] ?? question.steps.map((step) => step.id)
        rendered.stepsHtml = await Promise.all(
          order.map(async (id) => ({ id, html: await inline(byId.get(id)?.text ?? '') })),
        )
      } else if (question.type !== 'text') {
        rendered.optionsHtml = await Promise.all(
          question.options.map(async (option) => ({
            id: option.id,
            html: await inline(option.text),
            feedbackHtml: option.feedback ? await inline(option.feedback) : '',
          })),
        )
      }
      return rendered
    }),
  )
  return { quiz, questions }
}
