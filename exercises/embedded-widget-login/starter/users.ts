import { UserMixin } from 'signed-in/login-manager'

/** A user the login manager can work with: UserMixin supplies isAuthenticated, getId() and more. */
export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public email: string,
    public passwordHash: string,
  ) {
    super()
  }
}

// Passwords: Ada's is "notes-on-the-engine", Mallory's "mallory-was-here". Both are hashed with
// 1,000 PBKDF2 rounds so the checks run fast; a real app stores 600,000.
export const users = new Map<string, User>([
  [
    '1',
    new User(
      '1',
      'Ada Lovelace',
      'ada@example.test',
      'pbkdf2:sha256:1000$s5uUZQ4FaWzkQaxD$127b892cfdf29a04e16bba7cc02f585dc7bf2523e5a7c3ff142e6f7667741290',
    ),
  ],
  [
    '2',
    new User(
      '2',
      'Mallory',
      'mallory@evil.test',
      'pbkdf2:sha256:1000$qT7vNc2LwY9eRb4K$a6f83f7819a9b197ab07e02a7d64c884ef57aa9d64a06998a3a9f9b406ceef1f',
    ),
  ],
])

export function findByName(name: string): User | undefined {
  return [...users.values()].find((user) => user.name === name)
}

export function findById(id: string): User | undefined {
  return users.get(id)
}
