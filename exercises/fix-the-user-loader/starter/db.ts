import { UserMixin } from 'signed-in/login-manager'

export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public passwordHash: string,
  ) {
    super()
  }
}

/** A row of the users table, as the database hands it back. */
export interface UserRow {
  id: string
  name: string
  password_hash: string
}

// In place of a real database. Every call is async, as a query over the network would be.
// Ada's password is "analytical-engine" and Grace's is "compiler-first" (hashed with few rounds so
// the checks run fast).
const rows = new Map<string, UserRow>([
  [
    '1',
    {
      id: '1',
      name: 'Ada',
      password_hash:
        'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e',
    },
  ],
  [
    '2',
    {
      id: '2',
      name: 'Grace',
      password_hash:
        'pbkdf2:sha256:1000$7SazMHRNWJ1idxLC$83fc4aae1b4c4009be972ff5e62a3d0b157b1a74a801b282d37129092ad16f73',
    },
  ],
])

export const db = {
  async findUserById(id: string): Promise<UserRow | undefined> {
    return rows.get(id)
  },
  async findUserByName(name: string): Promise<UserRow | undefined> {
    return [...rows.values()].find((row) => row.name.toLowerCase() === name.toLowerCase())
  },
  async deleteUser(id: string): Promise<void> {
    rows.delete(id)
  },
}

/**
 * 32 random bytes as hex, made with `openssl rand -hex 32`. In a real app this comes from
 * process.env.SESSION_SECRET, never from the source code.
 */
export const SESSION_SECRET = 'ba1041bbb9bbe71c66c81d2a5269434414501084cdbb74e3b917879961f3cc8d'
