import { UserMixin } from 'signed-in/login-manager'

export class User extends UserMixin {
  constructor(
    public override id: string,
    public name: string,
    public passwordHash: string,
    /**
     * Goes up by one each time the password changes. (Not named `sessionVersion`: that name would
     * switch on the login manager's own version check, and here your loader does the checking.)
     */
    public passwordVersion = 1,
  ) {
    super()
  }

  /**
   * What the login manager stores in the session and signs into the remember cookie: the id and
   * the session version, such as "1:3". A login made before the version went up carries an old
   * number, so the user loader can refuse it.
   */
  override getId(): string {
    return `${this.id}:${this.passwordVersion}`
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
      'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e',
    ),
  ],
  [
    '2',
    new User(
      '2',
      'Grace',
      'pbkdf2:sha256:1000$7SazMHRNWJ1idxLC$83fc4aae1b4c4009be972ff5e62a3d0b157b1a74a801b282d37129092ad16f73',
    ),
  ],
])

export function findByName(name: string): User | undefined {
  return [...users.values()].find((user) => user.name.toLowerCase() === name.toLowerCase())
}

/** 32 random bytes in hex. In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = '35caf468fd8ec860d962fd2df4a511eaf95adf55fd7faf135df18c0b193269b6'
