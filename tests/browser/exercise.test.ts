import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeEditorElement } from '../../src/elements/code-editor'
import { launchChromium } from './chromium'
import { eventually, openLesson, panel } from './lesson-page'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/**
 * Type one word into each blank of the focused Monaco editor, in order, moving on with Tab as a
 * keyboard user would (Escape first closes any suggestion list, which would take the Tab).
 */
async function fillBlanks(page: Page, words: readonly string[]) {
  for (const [index, word] of words.entries()) {
    if (index) await page.keyboard.press('Tab')
    await page.keyboard.type(word)
    await page.keyboard.press('Escape')
  }
}

/** A desktop page of a lesson, with an exercise's first file open in Monaco. */
async function openInMonaco(lesson: string, slug: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await openLesson(context, lesson)
  const exercise = panel(page, slug)
  await exercise.locator('.static-code').first().click()
  await exercise.locator('.monaco-editor').waitFor()
  return { context, page, exercise }
}

describe('a graded exercise', () => {
  it('fills the blanks in the editor, passes with Ctrl+Enter, and is restored after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    const code = exercise.locator('.static-code').first()
    await code.scrollIntoViewIfNeeded()
    expect(await code.locator('mark.blank').count()).toBe(5)
    const before = await code.boundingBox()

    // Keyboard only: focus the code, which becomes the editor with the first blank selected.
    await code.focus()
    await exercise.locator('.monaco-editor').waitFor()
    const after = await exercise.locator('.editor-box').boundingBox()
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThanOrEqual(2)
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
    await fillBlanks(page, ['null', 'loginUser', 'remember', 'loginRequired', 'logoutUser'])
    await page.keyboard.press('Control+Enter')
    const heading = exercise.locator('.results-heading')
    await heading.waitFor()
    expect(await heading.textContent()).toBe('All 7 checks pass. Well done!')
    expect(await exercise.locator('.checks [data-passed="true"]').count()).toBe(7)
    // Read out as one sentence: no full stop after the exclamation mark.
    expect(await exercise.locator('[data-announce]').textContent()).toMatch(
      /^All 7 checks pass\. Well done! |^All 7 checks pass\. Well done!$/,
    )
    // Offline, the WebContainer never boots; the Worker ran the checks meanwhile and says so:
    // still waiting for the boot, or (on a machine slow enough to reach the page's boot timeout
    // before the checks end) having given up on it.
    expect([
      'Starting Node in your browser (a WebContainer). Until it is ready, checks run in this page.',
      "Node in the browser could not start: it did not start within 20 seconds (StackBlitz's servers may be unreachable). Your code runs in this page instead; the checks are the same.",
    ]).toContain(await exercise.locator('[data-runtime-note]').textContent())
    await exercise.locator('[data-runtime-choice]').selectOption('worker')
    expect(await exercise.locator('[data-runtime-note]').textContent()).toContain(
      'Your code runs in this page (chosen)',
    )
    expect(await exercise.locator('[data-preview]').isHidden()).toBe(true)

    await page.reload()
    await eventually(() => panel(page, 'complete-the-login-flow').getAttribute('data-passed')).toBe(
      'true',
    )
    expect(
      await panel(page, 'complete-the-login-flow').locator('[data-passed-badge]').isVisible(),
    ).toBe(true)
    expect(
      await panel(page, 'complete-the-login-flow').locator('.static-code').first().textContent(),
    ).toContain("await loginUser(c, user, { remember: form['remember'] === 'on' })")
    await context.close()
  })

  it('grades the untouched starter without counting an attempt, gives hints with focus, then grades a wrong answer and keeps the attempt across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openLesson(context, '/lessons/the-login-manager/')
    const exercise = panel(page, 'complete-the-login-flow')
    const solutionButton = exercise.locator('[data-action="solution"]')
    await exercise.locator('[data-action="check"]').click()
    const results = exercise.locator('[data-results]')
    await eventually(() => exercise.locator('.results-heading').textContent()).toBe(
      '1 of 7 checks pass',
    )
    expect(await results.textContent()).toContain('blank left at app.ts line 34')
    // Focus stays on the button the learner pressed; the live region reads the result out.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'check',
    )
    expect(await exercise.locator('[data-announce]').textContent()).toMatch(/^1 of 7 checks pass/)
    // Pressing Check on the untouched starter is not an attempt, so the solution stays locked.
    expect(await solutionButton.isDisabled()).toBe(true)

    // A hint at a time, in order, each taking focus; the last one never leaves focus on the
    // button it disables.
    const hint = exercise.locator('[data-action="hint"]')
    const focusedHint = () =>
      page.evaluate(() => {
        const active = document.activeElement
        return active?.matches('[data-hints] li') ? active.textContent?.trim().slice(0, 30) : null
      })
    await hint.focus()
    await page.keyboard.press('Enter')
    expect(await exercise.locator('[data-hints] li').count()).toBe(1)
    expect(await focusedHint()).toBe('The user loader must say "nobo')
    await hint.click()
    expect(await focusedHint()).toBe('Logging in is one call that ta')
    await hint.focus()
    await page.keyboard.press('Enter')
    expect(await exercise.locator('[data-hints] li').count()).toBe(3)
    expect(await hint.isDisabled()).toBe(true)
    expect(await focusedHint()).toBe('A route is guarded by the midd')

    // A wrong answer: a form field the login form does not have.
    await exercise.locator('.static-code').first().click()
    await exercise.locator('.monaco-editor').waitFor()
    await fillBlanks(page, ['null', 'loginUser', 'rememberMe', 'loginRequired', 'logoutUser'])
    await page.keyboard.press('Control+Enter')
    await eventually(() => exercise.locator('.results-heading').textContent()).toBe(
      '4 of 7 checks pass',
    )
    const open = exercise.locator('.checks details[open]')
    expect(await open.count()).toBe(1)
    expect(await open.textContent()).toContain('Ticking "Remember me" sets a remember-me cookie')
    expect(await open.textContent()).toContain('Hint: With the "Remember me" box ticked')
    expect(await solutionButton.isDisabled()).toBe(false)

    // The diff shows what differs from the solution.
    await exercise.locator('[data-action="diff"]').click()
    expect(
      await exercise.locator('[data-diff-body] .diff-removed').first().textContent(),
    ).toContain("form['rememberMe']")
    await page.keyboard.press('Escape')

    // The inspector groups the requests by check, each group headed by its check.
    await exercise.locator('.inspector summary').click()
    const groups = exercise.locator('table[data-timeline] > tbody')
    expect(await groups.count()).toBe(7)
    expect(await groups.nth(4).locator('th[scope="rowgroup"]').textContent()).toBe(
      'Check 5: Ticking "Remember me" sets a remember-me cookie, and leaving it unticked does not',
    )
    expect(await groups.nth(0).locator('th[scope="row"]').allTextContents()).toEqual(['1'])
    expect(await groups.nth(5).textContent()).toContain('GET /dashboard (browser 2)')

    // Tampering sends the forged cookie to this app and shows what it really answered.
    const cookieSelect = exercise.locator('[data-cookie-select]')
    const sessionCookie = await cookieSelect.evaluate(
      (select: HTMLSelectElement) =>
        [...select.options].find((option) => option.value.startsWith('session='))?.value ?? '',
    )
    await cookieSelect.selectOption(sessionCookie)
    await eventually(() => exercise.locator('[data-decoded]').textContent()).toContain(
      'Readable content',
    )
    // The two signed times are shown as times, apart from the signature.
    expect(await exercise.locator('[data-decoded] dt').allTextContents()).toEqual([
      'Cookie',
      'Readable content',
      'Session began (signed)',
      'Cookie signed at (signed)',
      'Signature (HMAC-SHA256)',
    ])
    expect(await exercise.locator('[data-decoded] dd').last().textContent()).toMatch(/^[\w-]{43}$/)
    await exercise.locator('[data-tamper]').click()
    const tampered = exercise.locator('[data-tamper-result]')
    await eventually(() => tampered.locator('dd').allTextContents()).toEqual([
      '200 "Welcome back, Ada!"',
      '401 "Unauthorized"',
    ])
    expect(await tampered.textContent()).toContain('Your app was sent GET /dashboard twice')
    expect(await tampered.textContent()).toContain('ignored the forged cookie')

    // After a reload the attempt still counts, so the solution can be shown (with confirmation).
    await page.reload()
    const again = panel(page, 'complete-the-login-flow')
    await eventually(() => again.getAttribute('data-ready')).toBe('true')
    expect(await again.locator('[data-action="solution"]').isDisabled()).toBe(false)
    page.once('dialog', (dialog) => void dialog.accept())
    await again.locator('[data-action="solution"]').click()
    await again.locator('[data-action="check"]').click()
    await eventually(() => again.locator('.results-heading').textContent()).toBe(
      'All 7 checks pass. Well done!',
    )

    page.once('dialog', (dialog) => void dialog.dismiss())
    await again.locator('[data-action="reset"]').click()
    expect(await again.getAttribute('data-state')).toBe('done')
    page.once('dialog', (dialog) => void dialog.accept())
    await again.locator('[data-action="reset"]').click()
    expect(await again.getAttribute('data-state')).toBe('idle')
    await context.close()
  })

  it("shows where the learner's code threw, down to the column, and takes the cursor there", async () => {
    const { context, page, exercise } = await openInMonaco(
      '/lessons/the-login-manager/',
      'complete-the-login-flow',
    )
    await fillBlanks(page, ['null', 'loginUser', 'remember', 'loginRequired', 'logOutUser'])
    await page.keyboard.press('Control+Enter')
    await eventually(() => exercise.locator('.results-heading').textContent()).toBe(
      '6 of 7 checks pass',
    )
    const open = exercise.locator('.checks details[open]')
    expect(await open.textContent()).toContain(
      'ReferenceError: logOutUser is not defined (app.ts, line 37, column 3)',
    )
    const goTo = open.locator('[data-go-to]')
    expect(await goTo.textContent()).toBe('Show app.ts, line 37, column 3 in the editor')
    await goTo.click()
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
    expect(await exercise.locator('.active-line-number').textContent()).toBe('37')
    await context.close()
  })

  it('gives Monaco the real types of hono and the login manager', async () => {
    const { context, page, exercise } = await openInMonaco(
      '/lessons/the-login-manager/',
      'complete-the-login-flow',
    )
    const solution = readFileSync('exercises/complete-the-login-flow/solution/app.ts', 'utf8')
    const setCode = (code: string) =>
      exercise
        .locator('code-editor[data-path="app.ts"]')
        .evaluate((editor, text) => ((editor as CodeEditorElement).value = text), code)
    const errors = exercise.locator('.squiggly-error')
    // Put the cursor on a line and ask Monaco for the next problem (F8): its marker widget shows
    // the TypeScript message. '' while the diagnostics are not in yet.
    const problemAfter = async (line: string) => {
      const at = solution.split('\n').findIndex((text) => text.includes(line))
      await exercise.locator('.monaco-editor textarea').focus()
      await page.keyboard.press('Control+Home')
      for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown')
      await page.keyboard.press('F8')
      const widget = exercise.locator('.marker-widget')
      const shown = await widget.waitFor({ timeout: 2000 }).then(
        () => true,
        () => false,
      )
      const text = shown ? ((await widget.textContent()) ?? '') : ''
      await page.keyboard.press('Escape')
      return text
    }

    // A wrong option for the login manager's loginUser is a type error…
    await setCode(solution.replace("remember: form['remember'] === 'on'", "remember: 'yes'"))
    await eventually(() => errors.count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await eventually(() => problemAfter('await loginUser('), { timeout: 30_000 }).toMatch(
      /Type 'string' is not assignable to type 'boolean \| undefined'/,
    )
    // …and so is a method hono's request does not have.
    await setCode(solution.replace("c.req.query('next')", "c.req.nextPage('next')"))
    await eventually(() => problemAfter("app.post('/login'"), { timeout: 30_000 }).toMatch(
      /Property 'nextPage' does not exist on type 'HonoRequest/,
    )
    // The real solution, importing hono, the login manager and ./users, has no error at all.
    await setCode(solution)
    await eventually(() => errors.count(), { timeout: 30_000 }).toBe(0)
    await context.close()
  })
})

