import { UserMixin } from 'signed-in/login-manager'

// One table, in memory for the exercise: GET /dev/db shows it as it is.

export class User extends UserMixin {
  /** What the app keeps to recognise this user's reset link, or null when none is waiting. */
  resetKey: string | null = null
  /** When that link stops working, in milliseconds since 1970. */
  resetExpiresAt = 0

  constructor(
    public override id: string,
    public name: string,
    public email: string,
    public passwordHash: string,
    public override sessionVersion = 0,
  ) {
    super()
  }
}

/** Cheap hashes so the checks run fast; a real app keeps the default of 600,000 rounds. */
export const PASSWORD_METHOD = 'pbkdf2:sha256:1000'

// Grace's password is "compiler-first", Ada's "analytical-engine".
export const users = new Map([
  [
    '1',
    new User(
      '1',
      'Grace',
      'grace@example.com',
      'pbkdf2:sha256:1000$3hb43BEkBL5jVXKJ$d5233a0a51951e1c89e0a067e0e3f8c39ccac12fb1cbc6e246f0c5759568b6d0',
    ),
  ],
  [
    '2',
    new User(
      '2',
      'Ada',
      'ada@example.com',
      'pbkdf2:sha256:1000$FG206k0MrBJ8GBol$cf986891a4fb2f002fa827b6386b11bcf4a68853aa90c68aeac180f45c889147',
    ),
  ],
])

export function findUserByEmail(email: string): User | undefined {
  const wanted = email.trim().toLowerCase()
  return [...users.values()].find((user) => user.email === wanted)
}

/** The users table as a viewer shows it, for GET /dev/db. */
export function dumpTables() {
  return { users: [...users.values()].map((user) => ({ ...user })) }
}

/** 32 random bytes in hex. In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = '0d9e8f7a6b5c4d3e2f1a0bc4a1f0e98d2b7c6a5f43e1d09b8a7c6e5d4f3a2b1c'
