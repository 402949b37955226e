import type { Question, QuestionType } from '../schemas/quiz'

/**
 * The learner's answer to each question type: an option id (`single`, `predict`), the chosen
 * option ids (`multiple`), the typed text (`text`) or the step ids in the learner's order (`order`).
 *
 * @example
 * const answer: ResponseByType['order'] = ['read-form', 'find-user']
 */
export interface ResponseByType {
  single: string
  predict: string
  multiple: readonly string[]
  text: string
  order: readonly string[]
}

/** A learner's answer to any question. @example const response: QuizResponse = ['a', 'c'] */
export type QuizResponse = ResponseByType[QuestionType]

/** The answer a question of this type takes. @example const r: ResponseFor<OrderQuestion> = ['a', 'b'] */
export type ResponseFor<Q extends Question> = ResponseByType[Q['type']]

/**
 * What happened to one option: chosen and right, chosen and wrong, right but not chosen, or
 * neither.
 *
 * @example
 * gradeQuestion(question, 'b').perOption // { a: 'missed', b: 'chosen-wrong', c: 'not-chosen' }
 */
export type OptionState = 'chosen-right' | 'chosen-wrong' | 'missed' | 'not-chosen'

/** One position of an `order` answer. @example gradeQuestion(order, ['b', 'a']).positions?.[0]?.belongsAt // 1 */
export interface PositionResult {
  /** The step the learner put here, or null when the answer was too short. */
  stepId: string | null
  /** The step that belongs here. */
  expectedStepId: string
  correct: boolean
  /** Where the learner's step belongs (0-based), or null for an unknown or missing step. */
  belongsAt: number | null
}

/** How one answer was graded. @example const { correct, explanation, feedback }: GradedAnswer = gradeQuestion(question, 'a') */
export interface GradedAnswer {
  questionId: string
  correct: boolean
  /** The question's explanation (Markdown), shown whether the answer was right or wrong. */
  explanation: string
  /** Feedback for what went wrong (Markdown), in the order the options or steps are listed. */
  feedback: string[]
  /** `single`, `multiple`, `predict`: every option's state, by option id. */
  perOption?: Record<string, OptionState>
  /** `order`: whether each position holds the right step. */
  perPosition?: boolean[]
  /** `order`: each position in detail, to say where a misplaced step belongs. */
  positions?: PositionResult[]
}

/** How a `text` question compares answers. Both default as in the schema. @example textAnswerMatches('X', 'x', { caseSensitive: true }) // false */
export interface TextAnswerOptions {
  /** Whether case matters (default false). */
  caseSensitive?: boolean
  /** Whether an accepted call may be written without its arguments (default true). */
  allowCall?: boolean
}

// Spaces next to these never matter: `currentUser( c )` is `currentUser(c)`.
const PUNCTUATION = /\s*([()[\]{},.;:=<>!?|&+\-*/])\s*/g

/**
 * Bring a typed answer to a canonical form: trim; drop surrounding backticks; drop trailing
 * semicolons; fold runs of whitespace to one space; drop spaces next to punctuation; make `"` and
 * `` ` `` quotes `'`; drop a leading `await`; and lower-case unless `caseSensitive`. Calls are
 * kept: whether `currentUser` matches `currentUser(c)` is decided by {@link textAnswerMatches}.
 *
 * @param text - what the learner (or the author, in `accept`) wrote
 * @param options - `caseSensitive` (default false)
 * @returns the canonical form; the empty string for a blank answer
 * @example
 * normaliseTextAnswer('  await currentUser( c ); ') // 'currentuser(c)'
 * normaliseTextAnswer('`c.var.currentUser`') // 'c.var.currentuser'
 * normaliseTextAnswer('Secret', { caseSensitive: true }) // 'Secret'
 */
