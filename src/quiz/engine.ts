/**
 * The quiz engine: grading, text normalisation, seeded shuffling and scoring; one attempt's state
 * lives in `src/stores/quiz.ts`. Pure TypeScript with no DOM and no Astro, so it runs in Node tests, at build time and in
 * the page. Stores and elements import from here.
 *
 * @example
 * import { gradeQuestion, presentQuiz, scoreQuiz } from '../quiz/engine'
 */
export {
  gradeQuestion,
  normaliseTextAnswer,
  responseFits,
  textAnswerMatches,
  type GradedAnswer,
  type OptionState,
  type PositionResult,
  type QuizResponse,
  type ResponseByType,
  type ResponseFor,
  type TextAnswerOptions,
} from './grade'
export { createRng, shuffle, type Seed } from './shuffle'
export { presentOnly, presentQuiz, type PresentOptions, type Presentation } from './present'
export {
  mistakesOf,
  passMark,
  percentOf,
  scoreQuiz,
  type PassMark,
  type QuizResults,
  type QuizScore,
} from './score'
