import { UserMixin } from 'signed-in/login-manager'

export type Role = 'admin' | 'member'

/** A user with a role: what the account may do, kept in the user record, never in the cookie. */
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

/** 32 random bytes in hex. In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = '5e43fa9fcf9e0900e4c83b9fc5942ae7d576b26324f6e933e2727a341a5a39dd'

/**
 * A hash of a random password nobody knows, made with the same method and cost as the real ones.
 * Checking a password against it costs exactly what checking against a real hash costs.
 */
export const DUMMY_HASH =
  'pbkdf2:sha256:1000$Qm7dZ2xKp4LwN8rT$5e71c3cedb8c4882adb4f5e4d5ccaf315447b0e3ba7f9b545a9be47dbc720af9'
