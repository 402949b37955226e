/**
 * One server-side session as a {@link SessionStore} keeps it: one row of a `sessions` table.
 *
 * ```sql
 * CREATE TABLE sessions (
 *   id_hash    TEXT PRIMARY KEY,  -- SHA-256 hex of the cookie's random id, never the id itself
 *   user_id    TEXT,              -- NULL while nobody is logged in
 *   data       TEXT NOT NULL,     -- the session as JSON
 *   created_at INTEGER NOT NULL,  -- seconds since 1970: when the session began (the last login)
 *   updated_at INTEGER NOT NULL,  -- when it was last written
 *   expires_at INTEGER NOT NULL   -- after this the row is dead and may be deleted
 * );
 * CREATE INDEX sessions_user_id ON sessions (user_id);
 * ```
 *
 * @example
 * const row: StoredSession = { userId: '1', data: '{"_user_id":"1"}', createdAt: 0, updatedAt: 0, expiresAt: 3600 }
 */
export interface StoredSession {
  /** The logged-in user's id, or null; what {@link SessionStore.deleteAllForUser} matches. */
  userId: string | null
  /** The session's contents as JSON text. */
  data: string
  /** When the session began (its first write, or the last login), in seconds since 1970. */
  createdAt: number
  /** When it was last written, in seconds since 1970. */
  updatedAt: number
  /** When it stops being valid, in seconds since 1970. */
  expiresAt: number
}

/**
 * Where `session({ store })` keeps sessions on the server. Every method is async, so a store can
 * be a database. Keys are SHA-256 hashes of the session ids: a leaked store does not hand out
 * cookies. The library checks expiry itself, so a store need not, but may delete rows past
 * `expiresAt`.
 *
 * @example
 * const store: SessionStore = new MemorySessionStore()
 * app.use(session({ secret: process.env.SESSION_SECRET, store }))
 */
export interface SessionStore {
  /** The session stored under this id hash, or undefined/null. */
  get(idHash: string): Promise<StoredSession | null | undefined>
  /** Insert or replace the session under this id hash. */
  set(idHash: string, session: StoredSession): Promise<void>
  /** Delete the session under this id hash (nothing happens when there is none). */
  delete(idHash: string): Promise<void>
  /** Delete every session of this user: "log out all devices". */
  deleteAllForUser(userId: string): Promise<void>
}

/**
 * A {@link SessionStore} in memory, for development, tests and single-process apps. Sessions are
 * lost on restart, and each process has its own.
 *
 * @example
 * const store = new MemorySessionStore()
 * app.use(session({ secret: process.env.SESSION_SECRET, store }))
 * store.size // sessions held now
 */
export class MemorySessionStore implements SessionStore {
  readonly #rows = new Map<string, StoredSession>()

  /**
   * @param idHash - the session id's hash
   * @returns a copy of the stored session, or undefined
   */
  async get(idHash: string): Promise<StoredSession | undefined> {
    const row = this.#rows.get(idHash)
    return row && { ...row }
  }

  /**
   * @param idHash - the session id's hash
   * @param session - the session to keep
   */
  async set(idHash: string, session: StoredSession): Promise<void> {
    this.#rows.set(idHash, { ...session })
  }

  /** @param idHash - the session id's hash */
  async delete(idHash: string): Promise<void> {
    this.#rows.delete(idHash)
  }

  /** @param userId - the user whose sessions go */
  async deleteAllForUser(userId: string): Promise<void> {
    for (const [key, row] of this.#rows) if (row.userId === userId) this.#rows.delete(key)
  }

  /** How many sessions are held, expired ones included until they are read or replaced. */
  get size(): number {
    return this.#rows.size
  }
}