export function normaliseTextAnswer(
  text: string,
  options: Pick<TextAnswerOptions, 'caseSensitive'> = {},
): string {
  let value = text.trim()
  const fenced = /^`+([^`]*)`+$/.exec(value)
  if (fenced) value = (fenced[1] ?? '').trim()
  value = value
    .replace(/[\s;]+$/, '')
    .replace(/\s+/g, ' ')
    .replace(PUNCTUATION, '$1')
    .replace(/["`]/g, "'")
  if (!options.caseSensitive) value = value.toLowerCase()
  return value.replace(/^await(?: |(?=\())/, '')
}

/**
 * Split a canonical answer that ends in a call into the callee and its arguments:
 * `c.get('x')` → `{ callee: 'c.get', args: "'x'" }`. Null when it does not end in a call.
 */
function splitCall(value: string): { callee: string; args: string } | null {
  if (!value.endsWith(')')) return null
  let depth = 0
  for (let index = value.length - 1; index >= 0; index--) {
    const char = value[index]
    if (char === ')') depth++
    else if (char === '(' && --depth === 0) {
      const callee = value.slice(0, index)
      // `(a)` alone is grouping, not a call: the callee must end in a name, `]` or `)`.
      return /[\w$\])]$/.test(callee) ? { callee, args: value.slice(index + 1, -1) } : null
    }
  }
  return null
}

/**
 * Whether a typed answer matches one accepted answer. Both are normalised
 * ({@link normaliseTextAnswer}); then they must be equal, or, with `allowCall` (the default) and an
 * accepted call whose arguments are plain names, the answer may be the bare callee or the callee
 * with empty parentheses. So with `currentUser(c)` accepted, `await currentUser(c);`,
 * `currentUser()` and `currentUser` match, and `currentUser(x)` does not. Literal arguments always
 * count: `c.get('currentUser')` is not matched by `c.get`. An accepted answer without parentheses
 * (`c.var.currentUser`) matches only without them.
 *
 * @param given - what the learner typed
 * @param accepted - one entry of the question's `accept`
 * @param options - `caseSensitive` (default false), `allowCall` (default true)
 * @returns true when they match; never for a blank answer
 * @example
 * textAnswerMatches('currentUser', 'currentUser(c)') // true
 * textAnswerMatches('currentUser', 'currentUser(c)', { allowCall: false }) // false
 */
export function textAnswerMatches(
  given: string,
  accepted: string,
  options: TextAnswerOptions = {},
): boolean {
  const answer = normaliseTextAnswer(given, options)
  const target = normaliseTextAnswer(accepted, options)
  if (answer === '') return false
  if (answer === target) return true
  if (!(options.allowCall ?? true)) return false
  const call = splitCall(target)
  // Only plain names may be left out (`c`, `c, user`): a literal such as `'currentUser'` says
  // what is asked for, so `c.get` alone is not `c.get('currentUser')`.
  if (call === null || !/^(?:[\w$.]+(?:,[\w$.]+)*)?$/.test(call.args)) return false
  return answer === call.callee || answer === `${call.callee}()`
}

/**
 * Whether a response could have come from this question's form: one of its option ids, a set of
 * them, non-blank text, or its steps in some order. Saved answers are checked with it before they
 * are graded again, so a stale or tampered one is dropped instead of shown as a strange verdict.
 *
 * @param question - the question
 * @param response - a response of unknown origin (saved progress)
 * @returns true when the response fits the question
 * @example
 * responseFits(orderQuestion, ['b', 'a']) // true when the question's steps are a and b
 * responseFits(orderQuestion, ['a']) // false: a step is missing
 */
export function responseFits(question: Question, response: unknown): response is QuizResponse {
  const isIds = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string')
  switch (question.type) {
    case 'single':
    case 'predict':
      return question.options.some((option) => option.id === response)
    case 'multiple':
      return (
        isIds(response) &&
        response.length > 0 &&
        new Set(response).size === response.length &&
        response.every((id) => question.options.some((option) => option.id === id))
      )
    case 'text':
      return typeof response === 'string' && response.trim() !== ''
    case 'order':
      return (
        isIds(response) &&
        response.length === question.steps.length &&
        question.steps.every((step) => response.includes(step.id))
      )
  }
}

