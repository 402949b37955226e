import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeBuilder, wcagTags } from './axe'
import { launchChromium } from './chromium'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const lesson = '/lessons/the-login-manager/'
const slug = 'complete-the-login-flow'

/** A phone: narrow, touch only, so `(pointer: coarse)` matches. */
const phone = { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true } as const

/** The built chunk of each editor, as Vite names it after its module. */
const codeMirrorChunk = /\/_astro\/codemirror-editor\.[\w-]+\.js$/
const monacoChunk = /\/_astro\/monaco-editor\.[\w-]+\.js$/

async function open(context: BrowserContext) {
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto(`${inject('baseUrl')}${lesson}`)
  await page.waitForLoadState('load')
  const exercise = page.locator(`exercise-panel[data-slug="${slug}"]`)
  return { page, requested, exercise }
}

/** The selected text in CodeMirror (it keeps the page's selection in step), and its 1-based line. */
const selection = (page: Page) =>
  page.evaluate(() => {
    const selected = getSelection()
    const line = selected?.anchorNode?.parentElement?.closest('.cm-line')
    const lines = [...document.querySelectorAll('.cm-content > .cm-line')]
    return { text: selected?.toString() ?? '', line: line ? lines.indexOf(line) + 1 : 0 }
  })

const editorText = (exercise: Locator) =>
  exercise
    .locator('code-editor[data-path="app.ts"]')
    .evaluate((el) => (el as unknown as { value: string }).value)

describe('the phone editor', () => {
  it('loads CodeMirror on a touch screen only when the code is tapped, never Monaco', async () => {
    const context = await browser.newContext(phone)
    const { requested, exercise } = await open(context)
    expect(requested.filter((path) => codeMirrorChunk.test(path))).toEqual([])
    await exercise.locator('.static-code').first().tap()
    await exercise.locator('.cm-editor').waitFor()
    expect(await exercise.locator('code-editor').first().getAttribute('data-mode')).toBe(
      'codemirror',
    )
    expect(requested.filter((path) => codeMirrorChunk.test(path))).toHaveLength(1)
    expect(requested.filter((path) => monacoChunk.test(path))).toEqual([])
    expect(await exercise.locator('textarea').count()).toBe(0)
    // Line numbers, TypeScript colours, no wrapping: a long line scrolls sideways.
    expect(await exercise.locator('.cm-lineNumbers .cm-gutterElement').count()).toBeGreaterThan(10)
    expect(await exercise.locator('.cm-content').getAttribute('class')).not.toContain(
      'cm-lineWrapping',
    )
    const scroller = exercise.locator('.cm-scroller').first()
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    const keyword = exercise.locator('.cm-line span', { hasText: /^import$/ }).first()
    const colour = await keyword.evaluate((el) => getComputedStyle(el).color)
    expect(colour).not.toBe(await scroller.evaluate((el) => getComputedStyle(el).color))
    await context.close()
  })

  it('moves between blanks with Tab and Shift+Tab, replaces a blank as typed, and Escape then Tab leaves', async () => {
    const context = await browser.newContext(phone)
    const { page, exercise } = await open(context)
    const help = exercise.locator('.editor-help')
    expect(await help.innerText()).toContain('press Escape, then Tab')
    await exercise.locator('.static-code').first().tap()
    await exercise.locator('.cm-editor').waitFor()
    expect(await selection(page)).toEqual({ text: '___', line: 16 })
    await page.keyboard.type('null')
    await page.keyboard.press('Tab')
    expect(await selection(page)).toEqual({ text: '___', line: 30 })
    await page.keyboard.type('loginUser')
    await page.keyboard.press('Tab')
    expect(await selection(page)).toEqual({ text: '___', line: 30 })
    // Typing replaces the blank, inside the quotes already there: nothing closes itself.
    await page.keyboard.type('remember')
    expect(await editorText(exercise)).toContain("{ remember: form['remember'] === 'on' })")
    await page.keyboard.press('Tab')
    expect(await selection(page)).toEqual({ text: '___', line: 34 })
    // A bracket typed into a blank is just that character.
    await page.keyboard.type('(')
    expect(await editorText(exercise)).toContain("app.get('/dashboard', (<User>(),")
    await page.keyboard.press('Shift+Tab')
    expect(await selection(page)).toEqual({ text: '___', line: 37 })
    const inEditor = () =>
      page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null)
    expect(await inEditor()).toBe(true)
    // The way out: Escape, then Tab moves focus on, with the edits kept.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await inEditor()).toBe(false)
    expect(await editorText(exercise)).toContain(
      "await loginUser(c, user, { remember: form['remember'] === 'on' })",
    )
    await context.close()
  })

  it('passes axe with the editor open, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ ...phone, colorScheme })
      const { page, exercise } = await open(context)
      await exercise.locator('.static-code').first().tap()
      await exercise.locator('.cm-editor').waitFor()
      const results = await axeBuilder(page)
        .include(`exercise-panel[data-slug="${slug}"]`)
        .withTags(wcagTags)
        .analyze()
      expect(
        results.violations.map(
          (v) =>
            `${colorScheme}: ${v.id} ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([])
      await context.close()
    }
  })

  it('never fetches CodeMirror on a desktop page, even once Monaco is open', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { requested, exercise } = await open(context)
    await exercise.locator('.static-code').first().click()
    await exercise.locator('.monaco-editor').waitFor()
    expect(requested.filter((path) => monacoChunk.test(path))).toHaveLength(1)
    expect(requested.filter((path) => codeMirrorChunk.test(path))).toEqual([])
    await context.close()
  })

  it('falls back to a plain text box, still with blank navigation, when CodeMirror cannot load', async () => {
    const context = await browser.newContext(phone)
    await context.route(codeMirrorChunk, (route) => route.abort())
    const { page, exercise } = await open(context)
    await exercise.locator('.static-code').first().tap()
    const textarea = exercise.locator('textarea.plain-editor')
    await textarea.waitFor()
    expect(await exercise.locator('code-editor').first().getAttribute('data-mode')).toBe('textarea')
    const selected = () =>
      textarea.evaluate((el: HTMLTextAreaElement) =>
        el.value.slice(el.selectionStart, el.selectionEnd),
      )
    expect(await selected()).toBe('___')
    await page.keyboard.type('null')
    await page.keyboard.press('Tab')
    expect(await selected()).toBe('___')
    await context.close()
  })
})
