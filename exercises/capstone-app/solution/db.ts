import { openDatabase } from 'signed-in/db'
import { UserMixin } from 'signed-in/login-manager'

/** A row of the users table, as SQLite returns it. */
interface UserRow {
  id: number
  email: string
  name: string
  password_hash: string
  role: string
}

/** A signed-up member, as the login manager sees one. */
export class User extends UserMixin {
  constructor(
    public override id: string,
    public email: string,
    public name: string,
    public passwordHash: string,
    public role: 'member' | 'admin',
  ) {
    super()
  }
}

const toUser = (row: UserRow) =>
  new User(
    String(row.id),
    row.email,
    row.name,
    row.password_hash,
    row.role === 'admin' ? 'admin' : 'member',
  )

export const db = openDatabase()

// The columns of the users table. The database itself refuses a second account with the same
// email, so two sign-ups racing each other cannot both win.
const userColumns = [
  'id INTEGER PRIMARY KEY',
  'email TEXT NOT NULL UNIQUE',
  'name TEXT NOT NULL',
  'password_hash TEXT NOT NULL',
  "role TEXT NOT NULL DEFAULT 'member'",
]

// Migrations run once each, in order, every time the server starts; append, never edit.
db.migrate([
  `CREATE TABLE users (${userColumns.join(', ')})`,
  // Ada, the admin. Her password is "analytical-engine"; the hash uses few rounds, like HASH_METHOD.
  `INSERT INTO users (email, name, password_hash, role) VALUES ('ada@example.com', 'Ada',
    'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e',
    'admin')`,
])

export function findUserById(id: string): User | null {
  const row = db.prepare<UserRow>('SELECT * FROM users WHERE id = ?').get([Number(id)])
  return row ? toUser(row) : null
}

export function findUserByEmail(email: string): User | null {
  const row = db.prepare<UserRow>('SELECT * FROM users WHERE email = ?').get([email])
  return row ? toUser(row) : null
}

/** Add a member; `null` when the email already has an account (the UNIQUE column refuses it). */
export function createUser(email: string, name: string, passwordHash: string): User | null {
  try {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?)')
      .run([email, name, passwordHash])
    return findUserById(String(lastInsertRowid))
  } catch (error) {
    if (String(error).includes('UNIQUE constraint failed')) return null
    throw error
  }
}

export function renameUser(id: string, name: string): void {
  db.prepare('UPDATE users SET name = ? WHERE id = ?').run([name, Number(id)])
}

export function listUsers(): User[] {
  return db.prepare<UserRow>('SELECT * FROM users ORDER BY id').all().map(toUser)
}
