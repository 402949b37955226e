import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readApiReference } from './api-reference'
import { FLASK_LOGIN_MAPPING } from './flask-login-mapping'

// The "Coming from Flask-Login" page promises names. Each must exist in the library: an export, or
// an option, method or property declared in its source.
const exports = new Set(readApiReference('src/login-manager/index.ts').map((entry) => entry.name))
const source = readdirSync('src/login-manager')
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => readFileSync(`src/login-manager/${file}`, 'utf8'))
  .join('\n')
const declared = (name: string) =>
  new RegExp(`^\\s*(get |async |declare |override |public )*${name}(\\?:|:|\\(|<)`, 'm').test(
    source,
  )

const rows = FLASK_LOGIN_MAPPING.flatMap((group) => group.rows)

describe('the Flask-Login mapping', () => {
  it('covers every Flask-Login name the course source texts use most', () => {
    const flask = rows.map((row) => row.flask).join('\n')
    for (const name of [
      'current_user',
      'user_loader',
      'login_required',
      'login_user',
      'logout_user',
      'UserMixin',
      'AnonymousUserMixin',
      'is_authenticated',
      'is_active',
      'is_anonymous',
      'get_id',
      'LoginManager',
      'init_app',
      'login_view',
      'login_message',
      'request_loader',
      'remember=True',
      'fresh_login_required',
      'confirm_login',
      'unauthorized_handler',
      'generate_password_hash',
      'check_password_hash',
      'flash',
      'get_flashed_messages',
      'SECRET_KEY',
      'SESSION_COOKIE_SECURE',
      'SESSION_COOKIE_SAMESITE',
      'SESSION_COOKIE_HTTPONLY',
      'REMEMBER_COOKIE_NAME',
      'test_client',
    ])
      expect(flask, name).toContain(name)
  })

  it.each(rows.flatMap((row) => row.names.map((name) => [name, row.flask] as const)))(
    'names %s, which the library has (row: %s)',
    (name) => {
      expect(exports.has(name) || declared(name), `${name} is not in signed-in/login-manager`).toBe(
        true,
      )
    },
  )

  it('would catch a name the library lacks', () => {
    expect(exports.has('loginUserEverywhere') || declared('loginUserEverywhere')).toBe(false)
  })

  it('writes every Signed In name it lists in the Signed In or difference cell', () => {
    for (const row of rows)
      for (const name of row.names)
        expect(`${row.signedIn} ${row.difference}`, `${row.flask}: ${name}`).toContain(name)
  })
})
