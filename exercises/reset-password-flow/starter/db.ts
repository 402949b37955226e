import { UserMixin } from 'signed-in/login-manager'

// The app's two tables, kept in memory for the exercise. GET /dev/db shows both as they are.

export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public email: string,
    public passwordHash: string,
    /** Raised by one on a reset: every session and remember cookie made before is refused. */
    public override sessionVersion = 0,
  ) {
    super()
  }
}

/** Cheap hashes so the checks run fast; a real app keeps the default of 600,000 rounds. */
export const PASSWORD_METHOD = 'pbkdf2:sha256:1000'

// Passwords: ada "analytical-engine", grace "compiler-first", alan "enigma-machine",
// edsger "go-to-statement", barbara "liskov-substitution", margaret "apollo-guidance".
const rows: Array<[string, string, string]> = [
  ['Ada', 'ada@example.com', 'pbkdf2:sha256:1000$FG206k0MrBJ8GBol$cf986891a4fb2f002fa827b6386b11bcf4a68853aa90c68aeac180f45c889147'],
  ['Grace', 'grace@example.com', 'pbkdf2:sha256:1000$3hb43BEkBL5jVXKJ$d5233a0a51951e1c89e0a067e0e3f8c39ccac12fb1cbc6e246f0c5759568b6d0'],
  ['Alan', 'alan@example.com', 'pbkdf2:sha256:1000$9EMbCqJopWYBqZLl$a20e818e3d021d6ca55f2386c67dd30b8d98d7ec3a538234c0f48daf0dbb7019'],
  ['Edsger', 'edsger@example.com', 'pbkdf2:sha256:1000$UySrChGzGIxW3fTB$2dce48b6a71f7a9d91ed7bf6d20f00a060cb54110053a970efda739cbbb8643b'],
  ['Barbara', 'barbara@example.com', 'pbkdf2:sha256:1000$WAFobJ5a1YK18T4O$d37d11ad75de80805d811d2e5c79b1f74c7dbd3a25dd3cce87b7abf4fcd44508'],
  ['Margaret', 'margaret@example.com', 'pbkdf2:sha256:1000$yxyR7LWERbEx3ibK$8ec9e99021801209f538e1276e826b32195b733c4974d4dd27344b0452774b8e'],
]

/** The users table: id → user. */
export const users = new Map(
  rows.map(([name, email, hash], index) => {
    const id = String(index + 1)
    return [id, new User(id, name, email, hash)] as const
  }),
)

export function findUserByEmail(email: string): User | undefined {
  const wanted = email.trim().toLowerCase()
  return [...users.values()].find((user) => user.email === wanted)
}

/** One row of the reset tokens table. */
export interface ResetTokenRow {
  userId: string
  /** Milliseconds since 1970, as Date.now() counts. */
  expiresAt: number
}

/** The reset tokens table, keyed by what the app chooses to store for each token. */
export const resetTokens = new Map<string, ResetTokenRow>()

/** Every row of both tables, for the database viewer at GET /dev/db. */
export function dumpTables() {
  return {
    users: [...users.values()].map(({ id, name, email, passwordHash, sessionVersion }) => ({
      id,
      name,
      email,
      passwordHash,
      sessionVersion,
    })),
    resetTokens: [...resetTokens].map(([key, row]) => ({ key, ...row })),
  }
}

/** 32 random bytes in hex. In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = 'c4a1f0e98d2b7c6a5f43e1d09b8a7c6e5d4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b'
