import { errorMessages, LoginManagerError } from './errors'

/**
 * The base class for an app's users: what the login manager needs to know about one. Extend it
 * and give your class an `id`. Override `isActive` to block a suspended account from logging in.
 *
 * @example
 * class User extends UserMixin {
 *   constructor(public id: string, public name: string) {
 *     super()
 *   }
 * }
 * new User('7', 'Ada').getId() // '7'
 */
export class UserMixin {
  /** Set this in your subclass; `getId()` returns it as a string. */
  declare id?: string | number

  /** Whether the account may log in. True unless you override it. */
  get isActive(): boolean {
    return true
  }

  /** Whether this user has logged in: real users are, when active. */
  get isAuthenticated(): boolean {
    return this.isActive
  }

  /** Always false for real users; see {@link AnonymousUser}. */
  get isAnonymous(): boolean {
    return false
  }

  /**
   * The id the session stores, as a string.
   *
   * @returns `String(this.id)`
   * @throws LoginManagerError when the user has no id
   */
  getId(): string | null {
    if (this.id === undefined || this.id === null) {
      throw new LoginManagerError(
        'user-without-id',
        errorMessages.userWithoutId(this.constructor.name),
      )
    }
    return String(this.id)
  }

  /**
   * Whether two users are the same user: compares `getId()` with other `UserMixin` objects only.
   *
   * @param other - anything
   * @returns true for another UserMixin with the same id
   */
  equals(other: unknown): boolean {
    return (
      other instanceof UserMixin &&
      !other.isAnonymous &&
      !this.isAnonymous &&
      other.getId() === this.getId()
    )
  }
}

/**
 * The user of a request nobody is logged in to. Not authenticated, not active, anonymous, no id.
 *
 * @example
 * const visitor = new AnonymousUser()
 * visitor.isAuthenticated // false
 * visitor.getId() // null
 */
export class AnonymousUser extends UserMixin {
  override get isActive(): boolean {
    return false
  }
  override get isAuthenticated(): boolean {
    return false
  }
  override get isAnonymous(): boolean {
    return true
  }
  override getId(): null {
    return null
  }
}
