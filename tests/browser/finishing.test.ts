import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { lastUpdated } from '../../src/course/last-updated'
import { builtPages } from './pages'
import { useSeededPages } from './seeded-page'

const { newPage } = useSeededPages()

/** Code blocks whose content is cut off: wider or taller than a box that does not let it show. */
const clippedCode = (page: Page) =>
  page.$$eval('pre', (blocks) =>
    blocks
      .filter((pre) => pre.getClientRects().length > 0)
      .filter((pre) => {
        const { overflowX, overflowY } = getComputedStyle(pre)
        return (
          (overflowX !== 'visible' && pre.scrollWidth > pre.clientWidth + 1) ||
          (overflowY !== 'visible' && pre.scrollHeight > pre.clientHeight + 1) ||
          pre.scrollWidth > pre.clientWidth + 1
        )
      })
      .map((pre) => (pre.textContent ?? '').slice(0, 40)),
  )

describe('printing a lesson', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`leaves out navigation and controls, prints code whole, on white (${theme} theme)`, async () => {
      const { page, errors } = await newPage({ theme, width: 375 })
      // A lesson with exercises of several files, long code lines and a link in its text.
      await page.goto('/lessons/signed-cookies-and-the-secret/')
      await page.waitForFunction(() => customElements.get('exercise-panel'))
      // On a phone screen some code scrolls sideways, and the exercise's other files sit behind tabs.
      expect((await clippedCode(page)).length).toBeGreaterThan(0)
      expect(await page.locator('.file-panel[hidden]').count()).toBeGreaterThan(0)

      await page.emulateMedia({ media: 'print' })
      for (const selector of ['.site-header', '.site-footer', '.sidebar', '.pager', '.toc-mobile'])
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false)
      expect(await page.locator('button:visible, .button:visible').count()).toBe(0)
      expect(await clippedCode(page)).toEqual([])
      // Every file of every exercise is printed, each under its name.
      const hiddenFiles = await page.$$eval('.file-panel', (panels) =>
        panels.filter((panel) => panel.getClientRects().length === 0).map((panel) => panel.id),
      )
      expect(hiddenFiles).toEqual([])
      const look = await page.evaluate(() => {
        const style = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo)
        const links = [...document.querySelectorAll('main a[href]')].filter(
          (a) => a.getClientRects().length > 0,
        )
        const editor = document.querySelector('code-editor[data-path]') as HTMLElement
        return {
          scheme: style(document.documentElement).colorScheme,
          background: style(document.body).backgroundColor,
          text: style(document.body).color,
          codeBackground: style(document.querySelector('pre.astro-code') as Element)
            .backgroundColor,
          links: links.length,
          linkLooks: [
            ...new Set(links.map((a) => `${style(a).color} ${style(a).textDecorationLine}`)),
          ],
          fileName: style(editor, '::before').content,
          path: editor.dataset['path'],
        }
      })
      expect(look.scheme).toBe('light')
      expect(look.background).toBe('rgb(255, 255, 255)')
      expect(look.text).toBe('rgb(0, 0, 0)')
      expect(look.codeBackground).toBe('rgb(255, 255, 255)')
      expect(look.links).toBeGreaterThan(0)
      expect(look.linkLooks).toEqual(['rgb(0, 0, 0) underline'])
      expect(look.fileName).toBe(`"${look.path}"`)
      // Chromium really prints it.
      const pdf = await page.pdf({ format: 'A4' })
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(errors).toEqual([])
    })
  }
})

describe('last updated', () => {
  it('every lesson shows the date of its last commit, as a valid <time datetime>', async () => {
    const lessons = builtPages().filter((path) => path.startsWith('/lessons/'))
    expect(lessons.length).toBeGreaterThan(0)
    for (const path of lessons) {
      const slug = path.split('/')[2] ?? ''
      const expected = lastUpdated(`lessons/${slug}.mdx`)
      const html = readFileSync(`dist${path}index.html`, 'utf8')
      const match = /Last updated <time datetime="([^"]+)"[^>]*>([^<]+)<\/time>/.exec(html)
      expect(match, path).not.toBeNull()
      const [, datetime, text] = match ?? []
      expect(datetime, path).toBe(expected)
      const date = new Date(datetime ?? '')
      expect(Number.isNaN(date.getTime()), path).toBe(false)
      expect(date.getTime(), path).toBeLessThanOrEqual(Date.now())
      expect(text, path).toBe(
        date.toLocaleDateString('en-GB', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }),
      )
    }
  })

  it('is shown in the lesson header', async () => {
    const { page } = await newPage()
    await page.goto('/lessons/how-a-login-works/')
    const time = page.locator('.lesson-header time[datetime]')
    await expect.poll(() => time.isVisible()).toBe(true)
    expect(await page.locator('.lesson-header .updated').textContent()).toMatch(
      /^\s*Last updated \d{1,2} [A-Z][a-z]+ \d{4}\s*$/,
    )
  })
})

