import { UserMixin } from 'signed-in/login-manager'

/** A row of the users table, exactly as the database hands it back. */
export interface UserRow {
  id: string
  name: string
  role: 'admin' | 'member'
  password_hash: string
}

/** A user the login manager can work with: UserMixin supplies isAuthenticated, getId() and more. */
export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public role: 'admin' | 'member',
    public passwordHash: string,
  ) {
    super()
  }
}

/** Builds the app's User from a database row. */
export function toUser(row: UserRow): User {
  return new User(row.id, row.name, row.role, row.password_hash)
}

// In place of a real database; every call is async, as a query would be. Ada's password is
// "notes-on-the-engine" (hashed with few rounds so the checks run fast).
const rows = new Map<string, UserRow>([
  [
    '1',
    {
      id: '1',
      name: 'Ada Lovelace',
      role: 'admin',
      password_hash:
        'pbkdf2:sha256:1000$s5uUZQ4FaWzkQaxD$127b892cfdf29a04e16bba7cc02f585dc7bf2523e5a7c3ff142e6f7667741290',
    },
  ],
])

export const db = {
  async findUserById(id: string): Promise<UserRow | undefined> {
    return rows.get(id)
  },
  async findUserByName(name: string): Promise<UserRow | undefined> {
    return [...rows.values()].find((row) => row.name === name)
  },
}

/** In a real app this comes from process.env.SESSION_SECRET: 32 random bytes, as hex. */
export const SESSION_SECRET = 'bf913dd06e23c21c0df406d813b60da15465757a25ea04035676f3541ccb75b3'
