/**
 * The prefix of the line on which runner.mjs prints the verdict.
 *
 * @example
 * const line = output.split('\n').find((l) => l.startsWith(VERDICT_MARKER))
 */
export const VERDICT_MARKER = '@@signed-in-verdict@@'
/**
 * The port the live preview server listens on inside the WebContainer.
 *
 * @example
 * serve({ fetch: app.fetch, port: PREVIEW_PORT })
 */
export const PREVIEW_PORT = 3000
/**
 * Where run requests are written inside the WebContainer.
 *
 * @example
 * await container.fs.writeFile(REQUEST_PATH, JSON.stringify(request))
 */
export const REQUEST_PATH = 'request.json'