/**
 * Grade one answer. A response of the wrong shape (a string for a `multiple` question, say) is
 * graded as wrong, never thrown on, so a UI slip cannot crash the page.
 *
 * @param question - the question, as validated by the schema
 * @param response - the learner's answer; see {@link ResponseByType}
 * @returns whether it is right, the explanation, feedback for what went wrong, and per option
 *   (`single`, `multiple`, `predict`) or per position (`order`) detail
 * @example
 * const graded = gradeQuestion(question, 'login-user')
 * graded.correct // true
 * gradeQuestion(orderQuestion, ['b', 'a']).perPosition // [false, false]
 */
export function gradeQuestion<Q extends Question>(
  question: Q,
  response: ResponseFor<Q>,
): GradedAnswer
export function gradeQuestion(question: Question, response: QuizResponse): GradedAnswer {
  const base = { questionId: question.id, explanation: question.explanation }
  switch (question.type) {
    case 'single':
    case 'predict': {
      const chosen = typeof response === 'string' ? response : null
      return gradeChoices(
        base,
        question.options,
        chosen === null ? [] : [chosen],
        [question.answer],
        false,
      )
    }
    case 'multiple': {
      const chosen = typeof response === 'string' ? [response] : response
      return gradeChoices(base, question.options, chosen, question.answers, true)
    }
    case 'text': {
      const options = { caseSensitive: question.caseSensitive, allowCall: question.allowCall }
      const given = typeof response === 'string' ? response : ''
      const correct = question.accept.some((accepted) =>
        textAnswerMatches(given, accepted, options),
      )
      const feedback = !correct && question.feedback !== undefined ? [question.feedback] : []
      return { ...base, correct, feedback }
    }
    case 'order': {
      const order = typeof response === 'string' ? [] : response
      const rightIds = question.steps.map((step) => step.id)
      const positions = question.steps.map((step, index): PositionResult => {
        const stepId = order[index] ?? null
        const belongsAt = stepId === null ? -1 : rightIds.indexOf(stepId)
        return {
          stepId,
          expectedStepId: step.id,
          correct: stepId === step.id,
          belongsAt: belongsAt === -1 ? null : belongsAt,
        }
      })
      const correct = order.length === rightIds.length && positions.every((p) => p.correct)
      const feedback = correct
        ? []
        : positions.flatMap((position, index) => {
            const step = question.steps[position.belongsAt ?? -1]
            if (position.correct || !step) return []
            return [
              `Step ${index + 1}, “${step.text}”, belongs at step ${position.belongsAt! + 1}.`,
            ]
          })
      if (!correct && question.feedback !== undefined) feedback.push(question.feedback)
      return {
        ...base,
        correct,
        feedback,
        perPosition: positions.map((position) => position.correct),
        positions,
      }
    }
  }
}

/** Grade chosen option ids against the right ones: all or nothing, with a state per option. */
function gradeChoices(
  base: Pick<GradedAnswer, 'questionId' | 'explanation'>,
  options: ReadonlyArray<{ id: string; feedback?: string | undefined }>,
  chosenIds: readonly string[],
  rightIds: readonly string[],
  explainMissed: boolean,
): GradedAnswer {
  const chosen = new Set(chosenIds)
  const right = new Set(rightIds)
  const perOption: Record<string, OptionState> = {}
  const feedback: string[] = []
  for (const option of options) {
    const state: OptionState = chosen.has(option.id)
      ? right.has(option.id)
        ? 'chosen-right'
        : 'chosen-wrong'
      : right.has(option.id)
        ? 'missed'
        : 'not-chosen'
    perOption[option.id] = state
    if (state === 'chosen-wrong' && option.feedback !== undefined) feedback.push(option.feedback)
    // In a single choice the right option is revealed anyway; in a multiple select, say why it
    // should have been chosen.
    if (state === 'missed' && explainMissed && option.feedback !== undefined)
      feedback.push(option.feedback)
  }
  // Unknown ids (not among the options) make the answer wrong too.
  const correct =
    [...chosen].every((optionId) => right.has(optionId)) &&
    rightIds.every((optionId) => chosen.has(optionId))
  return { ...base, correct, feedback, perOption }
}
