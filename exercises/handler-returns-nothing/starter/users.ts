import { UserMixin } from 'signed-in/login-manager'

export type Role = 'admin' | 'member'

/** A user the login manager can work with: UserMixin supplies isAuthenticated, getId() and more. */
export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public role: Role,
    public passwordHash: string,
  ) {
    super()
  }
}

// Ada's password is "analytical-engine" and Grace's is "compiler-first" (hashed with few rounds so
// the checks run fast; real hashes use 600,000).
export const users = new Map<string, User>([
  [
    '1',
    new User(
      '1',
      'Ada',
      'admin',
      'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e',
    ),
  ],
  [
    '2',
    new User(
      '2',
      'Grace',
      'member',
      'pbkdf2:sha256:1000$7SazMHRNWJ1idxLC$83fc4aae1b4c4009be972ff5e62a3d0b157b1a74a801b282d37129092ad16f73',
    ),
  ],
])

export function findByName(name: string): User | undefined {
  return [...users.values()].find((user) => user.name.toLowerCase() === name.toLowerCase())
}

export function findById(id: string): User | undefined {
  return users.get(id)
}

/** 32 random bytes in hex. In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = 'c4f1e0b65e8f0d0a7a3b2f9c61d04e5a2b7c8d9e0f1a2b3c4d5e6f708192a3b4'
