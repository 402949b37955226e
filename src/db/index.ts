// signed-in/db: SQLite for the learner's app, the same in Node, the in-page Worker and the
// WebContainer. A thin layer over sql.js: open a database file, run migrations, prepare statements
// with typed rows, and group writes in a transaction.
import type { Database as SqlJsDatabase, Statement as SqlJsStatement } from 'sql.js'
import { DEFAULT_DATABASE, openFile } from './disk'

/**
 * A value SQLite stores: INTEGER and REAL come back as numbers, TEXT as strings, BLOB as bytes.
 *
 * @example
 * const id: SqlValue = 1
 */
export type SqlValue = number | string | Uint8Array | null

/**
 * Values for a statement's parameters: an array for `?` placeholders, in order, or an object for
 * named ones (`:email`, `@email` or `$email` in the SQL, `{ email }` here). A boolean is stored
 * as 1 or 0.
 *
 * @example
 * db.prepare('SELECT * FROM users WHERE email = :email').get({ email: 'ada@example.com' })
 * db.prepare('SELECT * FROM users WHERE id = ?').get([1])
 */
export type SqlParams =
  readonly (SqlValue | boolean)[] | Readonly<Record<string, SqlValue | boolean>>

/**
 * What a write did: how many rows it changed, and the rowid of the last row it inserted.
 *
 * @example
 * const { lastInsertRowid } = db.prepare('INSERT INTO users (email) VALUES (?)').run(['ada@example.com'])
 */
export interface RunResult {
  changes: number
  lastInsertRowid: number
}

/** One statement per distinct SQL text is kept prepared; past this many, the oldest is freed. */
const STATEMENT_CACHE_SIZE = 200

/**
 * A prepared statement. `Row` is the shape of one result row, as you declare it.
 *
 * @example
 * const findUser = db.prepare<{ id: number; email: string }>('SELECT id, email FROM users WHERE id = ?')
 * findUser.get([1]) // { id: 1, email: 'ada@example.com' }, or undefined
 */
export class Statement<Row extends object = Record<string, SqlValue>> {
  readonly #database: Database
  /** The SQL text, as prepared. */
  readonly sql: string
  readonly #names: readonly string[]
  readonly #positional: number

  /**
   * Made by {@link Database.prepare}; SQL errors show there, not at the first use.
   *
   * @param database - where it runs
   * @param sql - one SQL statement
   * @example
   * const statement = db.prepare('SELECT 1 AS one')
   */
  constructor(database: Database, sql: string) {
    this.#database = database
    this.sql = sql
    const bare = withoutLiterals(sql)
    this.#names = [...new Set([...bare.matchAll(/[:@$]([A-Za-z_]\w*)/g)].map((m) => m[1] ?? ''))]
    this.#positional = (bare.match(/\?/g) ?? []).length
    database.statement(sql)
  }

  /**
   * The first row, or `undefined` when there is none.
   *
   * @param params - the parameters' values
   * @returns the row
   * @example
   * db.prepare<{ n: number }>('SELECT count(*) AS n FROM users').get()?.n // 2
   */
  get(params?: SqlParams): Row | undefined {
    const statement = this.#bound(params)
    try {
      return statement.step() ? (statement.getAsObject() as Row) : undefined
    } finally {
      statement.reset()
    }
  }

  /**
   * Every row.
   *
   * @param params - the parameters' values
   * @returns the rows, in order
   * @example
   * db.prepare<{ email: string }>('SELECT email FROM users ORDER BY id').all() // [{ email: 'ada@example.com' }, …]
   */
  all(params?: SqlParams): Row[] {
    const statement = this.#bound(params)
    const rows: Row[] = []
    try {
      while (statement.step()) rows.push(statement.getAsObject() as Row)
    } finally {
      statement.reset()
    }
    return rows
  }

  /**
   * Run a write (INSERT, UPDATE, DELETE) and say what it did.
   *
   * @param params - the parameters' values
   * @returns rows changed and the last inserted rowid
   * @example
   * db.prepare('DELETE FROM sessions WHERE user_id = ?').run([1]).changes // 2
   */
  run(params?: SqlParams): RunResult {
    const statement = this.#bound(params)
    try {
      while (statement.step());
    } finally {
      statement.reset()
    }
    return this.#database.lastWrite()
  }

