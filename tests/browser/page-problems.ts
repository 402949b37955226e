import type { Page } from 'playwright-core'

/**
 * Record what goes wrong while a page is open: uncaught script errors, console errors, failed
 * requests and error statuses, each prefixed with the path it happened on. The one expected error
 * status is a navigation's own 404 (the 404 page answers with it), so it is not recorded.
 *
 * @param page - the page to watch, before it navigates
 * @returns the list the problems are pushed to; empty it (`problems.length = 0`) to start afresh
 * @example
 * const problems = watchProblems(page)
 * await page.goto('/')
 * expect(problems).toEqual([])
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  const where = () => new URL(page.url()).pathname
  page.on('pageerror', (error) => problems.push(`${where()}: uncaught ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${where()}: console error: ${message.text()}`)
  })
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is a request cut short by the test moving on (a favicon still loading when the
    // next page opens). Blocked ones (COEP: ERR_BLOCKED_BY_RESPONSE) and the rest are problems.
    const error = request.failure()?.errorText ?? ''
    if (error !== 'net::ERR_ABORTED')
      problems.push(`${where()}: ${request.url()} failed (${error})`)
  })
  page.on('response', (response) => {
    const expected = response.status() === 404 && response.request().isNavigationRequest()
    if (response.status() >= 400 && !expected)
      problems.push(`${where()}: ${response.url()} answered ${response.status()}`)
  })
  return problems
}
