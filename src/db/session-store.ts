// The login manager's session store on a SQLite table: `session({ secret, store })` with rows in
// app.db, so sessions survive a server restart and can be revoked one by one or all at once.
import type { SessionStore, StoredSession } from '../login-manager/session-store'
import type { Database } from './index'

/**
 * The table {@link SqliteSessionStore} keeps sessions in. The primary key is the SHA-256 of the
 * cookie's id (the library hashes it before the store sees it): the id itself is never stored,
 * so a copy of this table logs nobody in.
 *
 * @example
 * db.migrate([USERS_TABLE, SESSIONS_TABLE])
 */
export const SESSIONS_TABLE = `CREATE TABLE IF NOT EXISTS sessions (
  id_hash    TEXT PRIMARY KEY,
  user_id    TEXT,
  data       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user_id ON sessions (user_id);
CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at)`

interface SessionRow {
  user_id: string | null
  data: string
  created_at: number
  updated_at: number
  expires_at: number
}

/** How often, at most, a write also sweeps out expired rows, in seconds. */
const SWEEP_EVERY = 60

/**
 * A {@link SessionStore} on a SQLite table: one row per session, keyed by the hash of its id.
 * Expired rows are never returned: one read past its `expires_at` is deleted on the spot, and a
 * write sweeps out all expired rows at most once a minute. `deleteAllForUser` ("sign out all
 * devices") is one `DELETE`.
 *
 * @example
 * import { openDatabase, SqliteSessionStore } from 'signed-in/db'
 * import { session } from 'signed-in/login-manager'
 * const db = openDatabase()
 * app.use(session({ secret: process.env.SESSION_SECRET, store: new SqliteSessionStore(db) }))
 */
export class SqliteSessionStore implements SessionStore {
  readonly #db: Database
  #lastSweep = 0

  /**
   * Creates the `sessions` table ({@link SESSIONS_TABLE}) when it is missing.
   *
   * @param db - from `openDatabase()`
   * @example
   * const store = new SqliteSessionStore(openDatabase())
   */
  constructor(db: Database) {
    this.#db = db
    db.exec(SESSIONS_TABLE)
  }

  /**
   * @param idHash - the session id's SHA-256, as the library gives it
   * @returns the session, or undefined when there is none or it has expired
   * @example
   * await store.get(idHash) // { userId: '1', data: '{…}', createdAt, updatedAt, expiresAt }
   */
  async get(idHash: string): Promise<StoredSession | undefined> {
    const row = this.#db
      .prepare<SessionRow>(
        'SELECT user_id, data, created_at, updated_at, expires_at FROM sessions WHERE id_hash = ?',
      )
      .get([idHash])
    if (!row) return undefined
    if (row.expires_at <= nowInSeconds()) {
      await this.delete(idHash)
      return undefined
    }
    return {
      userId: row.user_id,
      data: row.data,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      expiresAt: row.expires_at,
    }
  }

  /**
   * @param idHash - the session id's SHA-256
   * @param session - the session to keep
   * @example
   * await store.set(idHash, { userId: '1', data: '{}', createdAt: now, updatedAt: now, expiresAt: now + 3600 })
   */
  async set(idHash: string, session: StoredSession): Promise<void> {
    this.#db
      .prepare(
        'INSERT OR REPLACE INTO sessions (id_hash, user_id, data, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run([
        idHash,
        session.userId,
        session.data,
        session.createdAt,
        session.updatedAt,
        session.expiresAt,
      ])
    const now = nowInSeconds()
    if (now - this.#lastSweep >= SWEEP_EVERY) {
      this.#lastSweep = now
      this.deleteExpired()
    }
  }

  /**
   * @param idHash - the session id's SHA-256
   * @example
   * await store.delete(idHash) // logout: a copy of the cookie now finds no row
   */
  async delete(idHash: string): Promise<void> {
    this.#db.prepare('DELETE FROM sessions WHERE id_hash = ?').run([idHash])
  }

  /**
   * "Sign out all devices": delete every session of this user.
   *
   * @param userId - the user whose sessions go
   * @example
   * await store.deleteAllForUser('1')
   */
  async deleteAllForUser(userId: string): Promise<void> {
    this.#db.prepare('DELETE FROM sessions WHERE user_id = ?').run([userId])
  }

  /**
   * Delete every row past its `expires_at`.
   *
   * @returns how many rows went
   * @example
   * store.deleteExpired() // 3
   */
  deleteExpired(): number {
    return this.#db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run([nowInSeconds()])
      .changes
  }
}

function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
