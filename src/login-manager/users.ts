import { errorMessages, LoginManagerError } from './errors'

/**
 * The base class for an app's users: what the login manager needs to know about one. Extend it
 * and give your class an `id`. Override `isActive` to block a suspended account from logging in.
 *
 * @example
 * class User extends UserMixin {
 *   constructor(public override id: string, public name: string) {
 *     super()
 *   }
 * }
 * new User('7', 'Ada').getId() // '7'
 */
export class UserMixin {
  /** Set this in your subclass; `getId()` returns it as a string. */
  declare id?: string | number

  /**
   * The user's session version, a whole number kept with the user in your database (default 0).
   * Every login stores it in the session and the remember cookie; a session or cookie made at an
   * older version is refused. `logoutEverywhere(c)` adds one to it; so should changing the password.
   */
  declare sessionVersion?: number

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
   * The id the session stores, as a string. Typed `string`: a real user always has one (only
   * {@link AnonymousUser.getId} returns `null`).
   *
   * @returns `String(this.id)`
   * @throws LoginManagerError (`user-without-id`) when the user has no id
   * @example
   * class Member extends UserMixin {
   *   constructor(public override id: number) {
   *     super()
   *   }
   * }
   * new Member(7).getId() // '7'
   */
  getId(): string {
    if (this.id === undefined || this.id === null) {
      throw new LoginManagerError(
        'user-without-id',
        errorMessages.userWithoutId(this.constructor.name),
      )
    }
    return String(this.id)
  }

  /**
   * The session version logins of this user are stamped with: `sessionVersion`, or 0.
   *
   * @returns a whole number
   * @example
   * const user = new User('1', 'Ada', 'pbkdf2:sha256:600000$…')
   * user.sessionVersion = 2
   * user.getSessionVersion() // 2
   */
  getSessionVersion(): number {
    const version = this.sessionVersion
    return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0
      ? version
      : 0
  }

  /**
   * Whether two users are the same user: compares `getId()` with other `UserMixin` objects only.
   *
   * @param other - anything
   * @returns true for another UserMixin with the same id
   * @example
   * class Member extends UserMixin {
   *   constructor(public override id: string) {
   *     super()
   *   }
   * }
   * new Member('7').equals(new Member('7')) // true
   * new Member('7').equals({ id: '7' }) // false: not a UserMixin
   */
  equals(other: unknown): boolean {
    return other instanceof UserMixin && other.getId() === this.getId()
  }
}

/**
 * The user of a request nobody is logged in to. Not authenticated, not active, anonymous, no id.
 * Like Flask-Login's `AnonymousUserMixin`, it is not a `UserMixin`, so it cannot be passed to
 * `loginUser`. Extend it to give anonymous visitors fields of your own.
 *
 * @example
 * const visitor = new AnonymousUser()
 * visitor.isAuthenticated // false
 * visitor.getId() // null
 */
export class AnonymousUser {
  /** Always false: nobody to activate. */
  get isActive(): boolean {
    return false
  }
  /** Always false: nobody logged in. */
  get isAuthenticated(): boolean {
    return false
  }
  /** Always true. */
  get isAnonymous(): boolean {
    return true
  }
  /**
   * Always `null`: an anonymous visitor has no id to store.
   *
   * @returns null
   * @example
   * new AnonymousUser().getId() // null
   */
  getId(): null {
    return null
  }
}
