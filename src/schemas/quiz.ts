import { parse } from 'yaml'
import { z } from 'zod'
import { slug, strictObject } from './strict'

// A quiz file is `quizzes/<slug>.yaml`. The `/** … */` comments on the fields below are the
// authoring documentation; `src/quiz/README.md` shows a worked example of each question type.
// Objects are strict, so a misspelt optional key (`feedbak:`) is an error instead of being ignored.

const id = slug('login-user')

/** Markdown text that must say something. */
const markdown = (what: string, min = 1) =>
  z.string().trim().min(min, `write ${what} (at least ${min} characters)`)

/** A choice in a `single`, `multiple` or `predict` question. */
const optionSchema = strictObject({
  /** Unique within the question; `answer` and `answers` refer to it. Also the form value. */
  id,
  /** What the learner reads (inline Markdown: `code` and *emphasis*, no fences). */
  text: markdown('the option text'),
  /**
   * Why this option is wrong (inline Markdown). Shown when it is picked wrongly, or, in a
   * `multiple` question, when a right option is missed. Give every wrong option one.
   */
  feedback: markdown('the feedback').optional(),
})

const options = z.array(optionSchema).min(2, 'give at least two options')

/** Fields every question has. */
const questionBase = {
  /** Unique within the quiz (lowercase, digits, dashes). Progress and "review mistakes" use it. */
  id,
  /** The question (Markdown; code fences allowed). */
  prompt: markdown('the prompt', 5),
  /** Shown after answering, right or wrong (Markdown). Say why the answer is right. */
  explanation: markdown('an explanation', 5),
}

type Issues = z.core.$RefinementCtx<unknown>

/** Option ids are unique, and every id in `answers` is one of them. */
function checkOptions(
  question: { options: Array<{ id: string; feedback?: string | undefined }> },
  answers: Array<{ id: string; path: PropertyKey[] }>,
  context: Issues,
) {
  const ids = question.options.map((option) => option.id)
  ids.forEach((optionId, index) => {
    if (ids.indexOf(optionId) !== index) {
      context.addIssue({
        code: 'custom',
        path: ['options', index, 'id'],
        message: `"${optionId}" is used by an earlier option; option ids must be unique`,
      })
    }
  })
  const seen = new Set<string>()
  for (const answer of answers) {
    if (!ids.includes(answer.id)) {
      context.addIssue({
        code: 'custom',
        path: answer.path,
        message: `"${answer.id}" is not one of the option ids (${ids.join(', ')})`,
      })
    } else if (seen.has(answer.id)) {
      context.addIssue({
        code: 'custom',
        path: answer.path,
        message: `"${answer.id}" is listed twice`,
      })
    }
    seen.add(answer.id)
  }
}

/** Pick one option. @example singleQuestionSchema.parse(data).answer */
export const singleQuestionSchema = strictObject({
  ...questionBase,
  /** `single`: pick exactly one option. */
  type: z.literal('single'),
  /** The choices. Attempt 1 shows them in this order; retries shuffle them. */
  options,
  /** The id of the one right option. */
  answer: id,
}).superRefine((question, context) => {
  checkOptions(question, [{ id: question.answer, path: ['answer'] }], context)
  rightOptionFeedbackIsNeverShown(question, [question.answer], context)
})

/** Choose all that apply; graded all or nothing, with a verdict and feedback per option. @example multipleQuestionSchema.parse(data).answers */
export const multipleQuestionSchema = strictObject({
  ...questionBase,
  /** `multiple`: choose all that apply. Right only when exactly the `answers` are chosen. */
  type: z.literal('multiple'),
  /**
   * The choices. Give every option `feedback`: a wrong option's is shown when it is chosen, a
   * right option's when it is missed.
   */
  options,
  /** The ids of every right option (at least one). */
  answers: z.array(id).min(1, 'list at least one right option'),
}).superRefine((question, context) => {
  checkOptions(
    question,
    question.answers.map((answer, index) => ({ id: answer, path: ['answers', index] })),
    context,
  )
})