describe('type errors in the verdict', () => {
  it('lists them once the TypeScript worker is loaded, each linked to its line, and the checks still run', async () => {
    const { context, page, exercise } = await openInMonaco(
      '/lessons/the-login-manager/',
      'complete-the-login-flow',
    )
    const solution = readFileSync('exercises/complete-the-login-flow/solution/app.ts', 'utf8')
    const setCode = (code: string) =>
      exercise
        .locator('code-editor[data-path="app.ts"]')
        .evaluate((editor, text) => ((editor as CodeEditorElement).value = text), code)
    const heading = exercise.locator('.results-heading')
    // The solution has no type error: the verdict lists none.
    await setCode(solution)
    await exercise.locator('[data-action="check"]').click()
    await eventually(() => heading.textContent(), { timeout: 30_000 }).toBe(
      'All 7 checks pass. Well done!',
    )
    await eventually(() => exercise.locator('[data-results]').getAttribute('data-type-errors'), {
      timeout: 30_000,
    }).toBe('0')
    expect(await exercise.locator('.type-errors').count()).toBe(0)
    // A line that runs the same but is mistyped: every check still passes, and the verdict says so.
    const lines = `${solution.trimEnd()}\nexport const attempts: number = 'three'\n`
    const line = lines.trimEnd().split('\n').length
    await setCode(lines)
    await exercise.locator('[data-action="check"]').click()
    await eventually(() => exercise.locator('.type-errors-heading').textContent(), {
      timeout: 30_000,
    }).toBe('1 type error (the checks still ran)')
    expect(await heading.textContent()).toBe('All 7 checks pass. Well done!')
    const link = exercise.locator('.type-errors [data-go-to]')
    expect(await link.textContent()).toBe(`app.ts line ${line}`)
    expect(await exercise.locator('.type-errors li').textContent()).toContain(
      "Type 'string' is not assignable to type 'number'",
    )
    await link.click()
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null)
    expect(await exercise.locator('.active-line-number').textContent()).toBe(String(line))
    await context.close()
  })
})

