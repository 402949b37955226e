/**
 * The prefix of the line on which runner.mjs prints the verdict.
 *
 * @example
 * const line = output.split('\n').find((l) => l.startsWith(VERDICT_MARKER))
 */
export const VERDICT_MARKER = '@@signed-in-verdict@@'
/**
 * The prefix of each line on which runner.mjs reports a line an example printed, as it happens:
 * the marker, then JSON `{ "output": string, "index": number }`.
 *
 * @example
 * process.stdout.write(`\n${OUTPUT_MARKER}${JSON.stringify({ output: '401', index: 0 })}\n`)
 */
export const OUTPUT_MARKER = '@@signed-in-output@@'
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
