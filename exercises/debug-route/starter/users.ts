import { UserMixin } from 'signed-in/login-manager'

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

// Ada's password is "notes-on-the-engine", hashed with few rounds so the example runs instantly.
export const users = new Map<string, User>([
  [
    '1',
    new User(
      '1',
      'Ada Lovelace',
      'admin',
      'pbkdf2:sha256:1000$s5uUZQ4FaWzkQaxD$127b892cfdf29a04e16bba7cc02f585dc7bf2523e5a7c3ff142e6f7667741290',
    ),
  ],
])

export function findByName(name: string): User | undefined {
  return [...users.values()].find((user) => user.name === name)
}

/** In a real app this comes from process.env.SESSION_SECRET: 32 random bytes, as hex. */
export const SESSION_SECRET = 'bf913dd06e23c21c0df406d813b60da15465757a25ea04035676f3541ccb75b3'