/** Type a short answer, compared with `accept` after normalising (see `src/quiz/README.md`). @example textQuestionSchema.parse(data).accept */
export const textQuestionSchema = strictObject({
  ...questionBase,
  /** `text`: type a short answer, such as a function call or an expression. */
  type: z.literal('text'),
  /**
   * Every accepted answer, written as you would in code: `currentUser(c)`, `c.var.currentUser`.
   * Case, spaces, a trailing `;`, a leading `await` and surrounding backticks never matter. The
   * first one is shown as the answer after a wrong try.
   */
  accept: z.array(markdown('an accepted answer')).min(1, 'list at least one accepted answer'),
  /** Whether case matters: `true` makes `CurrentUser` differ from `currentUser` (default false). */
  caseSensitive: z.boolean().default(false),
  /**
   * Whether an accepted call may also be written without its arguments (default true): with
   * `currentUser(c)` accepted, `currentUser()` and `currentUser` are right too, but
   * `currentUser(x)` is not. Only plain-name arguments may be left out (`c.get('x')` still needs
   * its `'x'`). An accepted answer without parentheses never matches one with them.
   */
  allowCall: z.boolean().default(true),
  /** Shown after a wrong answer (inline Markdown): a hint, not the answer. */
  feedback: markdown('the feedback').optional(),
})

/** One request in a `predict` question: display data only, nothing is sent. */
const requestSchema = strictObject({
  /** The HTTP method. */
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
  /** The path and query, e.g. `/dashboard?tab=1`. */
  path: z.string().startsWith('/', 'a request path starts with "/"'),
  /** A form or JSON body, shown as written. */
  body: z.string().optional(),
  /** Context shown beside the request, e.g. "with the cookies from the login". */
  note: z.string().optional(),
})

/** Read code and requests, then predict something about the last response. @example predictQuestionSchema.parse(data).ask */
export const predictQuestionSchema = strictObject({
  ...questionBase,
  /** `predict`: predict what the server answers. */
  type: z.literal('predict'),
  /** The server code the learner reads (TypeScript, shown highlighted). */
  code: markdown('the code'),
  /** The requests sent, in order; the question is about the response to the last one. */
  requests: z.array(requestSchema).min(1, 'list at least one request'),
  /** What to predict about the last response: its status, its `Location` or its cookies. */
  ask: z.enum(['status', 'location', 'set-cookie']),
  /** The possible predictions. Attempt 1 shows them in this order; retries shuffle them. */
  options,
  /** The id of the right prediction. */
  answer: id,
}).superRefine((question, context) => {
  checkOptions(question, [{ id: question.answer, path: ['answer'] }], context)
  rightOptionFeedbackIsNeverShown(question, [question.answer], context)
})

/** One step of an `order` question. */
const stepSchema = strictObject({
  /** Unique within the question; the learner's answer is a list of these ids. */
  id,
  /** What the step says (inline Markdown). */
  text: markdown('the step text'),
})

/** Put steps in order; graded on the exact order, with a verdict per position. @example orderQuestionSchema.parse(data).steps */
export const orderQuestionSchema = strictObject({
  ...questionBase,
  /** `order`: put the steps in order. Learners move them with buttons or the keyboard. */
  type: z.literal('order'),
  /** The steps, listed in the RIGHT order. Learners always see them shuffled, never solved. */
  steps: z.array(stepSchema).min(2, 'give at least two steps'),
  /** Shown after a wrong order (inline Markdown), after the per-step hints. */
  feedback: markdown('the feedback').optional(),
}).superRefine((question, context) => {
  const ids = question.steps.map((step) => step.id)
  ids.forEach((stepId, index) => {
    if (ids.indexOf(stepId) !== index) {
      context.addIssue({
        code: 'custom',
        path: ['steps', index, 'id'],
        message: `"${stepId}" is used by an earlier step; step ids must be unique`,
      })
    }
  })
})

/** The right option of a single-answer question is never shown its feedback: say so early. */
function rightOptionFeedbackIsNeverShown(
  question: { options: Array<{ id: string; feedback?: string | undefined }> },
  answers: string[],
  context: Issues,
) {
  question.options.forEach((option, index) => {
    if (answers.includes(option.id) && option.feedback !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['options', index, 'feedback'],
        message: `"${option.id}" is the right answer, so its feedback is never shown; move it into the explanation`,
      })
    }
  })
}