  /** The prepared sql.js statement with `params` bound, after checking every parameter has a value. */
  #bound(params: SqlParams | undefined): SqlJsStatement {
    const statement = this.#database.statement(this.sql)
    const shown = this.sql.length > 80 ? `${this.sql.slice(0, 77)}…` : this.sql
    if (Array.isArray(params) || params === undefined) {
      const values = (params ?? []) as readonly (SqlValue | boolean)[]
      if (this.#names.length > 0 && this.#positional === 0)
        throw new TypeError(
          `"${shown}" has named parameters (${this.#names.map((n) => `:${n}`).join(', ')}): pass an object such as { ${this.#names[0]}: … }.`,
        )
      if (values.length !== this.#positional)
        throw new TypeError(
          `"${shown}" has ${this.#positional} "?" placeholder${this.#positional === 1 ? '' : 's'}, but ${values.length} value${values.length === 1 ? ' was' : 's were'} given.`,
        )
      values.forEach((value, index) => checkValue(value, `value ${index + 1}`, shown))
      statement.bind(values.map(stored))
      return statement
    }
    const named = params as Readonly<Record<string, SqlValue | boolean>>
    const bindings: Record<string, SqlValue> = {}
    for (const name of this.#names) {
      if (!Object.hasOwn(named, name))
        throw new TypeError(`"${shown}" needs a value for :${name}, and none was given.`)
      const value = named[name]
      checkValue(value, `:${name}`, shown)
      for (const prefix of [':', '@', '$']) bindings[prefix + name] = stored(value ?? null)
    }
    statement.bind(bindings)
    return statement
  }
}

/**
 * An open SQLite database. Get one with {@link openDatabase}.
 *
 * @example
 * const db = openDatabase()
 * db.migrate(['CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)'])
 */
export class Database {
  readonly #sqlite: SqlJsDatabase
  readonly #prepared = new Map<string, SqlJsStatement>()

  /**
   * Use {@link openDatabase} instead.
   *
   * @param sqlite - sql.js's database
   * @example
   * openDatabase() // not new Database(...)
   */
  constructor(sqlite: SqlJsDatabase) {
    this.#sqlite = sqlite
  }

  /**
   * Prepare one SQL statement. Preparing the same text again is cheap: it is prepared once.
   *
   * @param sql - one statement, with `?` or named (`:name`) parameters
   * @returns the statement
   * @throws the SQL error, such as `no such table: users`
   * @example
   * const insert = db.prepare('INSERT INTO users (email, password_hash) VALUES (:email, :hash)')
   * insert.run({ email: 'ada@example.com', hash })
   */
  prepare<Row extends object = Record<string, SqlValue>>(sql: string): Statement<Row> {
    return new Statement<Row>(this, sql)
  }

  /**
   * Run SQL with no parameters and no result, one or more statements separated by `;`.
   *
   * @param sql - the SQL
   * @example
   * db.exec('CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id)')
   */
  exec(sql: string): void {
    this.#sqlite.exec(sql)
  }

  /**
   * Run `fn` in a transaction: every write it makes is kept if it returns, and none if it throws
   * (the error is thrown again). `fn` must be synchronous, as every call here is.
   *
   * @param fn - the work
   * @returns what `fn` returns
   * @example
   * db.transaction(() => {
   *   db.prepare('DELETE FROM sessions WHERE user_id = ?').run([1])
   *   db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run([hash, 1])
   * })
   */
  transaction<T>(fn: () => T): T {
    this.#sqlite.exec('BEGIN')
    let result: T
    try {
      result = fn()
      if (result instanceof Promise)
        throw new TypeError(
          'db.transaction(fn) needs a synchronous fn: an async one would commit before its awaits finish. Do the awaiting (hashing a password, say) before the transaction.',
        )
    } catch (error) {
      this.#sqlite.exec('ROLLBACK')
      throw error
    }
    this.#sqlite.exec('COMMIT')
    return result
  }

