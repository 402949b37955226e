import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { bundleForWorker } from './bundle'
import { launchChromium } from './chromium'

let browser: Browser
let page: Page
let code: string

beforeAll(async () => {
  code = await bundleForWorker('tests/browser/fixtures/login-manager-worker-entry.ts')
  browser = await launchChromium()
  const context = await browser.newContext()
  page = await context.newPage()
  await page.goto(inject('baseUrl'))
})

afterAll(async () => {
  await browser?.close()
})

function runInWorker(shim: boolean) {
  return page.evaluate(
    ({ source, shim }) =>
      new Promise<{
        ok: boolean
        steps?: Record<string, { status: number; body: string; cookies: string[] }>
        error?: string
      }>((resolve) => {
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
        const worker = new Worker(url, { type: 'module' })
        worker.onmessage = (event) => {
          resolve(event.data)
          worker.terminate()
        }
        worker.onerror = (event) => resolve({ ok: false, error: event.message })
        worker.postMessage({ shim })
      }),
    { source: code, shim },
  )
}

describe('the login manager inside a browser Worker', () => {
  it('logs in, opens a protected page, is restored from the remember cookie, and logs out', async () => {
    const result = await runInWorker(true)
    expect(result.error).toBeUndefined()
    const steps = result.steps!
    expect(steps['login']).toMatchObject({ status: 302, cookies: ['remember_token', 'session'] })
    expect(steps['dashboard']).toMatchObject({ status: 200, body: 'Welcome, Ada' })
    expect(steps['restored']).toMatchObject({
      status: 200,
      body: 'Welcome, Ada',
      cookies: ['remember_token', 'session'],
    })
    expect(steps['logout']).toMatchObject({ status: 200, body: 'Logged out; anonymous now: true' })
    expect(steps['afterLogout']).toMatchObject({ status: 401, cookies: [] })
  })

  it('fails without the header shim, because the browser strips Cookie and Set-Cookie', async () => {
    const result = await runInWorker(false)
    expect(result.error).toBeUndefined()
    expect(result.steps!['login']).toMatchObject({ status: 302, cookies: [] })
    expect(result.steps!['dashboard']).toMatchObject({ status: 401 })
  })
})
