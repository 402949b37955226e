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

/** In a real app this comes from process.env.SESSION_SECRET. */
export const SESSION_SECRET = '7f4b6645bdeb36d269dac79e225b2c99f4ec059dc00b9880121b0623d825a999'
