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
/**
 * The header runner.mjs puts the client's URL in (a path, or an absolute `https://…` URL), so the
 * app sees the URL the client asked for rather than the container's loopback address.
 *
 * @example
 * headers[APP_URL_HEADER] = 'https://app.test/login'
 */
export const APP_URL_HEADER = 'x-signed-in-url'
/**
 * The header app-server.mjs reports the errors the app threw in (URI-encoded JSON `CodeError[]`).
 *
 * @example
 * JSON.parse(decodeURIComponent(response.headers[APP_ERRORS_HEADER]))
 */
export const APP_ERRORS_HEADER = 'x-signed-in-errors'
/**
 * The status app-server.mjs answers with when the app threw past Hono (the first error in
 * {@link APP_ERRORS_HEADER} is what it threw).
 *
 * @example
 * if (response.statusCode === APP_THREW_STATUS) throw new AppThrew(errors[0])
 */
export const APP_THREW_STATUS = 599
/**
 * The file in the prebuilt tree holding sql.js's WebAssembly, as base64 text (the tree travels as
 * JSON). app-server.mjs compiles it when the learner's app imports `signed-in/db`.
 *
 * @example
 * readFileSync(new URL(`./${SQLITE_WASM_FILE}`, import.meta.url), 'utf8')
 */
export const SQLITE_WASM_FILE = 'sql-wasm.wasm.base64'

/**
 * IPC between runner.mjs and app-server.mjs carries JSON, so database files cross as base64:
 * `encodeIpc` before `send`, `decodeIpc` on receipt. Only the fields that hold bytes change (a
 * start call's `database.files`, a `saved` reply's `files`).
 *
 * @param message - a call or reply
 * @returns the same message, its byte fields as base64 strings
 * @example
 * child.send({ callId, call: encodeIpc(call) })
 */
export function encodeIpc<T extends object>(message: T): T {
  return mapFiles(message, (bytes) => Buffer.from(bytes as Uint8Array).toString('base64'))
}

/**
 * The reverse of {@link encodeIpc}.
 *
 * @param message - a call or reply as received
 * @returns the message with its byte fields as Uint8Array again
 * @example
 * const call = decodeIpc(message.call)
 */
export function decodeIpc<T extends object>(message: T): T {
  return mapFiles(message, (text) => new Uint8Array(Buffer.from(text as string, 'base64')))
}

function mapFiles<T extends object>(message: T, map: (value: unknown) => unknown): T {
  const convert = (files: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(files).map(([name, value]) => [name, map(value)]))
  const value = message as {
    type?: string
    files?: Record<string, unknown>
    database?: { files: Record<string, unknown> }
  }
  if (value.type === 'saved' && value.files) return { ...message, files: convert(value.files) }
  if (value.type === 'start' && value.database)
    return { ...message, database: { ...value.database, files: convert(value.database.files) } }
  return message
}