/** The question types, in the order the docs list them. @example questionTypes.includes('order') // true */
export const questionTypes = ['single', 'multiple', 'text', 'predict', 'order'] as const

/**
 * One quiz question: a union on `type` (`single`, `multiple`, `text`, `predict` or `order`).
 *
 * @example
 * questionSchema.parse({
 *   id: 'q', type: 'single', prompt: 'Which one?', explanation: 'Because it is.',
 *   options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B', feedback: 'Not B.' }], answer: 'a',
 * })
 */
export const questionSchema = z.discriminatedUnion(
  'type',
  [
    singleQuestionSchema,
    multipleQuestionSchema,
    textQuestionSchema,
    predictQuestionSchema,
    orderQuestionSchema,
  ],
  { error: () => `type must be one of ${questionTypes.join(', ')}` },
)

/**
 * A quiz file, `quizzes/<slug>.yaml`. The file name (without `.yaml`) is the quiz's slug.
 *
 * @example
 * import { parse } from 'yaml'
 * quizSchema.parse(parse(readFileSync('quizzes/login-manager-practice.yaml', 'utf8')))
 */
export const quizSchema = strictObject({
  /** Shown as the quiz's heading. */
  title: markdown('a title', 3),
  /** The slug of the lesson the quiz belongs to, e.g. `the-login-manager`. */
  lesson: id,
  /** One or two sentences shown before the first question (inline Markdown). */
  description: z.string().optional(),
  /** The share of right answers needed to pass, from 0 to 1 (default 0.8: 8 of 10 passes). */
  passThreshold: z
    .number()
    .min(0, 'passThreshold is a share from 0 to 1, e.g. 0.8')
    .max(1, 'passThreshold is a share from 0 to 1, e.g. 0.8 (not 80)')
    .default(0.8),
  /** The questions. Attempt 1 shows them in this order; retries shuffle them. */
  questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
}).superRefine((quiz, context) => {
  const ids = quiz.questions.map((question) => question.id)
  ids.forEach((questionId, index) => {
    if (ids.indexOf(questionId) !== index) {
      context.addIssue({
        code: 'custom',
        path: ['questions', index, 'id'],
        message: `"${questionId}" is used by an earlier question (questions.${ids.indexOf(questionId)}); question ids must be unique`,
      })
    }
  })
})

/** A validated quiz, defaults filled in. @example const quiz: Quiz = quizSchema.parse(data) */
export type Quiz = z.output<typeof quizSchema>
/** A quiz as written in a file, before defaults. @example const input: QuizInput = { title: 'Quiz', lesson: 'x', questions: [] } */
export type QuizInput = z.input<typeof quizSchema>
/** A validated question of any type. @example const question: Question = quiz.questions[0]! */
export type Question = z.output<typeof questionSchema>
/** A question's `type`. @example const type: QuestionType = 'order' */
export type QuestionType = Question['type']
/** A question of one type. @example const order: QuestionOfType<'order'> = question as QuestionOfType<'order'> */
export type QuestionOfType<T extends QuestionType> = Extract<Question, { type: T }>
/** An option of a `single`, `multiple` or `predict` question. @example const option: QuizOption = { id: 'a', text: 'A' } */
export type QuizOption = z.output<typeof optionSchema>

/**
 * Parse and validate a quiz file's YAML text, for tests and the authoring CLI. Astro's content
 * collection uses `quizSchema` directly.
 *
 * @param fileName - used in messages, e.g. `quizzes/practice.yaml`
 * @param text - the file's text
 * @returns the quiz, with defaults filled in
 * @throws an Error naming the file and each bad field, one per line, e.g.
 *   `quizzes/x.yaml: questions.3.answer: "c" is not one of the option ids (a, b)`
 * @example
 * const quiz = parseQuizFile('quizzes/practice.yaml', readFileSync('quizzes/practice.yaml', 'utf8'))
 * quiz.questions.length // 14
 */
export function parseQuizFile(fileName: string, text: string): Quiz {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    throw new Error(
      `${fileName}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  const result = quizSchema.safeParse(data, {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined
        ? `is required (expected ${issue.expected})`
        : undefined,
  })
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) =>
        `${fileName}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`,
    )
    throw new Error(lines.join('\n'), { cause: result.error })
  }
  return result.data
}