describe('a debugging exercise', () => {
  it('runs as it is, fails the two checks its bug breaks, and passes once fixed', async () => {
    const {
      context,
      page,
      exercise: debug,
    } = await openInMonaco('/lessons/the-login-manager/', 'fix-the-user-loader')
    await debug.locator('[data-action="check"]').click()
    await eventually(() => debug.locator('.results-heading').textContent()).toBe(
      '3 of 5 checks pass',
    )
    expect(await debug.locator('.checks [data-passed="false"]').allTextContents()).toEqual([
      expect.stringContaining('After logging in, /dashboard greets Ada by name'),
      expect.stringContaining("A closed account's old session counts as nobody"),
    ])
    expect(await debug.locator('.checks details[open]').textContent()).toContain(
      '"Welcome back, undefined!"',
    )
    const fixed = readFileSync('exercises/fix-the-user-loader/solution/app.ts', 'utf8')
    await debug
      .locator('code-editor[data-path="app.ts"]')
      .evaluate((editor, text) => ((editor as CodeEditorElement).value = text), fixed)
    await page.keyboard.press('Control+Enter')
    await eventually(() => debug.locator('.results-heading').textContent()).toBe(
      'All 5 checks pass. Well done!',
    )
    await context.close()
  })
})

describe('a runnable example', () => {
  it('prints the login story a line at a time, as the runtime reports each one', async () => {
    const context = await browser.newContext()
    const page = await openLesson(context, '/lessons/how-a-login-works/')
    const example = panel(page, 'manual-session-login')
    expect(await example.locator('.static-code').first().textContent()).toContain(
      "app.post('/login'",
    )
    // Count how lines reach the terminal: one at a time, never a whole verdict at once.
    await example.evaluate((element) => {
      const added: number[] = []
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLOListElement) added.push(node.children.length)
            else if (node instanceof HTMLLIElement) added.push(1)
      }).observe(element.querySelector('[data-results]') as Node, {
        childList: true,
        subtree: true,
      })
      ;(window as unknown as { added: number[] }).added = added
    })
    await example.locator('[data-action="check"]').click()
    await eventually(() => example.locator('.terminal li').allTextContents()).toEqual([
      '401',
      'Logged in as ada',
      'Welcome to your dashboard, ada!',
      'Logged out',
      '401',
    ])
    expect(await page.evaluate(() => (window as unknown as { added: number[] }).added)).toEqual([
      0, 1, 1, 1, 1, 1,
    ])
    await context.close()
  })
})

