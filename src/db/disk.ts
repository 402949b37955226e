// The app realm's "disk": SQLite (sql.js) and the database files the app opens. The realm mounts it
// before the learner's code loads, from the exercise's seed or from the bytes the previous server
// left (a restart keeps them), and saves the bytes back when the grader asks. Learner code never
// imports this file; it reaches SQLite only through `signed-in/db` (index.ts).
import initSqlJs from 'sql.js'
import type { Database as SqlJsDatabase, SqlJsStatic } from 'sql.js'

/**
 * The database file every exercise's seed fills, and `openDatabase()` opens by default.
 *
 * @example
 * openDatabase(DEFAULT_DATABASE) // the same as openDatabase()
 */
export const DEFAULT_DATABASE = 'app.db'

/**
 * What a realm's disk starts from.
 *
 * @example
 * await mountDisk({ wasm, files: {}, seed: "CREATE TABLE users (id INTEGER PRIMARY KEY); INSERT INTO users VALUES (1);" })
 */
export interface DiskStart {
  /** sql.js's WebAssembly, compiled once per page (or process) and handed to every fresh realm. */
  wasm: WebAssembly.Module
  /** Database files the previous server left, by name: a restart keeps them. */
  files: Readonly<Record<string, Uint8Array>>
  /** SQL that fills `app.db` when there are no saved bytes for it: the exercise's seed data. */
  seed?: string | undefined
}

let sqlite: SqlJsStatic | undefined

/**
 * SQLite (sql.js) from its compiled WebAssembly. Instantiating a compiled module takes
 * milliseconds; only compiling is slow, and that is done once per page or process.
 *
 * @param wasm - sql.js's compiled WebAssembly
 * @returns sql.js, the same one for every call in this realm
 * @example
 * const db = new (await loadSqlite(wasm)).Database()
 */
export async function loadSqlite(wasm: WebAssembly.Module): Promise<SqlJsStatic> {
  // One instance per realm, even when a spare's early load and a run's start ask at once.
  loading ??= initSqlJs({
    instantiateWasm(imports, receive) {
      void WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance))
      return {}
    },
  }).then(
    (loaded) => (sqlite = loaded),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return await loading
}
let loading: Promise<SqlJsStatic> | undefined
let saved: Record<string, Uint8Array> = {}
const open = new Map<string, SqlJsDatabase>()

/**
 * Load SQLite from the compiled module and lay out the disk: saved files as they were, or `app.db`
 * from the seed.
 *
 * @param start - the compiled module, saved files and seed
 * @throws when the seed SQL fails, naming seed.sql
 * @example
 * await mountDisk({ wasm: await WebAssembly.compile(bytes), files: {} })
 */
export async function mountDisk(start: DiskStart): Promise<void> {
  const sqlite = await loadSqlite(start.wasm)
  for (const database of open.values()) database.close()
  open.clear()
  saved = { ...start.files }
  if (start.seed !== undefined && !Object.hasOwn(saved, DEFAULT_DATABASE)) {
    const database = new sqlite.Database()
    try {
      database.exec(start.seed)
    } catch (error) {
      database.close()
      throw new Error(
        `The exercise's seed data (seed.sql) failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    open.set(DEFAULT_DATABASE, database)
  }
}

/**
 * The open database for a file name: the same one for every call in this server's life, opened
 * from the saved bytes when there are some. `:memory:` is a new empty database each time, never
 * saved.
 *
 * @param name - a file name such as `app.db`, or `:memory:`
 * @returns sql.js's database
 * @example
 * openFile('app.db').exec('SELECT 1')
 */
export function openFile(name: string): SqlJsDatabase {
  if (!sqlite)
    throw new Error(
      'SQLite is not loaded in this run. Import openDatabase from "signed-in/db" in your app, and the runner loads it.',
    )
  if (name === ':memory:') return new sqlite.Database()
  let database = open.get(name)
  if (!database) {
    database = new sqlite.Database(saved[name])
    open.set(name, database)
  }
  return database
}

/**
 * The bytes of every database file, as a restart finds them: open ones exported now, the others
 * as they were saved.
 *
 * @returns bytes by file name
 * @example
 * const files = saveDisk() // { 'app.db': Uint8Array [...] }
 */
export function saveDisk(): Record<string, Uint8Array> {
  const files = { ...saved }
  for (const [name, database] of open) files[name] = database.export()
  return files
}
