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

// Ada's password is "analytical-engine" (hashed with few rounds so checks run fast).
export const users = new Map<string, User>([
  [
    '1',
    new User(
      '1',
      'Ada',
      'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e',
    ),
  ],
])

export function findByName(name: string): User | undefined {
  return [...users.values()].find((user) => user.name.toLowerCase() === name.toLowerCase())
}

/**
 * 32 random bytes as hex, made with `openssl rand -hex 32`. In a real app this comes from
 * process.env.SESSION_SECRET, never from the source code.
 */
export const SESSION_SECRET = '9aba2c4c303f8d8917614fa721fba443c3496b0b2de33439f00130c8cdc3265e'
