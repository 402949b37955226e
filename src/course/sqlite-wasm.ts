// sql.js's WebAssembly for Node (the Node runtime, the tests, a downloaded project's tools and the
// WebContainer tree): one file, compiled once per process and handed to every fresh app realm,
// which only instantiates it. A downloaded project resolves it from its own node_modules/sql.js.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * Where sql.js's `.wasm` lies in node_modules (the same bytes the site serves).
 *
 * @example
 * readFileSync(SQLITE_WASM_PATH).byteLength // about 690 KB
 */
export const SQLITE_WASM_PATH = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')

/**
 * The esbuild alias every Node bundle of the app realm uses (the Node runtime's app thread, a
 * downloaded project's tools, the WebContainer tree): sql.js's browser glue, the same code the
 * Worker runs. It needs no `__dirname`, `fs` or `require`, since the realm hands it the compiled
 * WebAssembly.
 *
 * @example
 * await build({ entryPoints, bundle: true, alias: SQLITE_GLUE_ALIAS })
 */
export const SQLITE_GLUE_ALIAS = { 'sql.js': 'sql.js/dist/sql-wasm-browser.js' }

let compiled: Promise<WebAssembly.Module> | undefined

/**
 * sql.js's WebAssembly, compiled the first time it is asked for and kept for this process.
 *
 * @returns the compiled module
 * @example
 * await mountDisk({ wasm: await compileSqliteWasm(), files: {} })
 */
export function compileSqliteWasm(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(readFileSync(SQLITE_WASM_PATH))
  return compiled
}