  /**
   * Bring the schema up to date: run each migration not yet run, in order, and record it in the
   * `schema_migrations` table, so running the same list again (every time the server starts)
   * does nothing. Each migration runs in a transaction of its own. A migration that already ran
   * must never change: add a new one instead.
   *
   * @param migrations - SQL texts, oldest first; append, never edit or reorder
   * @returns how many ran now
   * @throws when a migration that already ran has different text now, or a migration's SQL fails
   * @example
   * db.migrate([
   *   'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL)',
   *   'ALTER TABLE users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 1',
   * ]) // 2 the first time, 0 after
   */
  migrate(migrations: readonly string[]): number {
    this.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, sql TEXT NOT NULL)',
    )
    const done = new Map(
      this.prepare<{ version: number; sql: string }>('SELECT version, sql FROM schema_migrations')
        .all()
        .map((row) => [row.version, row.sql]),
    )
    let ran = 0
    migrations.forEach((sql, index) => {
      const version = index + 1
      const before = done.get(version)
      if (before !== undefined) {
        if (before !== sql)
          throw new Error(
            `Migration ${version} has changed since it ran. Never edit a migration that ran: put the change in a new one at the end of the list.`,
          )
        return
      }
      this.transaction(() => {
        this.exec(sql)
        this.prepare('INSERT INTO schema_migrations (version, sql) VALUES (?, ?)').run([
          version,
          sql,
        ])
      })
      ran++
    })
    return ran
  }

  /**
   * sql.js's prepared statement for this text (internal; use {@link prepare}).
   *
   * @param sql - the SQL text
   * @returns the prepared statement
   * @example
   * db.statement('SELECT 1')
   */
  statement(sql: string): SqlJsStatement {
    let statement = this.#prepared.get(sql)
    if (!statement) {
      statement = this.#sqlite.prepare(sql)
      this.#prepared.set(sql, statement)
      if (this.#prepared.size > STATEMENT_CACHE_SIZE) {
        const [oldest, old] = this.#prepared.entries().next().value as [string, SqlJsStatement]
        old.free()
        this.#prepared.delete(oldest)
      }
    }
    return statement
  }

  /**
   * What the last write did (internal; {@link Statement.run} returns it).
   *
   * @returns rows changed and the last inserted rowid
   * @example
   * db.lastWrite().changes
   */
  lastWrite(): RunResult {
    const changes = this.#sqlite.getRowsModified()
    const row = this.statement('SELECT last_insert_rowid() AS id')
    try {
      row.step()
      return { changes, lastInsertRowid: Number(row.get()[0]) }
    } finally {
      row.reset()
    }
  }
}

const databases = new WeakMap<SqlJsDatabase, Database>()

/**
 * Open a database file (by default `app.db`). The file lasts for the whole run: each run starts
 * from the exercise's seed data, and a server restart finds the file as the last server left it.
 * Opening the same file again gives the same database. `:memory:` is a fresh empty database.
 *
 * @param filename - `app.db` unless you want another file
 * @returns the database
 * @example
 * import { openDatabase } from 'signed-in/db'
 * const db = openDatabase()
 * const user = db.prepare<{ id: number; email: string }>('SELECT id, email FROM users WHERE id = ?').get([1])
 */
export function openDatabase(filename: string = DEFAULT_DATABASE): Database {
  const sqlite = openFile(filename)
  let database = databases.get(sqlite)
  if (!database) {
    database = new Database(sqlite)
    if (filename !== ':memory:') databases.set(sqlite, database)
  }
  return database
}

function stored(value: SqlValue | boolean): SqlValue {
  return typeof value === 'boolean' ? Number(value) : value
}

function checkValue(value: unknown, which: string, shown: string): void {
  if (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value instanceof Uint8Array
  )
    return
  throw new TypeError(
    `"${shown}": ${which} is ${value === undefined ? 'undefined' : typeof value}; SQLite stores a number, a string, bytes or null.`,
  )
}

/** The SQL with quoted strings, quoted names and comments blanked, so a `?` or `:x` in them is not a parameter. */
function withoutLiterals(sql: string): string {
  return sql.replace(
    /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?\*\//g,
    ' ',
  )
}

export { SESSIONS_TABLE, SqliteSessionStore } from './session-store'
