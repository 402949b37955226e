import { UserMixin } from 'signed-in/login-manager'

/** A user the login manager can work with. The id is a number, as an INTEGER PRIMARY KEY column gives it. */
export class User extends UserMixin {
  constructor(
    public override id: number,
    public name: string,
    public role: 'admin' | 'member',
    public passwordHash: string,
  ) {
    super()
  }
}

// The users table, as the database hands it back. Ada's password is "notes-on-the-engine" and
// Grace's is "compiler-first" (hashed with few rounds so the checks run fast).
export const users: User[] = [
  new User(
    1,
    'Ada Lovelace',
    'admin',
    'pbkdf2:sha256:1000$s5uUZQ4FaWzkQaxD$127b892cfdf29a04e16bba7cc02f585dc7bf2523e5a7c3ff142e6f7667741290',
  ),
  new User(
    2,
    'Grace Hopper',
    'member',
    'pbkdf2:sha256:1000$7SazMHRNWJ1idxLC$83fc4aae1b4c4009be972ff5e62a3d0b157b1a74a801b282d37129092ad16f73',
  ),
]

/** In a real app this comes from process.env.SESSION_SECRET: 32 random bytes, as hex. */
export const SESSION_SECRET = 'bf913dd06e23c21c0df406d813b60da15465757a25ea04035676f3541ccb75b3'
