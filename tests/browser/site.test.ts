import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './chromium'
import { watchProblems } from './page-problems'
import { builtPages } from './pages'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** What went wrong while a page was open: script errors, console errors, failed requests. */
const problemsOf = new WeakMap<Page, string[]>()

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  // A context of its own per test, so each test starts with empty storage.
  const context = await browser.newContext({ baseURL: baseUrl, ...options })
  const page = await context.newPage()
  problemsOf.set(page, watchProblems(page))
  page.on('close', () => void context.close().catch(() => undefined))
  return page
}

/**
 * Close a page and fail on anything that went wrong while it was open. Options name the console
 * messages a test provokes on purpose.
 */
async function done(page: Page, { allowConsole = [] as RegExp[] } = {}) {
  const problems = (problemsOf.get(page) ?? []).filter(
    (problem) => !allowConsole.some((allowed) => allowed.test(problem)),
  )
  await page.close()
  expect(problems).toEqual([])
}

const firstLesson = '/lessons/how-a-login-works/'

/** A progress record with something of every kind in the lesson that has an exercise and a quiz. */
const fullProgress = {
  version: 1,
  lastLesson: 'the-login-manager',
  lessons: {
    'how-a-login-works': {
      visitedAt: '2026-03-01T10:00:00.000Z',
      examplesRun: ['manual-session-login'],
      exercises: {},
      quizzes: {},
    },
    'the-login-manager': {
      visitedAt: '2026-03-02T10:00:00.000Z',
      examplesRun: ['account-page'],
      exercises: {
        'complete-the-login-flow': {
          code: { 'app.ts': 'later edits' },
          passed: true,
          passingCode: { 'app.ts': 'export const passing = "the code that passed"' },
          passedAt: '2026-03-02T11:00:00.000Z',
        },
        'fix-the-user-loader': {
          code: { 'app.ts': 'fixed' },
          passed: true,
          passingCode: { 'app.ts': 'fixed' },
          passedAt: '2026-03-02T11:30:00.000Z',
        },
      },
      quizzes: { 'login-manager-practice': { bestScore: 0.9, attempts: 2, passed: true } },
    },
  },
}

