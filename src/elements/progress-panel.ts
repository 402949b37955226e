import { summarizeProgress, type ProgressSummary } from '../progress/progress-data'
import type { ExerciseProgress, LessonProgress, QuizProgress } from '../schemas/progress'
import { progress } from '../stores/progress'

/** How many of something, in words: `1 quiz`, `2 quizzes`. */
function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * What an import or a reset would replace, in words, or `''` when there is nothing to lose.
 *
 * @param summary - from {@link summarizeProgress}
 * @returns e.g. `2 lessons visited, 1 example run, 1 exercise and 1 quiz`
 */
function describeLoss(summary: ProgressSummary): string {
  const parts = [
    summary.visited && count(summary.visited, 'lesson visited', 'lessons visited'),
    summary.examplesRun && count(summary.examplesRun, 'example run', 'examples run'),
    summary.exercises &&
      count(summary.exercises, 'exercise with saved code', 'exercises with saved code'),
    summary.quizzes && count(summary.quizzes, 'quiz score', 'quiz scores'),
  ].filter((part): part is string => Boolean(part))
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

const date = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : ''

/** The state text of one item, and whether it counts as done. */
const describe = {
  examples: (lesson: LessonProgress | undefined, slug: string) =>
    lesson?.examplesRun.includes(slug) ? { text: 'Run', done: true } : { text: 'Not run yet' },
  exercises: (lesson: LessonProgress | undefined, slug: string) => {
    const exercise: ExerciseProgress | undefined = lesson?.exercises[slug]
    if (exercise?.passed) {
      const when = date(exercise.passedAt)
      const passed = exercise.passedAfterSolution ? 'Passed after viewing the solution' : 'Passed'
      return { text: when ? `${passed} on ${when}` : passed, done: true }
    }
    return { text: exercise ? 'Started, not passed yet' : 'Not started' }
  },
  quizzes: (lesson: LessonProgress | undefined, slug: string) => {
    const quiz: QuizProgress | undefined = lesson?.quizzes[slug]
    if (!quiz) return { text: 'Not taken yet' }
    const score = `Best score ${Math.round(quiz.bestScore * 100)}%${quiz.passed ? ', passed' : ''}`
    return { text: `${score} · ${count(quiz.attempts, 'attempt', 'attempts')}`, done: quiz.passed }
  },
}

/** A `<details>` showing the code that first passed an exercise, file by file. */
function passingCodeDetails(
  files: Record<string, string>,
  exerciseName: string,
  signature: string,
) {
  const details = document.createElement('details')
  details.dataset['passingCode'] = signature
  const summary = document.createElement('summary')
  summary.textContent = 'Show the passing code'
  const label = document.createElement('span')
  label.className = 'visually-hidden'
  label.textContent = ` for ${exerciseName}`
  summary.append(label)
  details.append(summary)
  for (const [path, text] of Object.entries(files)) {
    const name = document.createElement('p')
    name.className = 'file-name'
    name.textContent = path
    const pre = document.createElement('pre')
    pre.tabIndex = 0
    pre.setAttribute('aria-label', `${path}, passing code`)
    const code = document.createElement('code')
    code.textContent = text
    pre.append(code)
    details.append(name, pre)
  }
  return details
}

/**
 * `<progress-panel>`: the Progress page. The page renders a card per lesson naming its examples,
 * exercises and quizzes; this element fills in what the store knows (visit date, examples run,
 * exercises passed with their passing code, quiz best scores and attempts, and anything recorded
 * that the lesson no longer lists), and runs export, import (validated, and confirmed before it
 * replaces anything) and reset (after confirmation).
 *
 * @example
 * <progress-panel><ol><li data-lesson="welcome">…<span data-visited></span>…</li></ol>…</progress-panel>
 */
export class ProgressPanelElement extends HTMLElement {
  #unsubscribers: Array<() => void> = []

  connectedCallback() {
    const message = this.querySelector<HTMLElement>('[data-message]')
    const say = (text: string, tone: 'ok' | 'error') => {
      if (!message) return
      message.textContent = text
      message.dataset['tone'] = tone
    }

    this.#unsubscribers.push(
      progress.$progress.subscribe((value) => {
        for (const card of this.querySelectorAll<HTMLElement>('[data-lesson]')) {
          this.#fill(card, value.lessons[card.dataset['lesson'] ?? ''])
        }
      }),
    )

    this.querySelector('[data-export]')?.addEventListener('click', () => {
      download(
        `signed-in-progress-${new Date().toISOString().slice(0, 10)}.json`,
        progress.exportJson(),
      )
      say('Your progress was downloaded as a JSON file.', 'ok')
    })

    const fileInput = this.querySelector<HTMLInputElement>('[data-import]')
    fileInput?.addEventListener('change', async () => {
      const file = fileInput.files?.[0]
      if (!file) return
      const text = await file.text()
      fileInput.value = ''
      const check = progress.checkImport(text)
      if (!check.ok) {
        say(check.message, 'error')
        return
      }
      const loss = describeLoss(check.replaces)
      const incoming = describeLoss(check.brings) || 'empty record'
      if (
        loss &&
        !confirm(
          `Replace the progress in this browser with ${file.name}?\n\nThis browser's ${loss} will be replaced by the file's ${incoming}. Export first if you want to keep a copy.`,
        )
      ) {
        say('Import cancelled. Nothing was changed.', 'ok')
        return
      }
      const result = progress.importJson(text)
      say(
        result.ok ? `Progress imported from ${file.name}.` : result.message,
        result.ok ? 'ok' : 'error',
      )
    })

    this.querySelector('[data-reset]')?.addEventListener('click', () => {
      const loss = describeLoss(summarizeProgress(progress.$progress.get()))
      const sure = confirm(
        `Reset all progress? ${loss ? `This browser's ${loss} will be deleted` : 'Everything this browser remembers will be deleted'}, with your saved code. Export first if you want a copy.`,
      )
      if (!sure) return
      progress.reset()
      say('All progress was reset.', 'ok')
    })

    const unreadable = this.querySelector<HTMLElement>('[data-unreadable]')
    this.#unsubscribers.push(
      progress.$unreadableCopy.subscribe((copy) => {
        if (unreadable) unreadable.hidden = copy === ''
      }),
    )
    this.querySelector('[data-download-unreadable]')?.addEventListener('click', () =>
      download('signed-in-unreadable-progress.txt', progress.$unreadableCopy.get()),
    )
    this.querySelector('[data-discard-unreadable]')?.addEventListener('click', () =>
      progress.discardUnreadableCopy(),
    )
  }

  /** Show one lesson's saved progress in its card. */
  #fill(card: HTMLElement, lesson: LessonProgress | undefined) {
    const visited = card.querySelector('[data-visited]')
    if (visited) visited.textContent = lesson?.visitedAt ? date(lesson.visitedAt) : 'Not yet'
    const recorded = {
      examples: lesson?.examplesRun ?? [],
      exercises: Object.keys(lesson?.exercises ?? {}),
      quizzes: Object.keys(lesson?.quizzes ?? {}),
    }
    for (const kind of ['examples', 'exercises', 'quizzes'] as const) {
      const list = card.querySelector<HTMLElement>(`[data-list="${kind}"]`)
      if (!list) continue
      // Something recorded that the lesson no longer lists (renamed or moved) is still shown.
      for (const slug of recorded[kind]) {
        if (list.querySelector(`[data-item="${CSS.escape(slug)}"]`)) continue
        const item = document.createElement('li')
        item.dataset['item'] = slug
        item.dataset['extra'] = ''
        const name = document.createElement('span')
        name.className = 'name'
        name.textContent = slug
        const state = document.createElement('span')
        state.className = 'state'
        state.dataset['state'] = ''
        item.append(name, ' ', state)
        list.append(item)
        list.parentElement?.querySelector('.none')?.setAttribute('hidden', '')
      }
      for (const item of list.querySelectorAll<HTMLElement>('[data-item]')) {
        const slug = item.dataset['item'] ?? ''
        if (item.hasAttribute('data-extra') && !recorded[kind].includes(slug)) {
          item.remove()
          continue
        }
        const { text, done } = describe[kind](lesson, slug)
        const state = item.querySelector<HTMLElement>('[data-state]')
        if (state) {
          state.textContent = text
          state.toggleAttribute('data-done', Boolean(done))
        }
        // Rebuilt only when the code changes, so an open <details> stays open.
        const code = kind === 'exercises' ? lesson?.exercises[slug]?.passingCode : undefined
        const shown = item.querySelector<HTMLElement>('[data-passing-code]')
        const signature = code ? JSON.stringify(code) : ''
        if ((shown?.dataset['passingCode'] ?? '') === signature) continue
        shown?.remove()
        if (code) {
          const name = item.querySelector('.name')?.textContent ?? slug
          item.append(passingCodeDetails(code, name, signature))
        }
      }
      if (!list.querySelector('[data-item]')) {
        list.parentElement?.querySelector('.none')?.removeAttribute('hidden')
      }
    }
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribers) unsubscribe()
    this.#unsubscribers = []
  }
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

if (!customElements.get('progress-panel'))
  customElements.define('progress-panel', ProgressPanelElement)
