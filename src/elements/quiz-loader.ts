import { pageSchedule } from '../stores/warmup'

/**
 * Loads `<quiz-form>` (its store and grading) on the first sign of interest in a quiz, pointer or
 * focus, or at idle after the page has loaded, whichever comes first, so a lesson page does not
 * pay for its quiz before anyone looks at it. Until then the form's buttons stay disabled, as
 * they are without JavaScript.
 *
 * @returns when the element is defined
 * @example
 * await loadQuizForms()
 */
export function loadQuizForms(): Promise<unknown> {
  loading ??= import('./quiz-form')
  return loading
}
let loading: Promise<unknown> | undefined

for (const quiz of document.querySelectorAll('quiz-form'))
  for (const type of ['pointerenter', 'focusin'])
    quiz.addEventListener(type, () => void loadQuizForms(), { once: true })
pageSchedule.afterLoadWhenIdle(() => void loadQuizForms())