describe('the site shell', () => {
  it('serves every page cross-origin isolated', async () => {
    const page = await newPage()
    const response = await page.goto('/')
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin')
    expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp')
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true)
    await done(page)
  })

  it('goes home → lesson → next lesson → progress, and remembers where the learner was', async () => {
    const page = await newPage()
    await page.goto('/')
    await page.getByRole('link', { name: /Start the course/ }).click()
    await page.waitForURL(/\/lessons\//)
    const first = new URL(page.url()).pathname
    const firstTitle = (await page.locator('h1').textContent()) ?? ''
    expect(
      await page
        .getByRole('navigation', { name: 'Site' })
        .getByRole('link', { name: 'Course' })
        .getAttribute('aria-current'),
    ).toBe('true')

    // A visit alone does not complete the first lesson: it has practice to do.
    const currentStatus = () =>
      page.locator('.course-nav a[aria-current="page"] lesson-status').getAttribute('data-status')
    await expect.poll(currentStatus).toBe('in-progress')
    await page.goto('/progress/')
    const firstCard = page.locator('[data-lesson]').first()
    await expect.poll(() => firstCard.locator('[data-visited]').textContent()).not.toBe('Not yet')
    expect(await firstCard.locator('lesson-status').getAttribute('data-status')).toBe('in-progress')
    // Running one example is not enough either, while other practice remains.
    await page.goto(first)
    const example = page.locator('exercise-panel[data-kind="example"]').first()
    await example.locator('[data-action="check"]').click()
    await expect.poll(() => example.getAttribute('data-passed'), { timeout: 15_000 }).toBe('true')
    expect(await currentStatus()).toBe('in-progress')
    // Every example run, every exercise and quiz passed (saved as the progress store saves them):
    // now the lesson is complete. The list of practice comes from the progress page itself.
    await page.goto('/progress/')
    const slug = (await firstCard.getAttribute('data-lesson')) ?? ''
    const items = (list: string) =>
      firstCard
        .locator(`[data-list="${list}"] [data-item]`)
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-item') ?? ''))
    const [examples, exercises, quizzes] = [
      await items('examples'),
      await items('exercises'),
      await items('quizzes'),
    ]
    expect(exercises.length + quizzes.length).toBeGreaterThan(0)
    await page.evaluate(
      ({ slug, examples, exercises, quizzes }) => {
        const saved = JSON.parse(localStorage.getItem('signed-in:progress') ?? '{}')
        const lesson = saved.lessons[slug]
        lesson.examplesRun = examples
        for (const exercise of exercises)
          lesson.exercises[exercise] = {
            code: {},
            passed: true,
            passingCode: {},
            passedAt: new Date().toISOString(),
          }
        for (const quiz of quizzes)
          lesson.quizzes[quiz] = { bestScore: 1, attempts: 1, passed: true }
        localStorage.setItem('signed-in:progress', JSON.stringify(saved))
      },
      { slug, examples, exercises, quizzes },
    )
    await page.goto(first)
    await expect.poll(currentStatus, { timeout: 15_000 }).toBe('complete')
    // Now it is complete: the home page moves on.
    await page.goto('/')
    const continueLink = page.locator('continue-link a')
    await expect.poll(() => continueLink.textContent()).toMatch(/^Up next: /)
    const secondTitle = ((await continueLink.textContent()) ?? '').replace(/^Up next: |\s*→$/g, '')
    expect(secondTitle.trim()).not.toBe(firstTitle)

    await page.goto(first)
    await page
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: /Up next/ })
      .click()
    await page.waitForURL((url) => url.pathname !== first)
    const second = new URL(page.url()).pathname
    expect((await page.locator('h1').textContent())?.trim()).toBe(secondTitle.trim())
    await expect
      .poll(() =>
        page
          .locator('.course-nav a[aria-current="page"] lesson-status')
          .getAttribute('data-status'),
      )
      .toBe('in-progress')

    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Progress' })
      .click()
    await page.waitForURL(/\/progress\/$/)
    const visited = page.locator('[data-lesson] [data-visited]')
    await expect.poll(() => visited.first().textContent()).not.toBe('Not yet')
    await expect.poll(() => visited.nth(1).textContent()).not.toBe('Not yet')

    // The second lesson has practice to do, so "continue" stays on it.
    await page.goto('/')
    await expect.poll(() => continueLink.textContent()).toContain(`Continue: ${secondTitle.trim()}`)
    expect(await continueLink.getAttribute('href')).toBe(second)
    // After a run the page boots a WebContainer in the background; its host is unreachable here.
    await done(page, {
      allowConsole: [/stackblitz\.com\/headless\S* failed \(net::ERR_NAME_NOT_RESOLVED\)$/],
    })
  })

  it('shows everything on the progress page: visits, examples, passing code, quiz scores', async () => {
    const page = await newPage()
    await page.goto('/')
    await page.evaluate(
      (saved) => localStorage.setItem('signed-in:progress', JSON.stringify(saved)),
      fullProgress,
    )
    await page.goto('/progress/')
    const card = page.locator('[data-lesson="the-login-manager"]')
    await expect.poll(() => card.locator('[data-visited]').textContent()).not.toBe('Not yet')
    const example = card.locator('[data-list="examples"] [data-item="account-page"]')
    expect(await example.locator('.name').textContent()).toBe('The login manager guards a route')
    expect(await example.locator('[data-state]').textContent()).toBe('Run')
    const exercise = card.locator('[data-list="exercises"] [data-item="complete-the-login-flow"]')
    expect(await exercise.locator('.name').textContent()).toBe('Complete the login flow')
    expect(await exercise.locator('[data-state]').textContent()).toMatch(/^Passed on /)
    const code = exercise.locator('details pre')
    expect(await code.isVisible()).toBe(false)
    await exercise.getByText('Show the passing code').click()
    expect(await code.isVisible()).toBe(true)
    expect(await code.textContent()).toBe('export const passing = "the code that passed"')
    expect(await exercise.locator('.file-name').textContent()).toBe('app.ts')
    const quiz = card.locator('[data-list="quizzes"] [data-item="login-manager-practice"]')
    expect(await quiz.locator('[data-state]').textContent()).toBe(
      'Best score 90%, passed · 2 attempts',
    )
    expect(await card.locator('lesson-status').getAttribute('data-status')).toBe('complete')

    // Another tab changing progress re-renders the page, and leaves an open code view open.
    await page.evaluate((saved) => {
      const newValue = JSON.stringify({ ...saved, lastLesson: 'how-a-login-works' })
      localStorage.setItem('signed-in:progress', newValue)
      window.dispatchEvent(new StorageEvent('storage', { key: 'signed-in:progress', newValue }))
    }, fullProgress)
    expect(await code.isVisible()).toBe(true)
    await done(page)
  })

  it('cycles the theme light, dark and system, remembered with no flash, following the OS', async () => {
    const page = await newPage({ colorScheme: 'light' })
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        ;(window as unknown as { themeAtLoad: string }).themeAtLoad =
          document.documentElement.dataset['theme'] ?? 'system'
      })
    })
    const themeAtLoad = () =>
      page.evaluate(() => (window as unknown as { themeAtLoad: string }).themeAtLoad)
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme'] ?? 'system')
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await page.goto('/')
    const lightBackground = await background()
    const button = page.getByRole('button', { name: /^Theme: / })
    await expect.poll(() => button.textContent()).toBe('Theme: follows the system (light)')
    const status = page.locator('theme-toggle [role="status"]')

    // Keyboard: the first press from "system" always changes what the learner sees.
    await button.focus()
    await page.keyboard.press('Enter')
    expect(await theme()).toBe('dark')
    expect(await button.textContent()).toBe('Theme: dark')
    expect(await status.textContent()).toBe('Theme: dark')
    expect(await button.getAttribute('title')).toBe('Theme: dark. Press for light.')
    const darkBackground = await background()
    expect(darkBackground).not.toBe(lightBackground)

    await page.goto('/progress/')
    expect(await themeAtLoad()).toBe('dark')
    expect(await background()).toBe(darkBackground)
    await page.reload()
    expect(await themeAtLoad()).toBe('dark')

    await button.click()
    expect(await theme()).toBe('light')
    await page.reload()
    expect(await themeAtLoad()).toBe('light')
    expect(await button.textContent()).toBe('Theme: light')

    await page.keyboard.press('Tab') // the skip link
    await button.focus()
    await page.keyboard.press('Space')
    expect(await theme()).toBe('system')
    expect(await button.textContent()).toBe('Theme: follows the system (light)')
    await page.reload()
    expect(await themeAtLoad()).toBe('system')
    expect(await page.evaluate(() => localStorage.getItem('signed-in:theme'))).toBeNull()

    // The system switching to dark while the page is open: the colours and the name follow.
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect
      .poll(() => button.textContent(), { timeout: 5000 })
      .toBe('Theme: follows the system (dark)')
    expect(await background()).toBe(darkBackground)
    expect(await button.getAttribute('title')).toBe(
      'Theme: follows the system (dark). Press for light.',
    )
    await done(page)
  })

  it('follows the system theme when nothing was chosen', async () => {
    const page = await newPage({ colorScheme: 'dark' })
    await page.goto('/')
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBeUndefined()
    await expect
      .poll(() => page.getByRole('button', { name: /^Theme: / }).textContent())
      .toBe('Theme: follows the system (dark)')
    await done(page)
  })

  it('replaces corrupt saved progress with a one-time notice, and keeps the old text', async () => {
    const page = await newPage()
    await page.goto('/')
    await page.evaluate(() =>
      localStorage.setItem('signed-in:progress', '{"version":1,"lessons":[oops'),
    )
    await page.goto('/progress/')
    const notice = page.locator('progress-notice')
    await expect.poll(() => notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toContain('could not be read (it is not valid JSON)')
    await expect.poll(() => page.locator('[data-unreadable]').isVisible()).toBe(true)
    await page.reload()
    await expect
      .poll(() => page.locator('[data-lesson] [data-visited]').first().textContent())
      .toBe('Not yet')
    expect(await notice.isVisible()).toBe(false)
    await done(page)
  })

  it('keeps going, and says once that progress is not saved, when storage refuses writes', async () => {
    const page = await newPage()
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      Storage.prototype.setItem = refuse
    })
    await page.goto(firstLesson)
    const notice = page.locator('progress-notice')
    await expect.poll(() => notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toContain("can't be saved in this browser")
    await expect
      .poll(() =>
        page
          .locator('.course-nav a[aria-current="page"] lesson-status')
          .getAttribute('data-status'),
      )
      // The visit counts in memory; the lesson's practice is not done, so it is not complete.
      .toBe('in-progress')
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    expect(await notice.isVisible()).toBe(false)
    await done(page)
  })

  it('exports, refuses a bad import, asks before an import replaces progress, and resets after confirming', async () => {
    const page = await newPage()
    await page.goto(firstLesson)
    await page.goto('/progress/')
    const firstVisit = page.locator('[data-lesson] [data-visited]').first()
    await expect.poll(() => firstVisit.textContent()).not.toBe('Not yet')

    const downloadPromise = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export to a file' }).click()
    const download = await downloadPromise
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    const exported = Buffer.concat(chunks).toString('utf8')
    expect(JSON.parse(exported)).toMatchObject({ version: 1 })

    page.once('dialog', (dialog) => void dialog.dismiss())
    await page.getByRole('button', { name: 'Reset all progress' }).click()
    expect(await firstVisit.textContent()).not.toBe('Not yet')
    let resetQuestion = ''
    page.once('dialog', (dialog) => {
      resetQuestion = dialog.message()
      void dialog.accept()
    })
    await page.getByRole('button', { name: 'Reset all progress' }).click()
    await expect.poll(() => firstVisit.textContent()).toBe('Not yet')
    expect(resetQuestion).toContain("This browser's 1 lesson visited will be deleted")

    const input = page.locator('input[data-import]')
    const message = page.locator('progress-panel [data-message]')
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"nope":true}'),
    })
    await expect.poll(() => message.textContent()).toContain('not Signed In progress')
    // Nothing to lose yet: the import goes ahead without a question.
    await input.setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    })
    await expect.poll(() => message.textContent()).toContain('imported from good.json')
    await expect.poll(() => firstVisit.textContent()).not.toBe('Not yet')

    // Now there is progress to lose: the page says what would be replaced, and "no" changes nothing.
    const full = Buffer.from(JSON.stringify(fullProgress))
    let importQuestion = ''
    page.once('dialog', (dialog) => {
      importQuestion = dialog.message()
      void dialog.dismiss()
    })
    await input.setInputFiles({ name: 'full.json', mimeType: 'application/json', buffer: full })
    await expect.poll(() => message.textContent()).toBe('Import cancelled. Nothing was changed.')
    expect(importQuestion).toContain('Replace the progress in this browser with full.json?')
    expect(importQuestion).toContain(
      "This browser's 1 lesson visited will be replaced by the file's 2 lessons visited, 2 examples run, 2 exercises with saved code and 1 quiz score.",
    )
    const secondCard = page.locator('[data-lesson="the-login-manager"]')
    expect(await secondCard.locator('[data-visited]').textContent()).toBe('Not yet')
    page.once('dialog', (dialog) => void dialog.accept())
    await input.setInputFiles({ name: 'full.json', mimeType: 'application/json', buffer: full })
    await expect.poll(() => message.textContent()).toContain('imported from full.json')
    expect(await secondCard.locator('[data-visited]').textContent()).not.toBe('Not yet')
    await done(page)
  })

  it('copies a code block, says so to screen readers, and a second press restarts the timer', async () => {
    const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] })
    await page.goto(firstLesson)
    const frame = page.locator('.lesson-content .code-frame').first()
    const button = frame.getByRole('button', { name: 'Copy code' })
    await button.click()
    const code = await frame.locator('pre code').innerText()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
    expect(code.length).toBeGreaterThan(0)
    expect(await frame.getByRole('button').textContent()).toBe('Copied code')
    const status = page.locator('.lesson-content > [role="status"]')
    expect(await status.textContent()).toBe('Code copied to clipboard')

    // The button does not cover the code: the first line starts below it.
    const buttonBox = await frame.locator('.copy-button').boundingBox()
    const lineBox = await frame.locator('pre code .line').first().boundingBox()
    expect((lineBox?.y ?? 0) - 1).toBeGreaterThanOrEqual(
      (buttonBox?.y ?? 0) + (buttonBox?.height ?? 0) - 1,
    )

    await page.waitForTimeout(1500)
    await frame.getByRole('button').click()
    await page.waitForTimeout(1000)
    // 2.5 s after the first press, 1 s after the second: still "Copied".
    expect(await frame.getByRole('button').textContent()).toBe('Copied code')
    await expect
      .poll(() => frame.getByRole('button').textContent(), { timeout: 5000 })
      .toBe('Copy code')
    expect(await status.textContent()).toBe('')
    await done(page)
  })

  it('answers unknown paths with the 404 page', async () => {
    const page = await newPage()
    const response = await page.goto('/no-such-lesson/')
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toContain('not signed in anywhere')
    await done(page, { allowConsole: [/status of 404/] })
  })

  it('reads fine with JavaScript off', async () => {
    const page = await newPage({ javaScriptEnabled: false })
    for (const path of builtPages().filter((p) => p.startsWith('/lessons/'))) {
      await page.goto(path)
      expect(await page.locator('main h1').isVisible()).toBe(true)
      expect(await page.locator('.lesson-content').innerText()).not.toBe('')
      expect(await page.locator('.course-nav a').count()).toBeGreaterThan(0)
    }
    await page.goto('/')
    expect(await page.getByRole('link', { name: /Start the course/ }).getAttribute('href')).toMatch(
      /^\/lessons\//,
    )
    await page.goto('/progress/')
    const noScript = page.locator('main .no-js')
    expect(await noScript.isVisible()).toBe(true)
    expect(await noScript.textContent()).toContain("only the page's JavaScript can read")
    const text = await page.locator('main').innerText()
    expect(text).not.toContain('Loading')
    expect(text).not.toContain('Not yet')
    expect(text).not.toContain('Export to a file')
    expect(await page.getByText('Complete the login flow').isVisible()).toBe(true)
    await done(page)
  })

  it('puts the lesson before the course list on a phone, and shows the list beside it when wide', async () => {
    const page = await newPage({ viewport: { width: 375, height: 740 } })
    await page.goto(firstLesson)
    const contents = page.locator('details.course-contents')
    expect(await contents.getAttribute('open')).toBeNull()
    expect(await page.locator('.course-nav').isVisible()).toBe(false)
    const title = await page.locator('main h1').boundingBox()
    expect((title?.y ?? 1000) + (title?.height ?? 0)).toBeLessThan(740)
    await contents.locator('summary').click()
    expect(await page.locator('.course-nav').isVisible()).toBe(true)

    await page.setViewportSize({ width: 1280, height: 800 })
    await page.reload()
    expect(await contents.locator('summary').isVisible()).toBe(false)
    expect(await page.locator('.course-nav a').first().isVisible()).toBe(true)
    await done(page)
  })

  it('fits a 320 px wide screen on every page, and the skip link is the first stop', async () => {
    const page = await newPage({ viewport: { width: 320, height: 640 } })
    for (const path of builtPages()) {
      await page.goto(path)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow, `${path} scrolls sideways by ${overflow}px at 320px`).toBeLessThanOrEqual(0)
    }
    await page.goto('/')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await done(page, { allowConsole: [/status of 404/] })
  })

  it('shows every header item whole and usable at 320, 375 and 414 px, in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [320, 375, 414]) {
        const page = await newPage({ viewport: { width, height: 700 }, colorScheme })
        await page.goto('/troubleshooting/')
        const where = `${width}px, ${colorScheme}`
        const items = await page.$$eval('.site-header :is(a, button)', (elements) =>
          elements
            .filter((element) => element.getClientRects().length > 0)
            .map((element) => {
              const box = element.getBoundingClientRect()
              // What a tap at the middle lands on: the item itself unless something covers or
              // clips it.
              const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
              return {
                name: (element as HTMLElement).innerText.trim(),
                left: box.left,
                right: box.right,
                top: box.top,
                bottom: box.bottom,
                width: box.width,
                height: box.height,
                onTop: hit !== null && element.contains(hit),
                // Inside every ancestor that could clip it (the nav once scrolled sideways).
                unclipped: (() => {
                  for (let up = element.parentElement; up; up = up.parentElement) {
                    if (getComputedStyle(up).overflowX === 'visible') continue
                    const frame = up.getBoundingClientRect()
                    if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) return false
                  }
                  return true
                })(),
              }
            }),
        )
        expect(
          items.map((item) => item.name),
          where,
        ).toEqual([
          'Signed In',
          'Course',
          'API',
          'Fixes',
          'Progress',
          'Search',
          expect.stringMatching(/^Theme: /),
        ])
        for (const item of items) {
          const label = `${item.name} at ${where}`
          expect(item.left, label).toBeGreaterThanOrEqual(0)
          expect(item.right, label).toBeLessThanOrEqual(width)
          expect(item.top, label).toBeGreaterThanOrEqual(0)
          expect(item.onTop, `${label} is covered`).toBe(true)
          expect(item.unclipped, `${label} is clipped`).toBe(true)
          // WCAG 2.5.8: a target at least 24 by 24 px.
          expect(Math.min(item.width, item.height), label).toBeGreaterThanOrEqual(24)
        }
        // No two items overlap.
        for (const [index, a] of items.entries())
          for (const b of items.slice(index + 1))
            expect(
              a.right <= b.left + 0.5 ||
                b.right <= a.left + 0.5 ||
                a.bottom <= b.top + 0.5 ||
                b.bottom <= a.top + 0.5,
              `${a.name} overlaps ${b.name} at ${where}`,
            ).toBe(true)
        // The header's height is the one the page's sticky offsets allow for.
        const header = await page.evaluate(() => ({
          height: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
          token: parseFloat(
            getComputedStyle(document.documentElement).getPropertyValue('--header-height'),
          ),
          rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
        }))
        expect(Math.abs(header.height - header.token * header.rem), where).toBeLessThanOrEqual(1)
        for (const item of items) expect(item.bottom, item.name).toBeLessThanOrEqual(header.height)
        // Usable: the last link is reached with a tap.
        await page.locator('.site-header').getByRole('link', { name: 'Progress' }).click()
        await page.waitForURL(/\/progress\/$/)
        await done(page)
      }
    }
  })
})