describe('the request inspector', () => {
  it('says, between two requests, what the check did that no request shows', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openLesson(context, '/lessons/remember-me-and-fresh-logins/')
    const example = panel(page, 'remember-me-restore')
    await example.locator('[data-action="check"]').click()
    await eventually(() => example.locator('.terminal li').count()).toBe(4)
    await example.locator('.inspector summary').click()
    const rows = example.locator('table[data-timeline] > tbody > tr')
    const texts = (await rows.allTextContents()).map((text) => text.trim())
    const note = texts.indexOf("Browser 1's session cookie was taken out of its jar by hand.")
    // Right before the request it explains: the first one sent without the session cookie.
    expect(note).toBeGreaterThan(0)
    expect(texts[note + 1]).toMatch(/^2GET \/whoami/)
    expect(await example.locator('.timeline-note').first().isVisible()).toBe(true)
    await context.close()
  })

  it("shows the cookie jar's reasons under each request, a refused Secure cookie among them", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openLesson(context, '/lessons/how-a-login-works/')
    const example = panel(page, 'cookie-jar-reasons')
    await example.locator('[data-action="check"]').click()
    await eventually(() => example.locator('.terminal li').count()).toBe(7)
    await example.locator('.inspector summary').click()
    const rows = example.locator('table[data-timeline] > tbody > tr')
    // The second login goes to plain http://app.test: its row, then the jar's reason under it.
    const request = rows.filter({ hasText: 'POST http://app.test/login' })
    expect(await request.count()).toBe(1)
    // Its signed value is cut so the reason stays next to it; the cell's title holds all of it.
    const received = request.locator('td').nth(3)
    const shown = (await received.textContent()) ?? ''
    const full = (await received.getAttribute('title')) ?? ''
    expect(shown).toMatch(/^session=[^;]{24}…; Path=\//)
    expect(full.startsWith(shown.slice(0, shown.indexOf('…')))).toBe(true)
    expect(full.length).toBeGreaterThan(shown.length)
    const reasons = example.locator('.timeline-cookie-reasons li[data-action="rejected"]')
    expect(await reasons.allTextContents()).toEqual([
      'session Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)',
    ])
    expect(await reasons.first().isVisible()).toBe(true)
    expect(
      await example
        .locator('.timeline-cookie-reasons li[data-action="withheld"]')
        .allTextContents(),
    ).toEqual([
      'session Not sent: SameSite=Lax and this request is a POST from another site (https://evil.test), not a top-level GET',
      'session Not sent: SameSite=Lax and this is a fetch from another site (https://evil.test), not a top-level navigation',
    ])
    await context.close()
  })
})
