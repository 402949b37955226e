// sql.js's WebAssembly in the page: served by the site itself (Vite copies the file into the build
// with a hashed name, so the service worker precaches it), fetched only when a run's code imports
// `signed-in/db`, compiled once per page and handed, compiled, to every fresh app realm.
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url'

let compiled: Promise<WebAssembly.Module> | undefined

/**
 * Fetch and compile sql.js's WebAssembly the first time it is asked for; later calls get the same
 * module. A failure (offline before the first visit) is not kept, so the next run tries again.
 *
 * @returns the compiled module
 * @example
 * new WorkerRuntime(workers, { sqliteWasm: loadSqliteWasm })
 */
export function loadSqliteWasm(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const response = await fetch(wasmUrl)
    if (!response.ok) throw new Error(`${wasmUrl} answered ${response.status}`)
    // Streaming compiles while the bytes arrive, but needs the right content type.
    return response.headers.get('content-type') === 'application/wasm'
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await response.arrayBuffer())
  })()
  compiled.catch(() => (compiled = undefined))
  return compiled
}
