import { parse } from 'yaml'
import { z } from 'zod'

const id = z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes')

/** A choice in a single-choice, multiple-select or predict question. */
const optionSchema = z.object({
  /** Unique within the question; answers refer to it. */
  id,
  /** What the learner reads (Markdown, inline). */
  text: z.string().min(1),
  /** Shown when this option is picked wrongly, or (multiple select) missed. */
  feedback: z.string().optional(),
})

const base = {
  /** Unique within the quiz; progress and "review mistakes" refer to it. */
  id,
  /** The question (Markdown; code fences allowed). */
  prompt: z.string().min(5),
  /** Shown after answering, right or wrong (Markdown). */
  explanation: z.string().min(5),
}

/** Pick one option. */
const singleSchema = z.object({
  ...base,
  type: z.literal('single'),
  /** The choices, shown in a shuffled order on retries. */
  options: z.array(optionSchema).min(2),
  /** The id of the right option. */
  answer: id,
})

/** Choose all that apply; graded all or nothing, with feedback per option. */
const multipleSchema = z.object({
  ...base,
  type: z.literal('multiple'),
  options: z.array(optionSchema).min(2),
  /** The ids of every right option. */
  answers: z.array(id).min(1, 'list at least one right option'),
})

/** Type a short answer; compared after normalising case, spaces and call syntax. */
const textSchema = z.object({
  ...base,
  type: z.literal('text'),
  /** Accepted answers, e.g. `currentUser(c)`. */
  accept: z.array(z.string().min(1)).min(1),
  /** Compare case exactly (default false). */
  caseSensitive: z.boolean().default(false),
  /** Treat `name`, `name()`, `name(c)` and `await name(c)` alike (default true). */
  allowCall: z.boolean().default(true),
  /** Shown for a wrong answer. */
  feedback: z.string().optional(),
})

/** Given code and requests, predict what comes back. */
const predictSchema = z.object({
  ...base,
  type: z.literal('predict'),
  /** The server code the learner reads (TypeScript). */
  code: z.string().min(1),
  /** The requests sent, in order. */
  requests: z
    .array(
      z.object({
        method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
        path: z.string().startsWith('/'),
        /** A form or JSON body, shown as text. */
        body: z.string().optional(),
        /** Context, e.g. "with the cookies from the login". */
        note: z.string().optional(),
      }),
    )
    .min(1),
  /** What to predict about the last response. */
  ask: z.enum(['status', 'location', 'set-cookie']),
  options: z.array(optionSchema).min(2),
  answer: id,
})

/** Put steps in order; graded on the exact order, with feedback per position. Works by keyboard. */
const orderSchema = z.object({
  ...base,
  type: z.literal('order'),
  /** The steps, listed in the right order; learners see them shuffled. */
  steps: z.array(z.object({ id, text: z.string().min(1) })).min(2),
})

/**
 * One quiz question: a union on `type`.
 *
 * @example
 * questionSchema.parse({ id: 'q', type: 'single', prompt: 'Which?', explanation: 'Because.', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'a' })
 */
export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  textSchema,
  predictSchema,
  orderSchema,
])

/**
 * A quiz file in `quizzes/<slug>.yaml`.
 *
 * @example
 * quizSchema.parse(parse(readFileSync('quizzes/login-manager-practice.yaml', 'utf8')))
 */
export const quizSchema = z
  .object({
    /** Shown above the quiz. */
    title: z.string().min(3),
    /** The slug of the lesson the quiz belongs to. */
    lesson: id,
    /** One or two sentences shown before the first question. */
    description: z.string().optional(),
    /** The share of right answers needed to pass, from 0 to 1 (default 0.8). */
    passThreshold: z.number().min(0).max(1).default(0.8),
    /** The questions, in order. */
    questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
  })
  .superRefine((quiz, context) => {
    const seen = new Set<string>()
    quiz.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `"${question.id}" is used by an earlier question`,
        })
      }
      seen.add(question.id)
      if (question.type === 'order') {
        const steps = question.steps.map((s) => s.id)
        if (new Set(steps).size !== steps.length) {
          context.addIssue({
            code: 'custom',
            path: ['questions', index, 'steps'],
            message: 'step ids must be unique',
          })
        }
        return
      }
      if (question.type === 'text') return
      const ids = question.options.map((option) => option.id)
      if (new Set(ids).size !== ids.length) {
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'options'],
          message: 'option ids must be unique',
        })
      }
      const answers = question.type === 'multiple' ? question.answers : [question.answer]
      answers.forEach((answer, answerIndex) => {
        if (!ids.includes(answer)) {
          context.addIssue({
            code: 'custom',
            path:
              question.type === 'multiple'
                ? ['questions', index, 'answers', answerIndex]
                : ['questions', index, 'answer'],
            message: `"${answer}" is not one of the option ids (${ids.join(', ')})`,
          })
        }
      })
    })
  })

/** A validated quiz. @example const quiz: Quiz = quizSchema.parse(data) */
export type Quiz = z.infer<typeof quizSchema>
/** A validated question. @example const q: Question = quiz.questions[0]! */
export type Question = z.infer<typeof questionSchema>

/**
 * Parse and validate a quiz file's YAML text. The error names the file and the field.
 *
 * @param fileName - for the message, e.g. `quizzes/practice.yaml`
 * @param text - the file's text
 * @returns the quiz
 * @example
 * parseQuizFile('quizzes/practice.yaml', text).questions.length
 */
export function parseQuizFile(fileName: string, text: string): Quiz {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    throw new Error(
      `${fileName}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const result = quizSchema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(
      `${fileName}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`,
    )
  }
  return result.data
}
