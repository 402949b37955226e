import { lessonStatus } from '../progress/progress-data'
import { progress } from '../stores/progress'

/** A lesson row as the progress page describes it (from `data-lessons`). */
interface LessonRow {
  slug: string
  title: string
  href: string
  exercises: string[]
  quizzes: string[]
}

const statusText = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
}

/**
 * `<progress-panel>`: the Progress page. Fills the table from the progress store, and runs export,
 * import (validated, with a clear error) and reset (after confirmation).
 *
 * @example
 * <progress-panel data-lessons='[{"slug":"welcome","title":"Welcome","href":"/lessons/welcome/","exercises":[],"quizzes":[]}]'>…</progress-panel>
 */
export class ProgressPanelElement extends HTMLElement {
  #unsubscribers: Array<() => void> = []

  connectedCallback() {
    const rows = JSON.parse(this.dataset['lessons'] ?? '[]') as LessonRow[]
    const body = this.querySelector('tbody')
    const message = this.querySelector<HTMLElement>('[data-message]')
    const say = (text: string, tone: 'ok' | 'error') => {
      if (!message) return
      message.textContent = text
      message.dataset['tone'] = tone
    }
    this.querySelector<HTMLElement>('[data-needs-js]')?.removeAttribute('hidden')

    this.#unsubscribers.push(
      progress.$progress.subscribe((value) => {
        if (!body) return
        body.replaceChildren(
          ...rows.map((row) => {
            const lesson = value.lessons[row.slug]
            const tr = document.createElement('tr')
            const status = lessonStatus(lesson, row)
            const passed = row.exercises.filter((slug) => lesson?.exercises[slug]?.passed).length
            const quizCells = row.quizzes.map((slug) => {
              const best = lesson?.quizzes[slug]
              return best
                ? `${Math.round(best.bestScore * 100)}%${best.passed ? ' (passed)' : ''}`
                : 'Not taken'
            })
            const cells = [
              lesson?.visitedAt ? new Date(lesson.visitedAt).toLocaleDateString() : 'Not yet',
              String(lesson?.examplesRun.length ?? 0),
              row.exercises.length ? `${passed} of ${row.exercises.length}` : 'None in lesson',
              quizCells.length ? quizCells.join(', ') : 'None in lesson',
              statusText[status],
            ]
            const th = document.createElement('th')
            th.scope = 'row'
            const link = document.createElement('a')
            link.href = row.href
            link.textContent = row.title
            th.append(link)
            tr.append(th)
            for (const [index, text] of cells.entries()) {
              const td = document.createElement('td')
              td.textContent = text
              if (index === cells.length - 1) td.dataset['status'] = status
              tr.append(td)
            }
            return tr
          }),
        )
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
      const result = progress.importJson(await file.text())
      fileInput.value = ''
      say(
        result.ok ? `Progress imported from ${file.name}.` : result.message,
        result.ok ? 'ok' : 'error',
      )
    })

    this.querySelector('[data-reset]')?.addEventListener('click', () => {
      const sure = confirm(
        'Reset all progress? Your visits, saved code, passed exercises and quiz scores in this browser will be deleted. Export first if you want a copy.',
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
