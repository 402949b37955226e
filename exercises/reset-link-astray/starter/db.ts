import { openDatabase } from 'signed-in/db'
import { UserMixin } from 'signed-in/login-manager'

// app.db: the users and reset_tokens tables come from the exercise's seed data (seed.sql).
// GET /dev/db shows both as they are.
export const db = openDatabase()

export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public email: string,
    public passwordHash: string,
    /** Raised by one on a reset: every session and remember cookie made before is refused. */
    public override sessionVersion: number,
  ) {
    super()
  }
}

/** A row of the users table, as SQLite returns it. */
interface UserRow {
  id: number
  name: string
  email: string
  password_hash: string
  session_version: number
}

const toUser = (row: UserRow | undefined) =>
  row && new User(String(row.id), row.name, row.email, row.password_hash, row.session_version)

/** Cheap hashes so the checks run fast; a real app keeps the default of 600,000 rounds. */
export const PASSWORD_METHOD = 'pbkdf2:sha256:1000'

export function findUserById(id: string): User | undefined {
  return toUser(db.prepare<UserRow>('SELECT * FROM users WHERE id = ?').get([Number(id)]))
}

export function findUserByEmail(email: string): User | undefined {
  return toUser(
    db.prepare<UserRow>('SELECT * FROM users WHERE email = ?').get([email.trim().toLowerCase()]),
  )
}

/** Every row of both tables, for the database viewer at GET /dev/db. */
export function dumpTables() {
  return {
    users: db.prepare('SELECT * FROM users ORDER BY id').all(),
    reset_tokens: db.prepare('SELECT * FROM reset_tokens').all(),
  }
}

/** 32 random bytes in hex. In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = '0d9e8f7a6b5c4d3e2f1a0bc4a1f0e98d2b7c6a5f43e1d09b8a7c6e5d4f3a2b1c'
