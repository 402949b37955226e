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

/** 32 random bytes as hex. In a real app this comes from process.env.SESSION_SECRET, never from the code. */
export const SESSION_SECRET = '32674dc1946fcb1ee98d17e70dab9bbb259275cf7ed392e177d6b56c861d8ff5'

export function findUser(username: string): StoredUser | undefined {
  return accounts.find((account) => account.username === username)
}
