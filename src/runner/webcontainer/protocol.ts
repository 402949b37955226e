/** The prefix of the line on which runner.mjs prints the verdict. */
export const VERDICT_MARKER = '@@signed-in-verdict@@'
/** The port the live preview server listens on inside the WebContainer. */
export const PREVIEW_PORT = 3000
/** Where run requests are written inside the WebContainer. */
export const REQUEST_PATH = 'request.json'
