/** A stored account: a name and a password hash, never the password itself. */
export interface StoredUser {
  username: string
  passwordHash: string
}

// The password is "analytical-engine". This hash uses 1,000 PBKDF2 rounds so the example runs
// instantly; generatePasswordHash() defaults to 600,000, which is what a real app should store.
const accounts: StoredUser[] = [
  {
    username: 'ada',
    passwordHash:
      'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e',
  },
]

export function findUser(username: string): StoredUser | undefined {
  return accounts.find((account) => account.username === username)
}