type Lesson = { slug: string; examples: string[]; exercises: string[]; quizzes: string[] }
const courseLessons = (): Lesson[] => {
  const html = readFileSync('dist/complete/index.html', 'utf8')
  const json = /<script type="application\/json" data-lessons>(.*?)<\/script>/s.exec(html)?.[1]
  return JSON.parse(json ?? '[]') as Lesson[]
}

/** Progress with every lesson complete, quiz best scores 0.5, 0.75, 1, 0.5, …; minus `skip`. */
function completeProgress(skip?: string) {
  const lessons: Record<string, object> = {}
  let quizIndex = 0
  for (const lesson of courseLessons()) {
    if (lesson.slug === skip) continue
    lessons[lesson.slug] = {
      visitedAt: '2026-11-01T09:00:00.000Z',
      examplesRun: lesson.examples,
      exercises: Object.fromEntries(
        lesson.exercises.map((slug) => [
          slug,
          { code: {}, passed: true, passedAt: '2026-11-20T15:00:00.000Z' },
        ]),
      ),
      quizzes: Object.fromEntries(
        lesson.quizzes.map((slug) => [
          slug,
          { bestScore: [0.5, 0.75, 1][quizIndex++ % 3], attempts: 2, passed: true },
        ]),
      ),
    }
  }
  return { version: 1, lessons, lastLesson: null }
}

describe('the course-complete page', () => {
  it('says not yet, listing every lesson, for a new learner; the progress page links to it', async () => {
    const { page, errors } = await newPage()
    await page.goto('/progress/')
    // The words around the link read as a sentence, spaces and all.
    expect(await page.locator('.intro').innerText()).toContain(
      'Once every lesson is complete, your course summary is ready to print.',
    )
    await page.getByRole('link', { name: 'your course summary' }).click()
    await page.waitForURL('**/complete/')
    const total = courseLessons().length
    await expect
      .poll(() => page.locator('[data-not-yet-count]').textContent())
      .toBe(`0 of ${total} lessons complete`)
    expect(await page.locator('[data-done]').isHidden()).toBe(true)
    expect(await page.locator('.unfinished li:visible').count()).toBe(total)
    expect(errors).toEqual([])
  })

  it('lists only the lessons left when one is unfinished', async () => {
    const lessons = courseLessons()
    const last = lessons.at(-1)?.slug ?? ''
    const { page } = await newPage({ progress: completeProgress(last) })
    await page.goto('/complete/')
    await expect
      .poll(() => page.locator('[data-not-yet-count]').textContent())
      .toBe(`${lessons.length - 1} of ${lessons.length} lessons complete`)
    expect(await page.locator('.unfinished li:visible').count()).toBe(1)
    expect(await page.locator(`.unfinished li[data-lesson="${last}"]`).isVisible()).toBe(true)
    expect(await page.locator('[data-done]').isHidden()).toBe(true)
  })

  it('shows the summary of lessons, exercises and quiz scores once every lesson is complete', async () => {
    const lessons = courseLessons()
    const exercises = lessons.reduce((sum, lesson) => sum + lesson.exercises.length, 0)
    const examples = lessons.reduce((sum, lesson) => sum + lesson.examples.length, 0)
    const quizzes = lessons.flatMap((lesson) => lesson.quizzes)
    const scores = quizzes.map((_, index) => [0.5, 0.75, 1][index % 3] ?? 0)
    const mean = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100)
    const { page, errors } = await newPage({ progress: completeProgress() })
    await page.goto('/complete/')
    const done = page.locator('[data-done]')
    await expect.poll(() => done.isVisible()).toBe(true)
    expect(await page.locator('[data-not-yet]').isHidden()).toBe(true)
    const total = (name: string) => page.locator(`[data-total="${name}"]`).textContent()
    expect(await total('lessons')).toBe(`${lessons.length} of ${lessons.length}`)
    expect(await total('exercises')).toBe(`${exercises} of ${exercises}`)
    expect(await total('examples')).toBe(`${examples} of ${examples}`)
    expect(await total('quizzes')).toBe(`${mean}%`)
    expect(await page.locator('[data-finished-at]').getAttribute('datetime')).toBe(
      '2026-11-20T15:00:00.000Z',
    )
    const rows = await page.$$eval('[data-quiz]', (trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-quiz'),
        tr.querySelector('[data-cell="score"]')?.textContent,
        tr.querySelector('[data-cell="attempts"]')?.textContent,
      ]),
    )
    expect(rows).toEqual(
      quizzes.map((slug, i) => [slug, `${Math.round((scores[i] ?? 0) * 100)}%`, '2']),
    )
    const lessonCells = await page.$$eval(
      '[data-done] [data-lesson] [data-cell="exercises"]',
      (tds) => tds.map((td) => td.textContent),
    )
    expect(lessonCells).toEqual(
      lessons.map((lesson) =>
        lesson.exercises.length === 0
          ? '—'
          : `${lesson.exercises.length} of ${lesson.exercises.length}`,
      ),
    )

    // Printable: the summary stays, the page's chrome and the print button go.
    await page.emulateMedia({ media: 'print' })
    expect(await done.isVisible()).toBe(true)
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    expect(await page.locator('[data-print]').isVisible()).toBe(false)
    expect(errors).toEqual([])
  })
})
