import { openDatabase } from 'signed-in/db'
import { UserMixin } from 'signed-in/login-manager'

/** app.db: the users table comes from the exercise's seed data; the sessions table, from the store. */
export const db = openDatabase()

export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public passwordHash: string,
  ) {
    super()
  }
}

interface UserRow {
  id: number
  name: string
  password_hash: string
}

const toUser = (row: UserRow | undefined) =>
  row && new User(String(row.id), row.name, row.password_hash)

export function findById(id: string): User | undefined {
  return toUser(db.prepare<UserRow>('SELECT * FROM users WHERE id = ?').get([Number(id)]))
}

export function findByName(name: string): User | undefined {
  return toUser(
    db.prepare<UserRow>('SELECT * FROM users WHERE lower(name) = lower(?)').get([name]),
  )
}

export function savePasswordHash(user: User, hash: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run([hash, Number(user.id)])
  user.passwordHash = hash
}

/** 32 random bytes in hex. In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = '35caf468fd8ec860d962fd2df4a511eaf95adf55fd7faf135df18c0b193269b6'
