/**
 * One row of the "Coming from Flask-Login" page: a name a Flask-Login app uses, what Signed In
 * calls it, and how the two differ. Cells are Markdown. `names` lists the library names the row
 * relies on, and a test checks each one really exists in `signed-in/login-manager` (an export, an
 * option, a method or a property), so the table cannot promise an API the library lacks.
 *
 * @example
 * const row: MappingRow = { flask: '`login_user(user)`', signedIn: '`await loginUser(c, user)`', names: ['loginUser'], difference: 'Takes the context.' }
 */
export interface MappingRow {
  flask: string
  signedIn: string
  names: string[]
  difference: string
  /** The lesson that teaches it, by slug. */
  lesson?: string
}

/**
 * A group of rows under a heading.
 *
 * @example
 * const group: MappingGroup = { title: 'Logging in and out', rows: [] }
 */
export interface MappingGroup {
  title: string
  rows: MappingRow[]
}

/**
 * Every Flask-Login name the course's source texts use, and the Flask pieces that travel with it
 * (sessions, password hashing, flashing), mapped to Signed In.
 *
 * @example
 * FLASK_LOGIN_MAPPING.flatMap((group) => group.rows).length // more than 40
 */
export const FLASK_LOGIN_MAPPING: MappingGroup[] = [
  {
    title: 'Setting up',
    rows: [
      {
        flask: '`from flask_login import LoginManager`; `login_manager = LoginManager()`',
        signedIn:
          "`import { LoginManager } from 'signed-in/login-manager'`; `new LoginManager<User>(options)`",
        names: ['LoginManager'],
        difference:
          'Options go to the constructor instead of being set as attributes afterwards, and the user type is a type parameter, so `currentUser` is typed.',
        lesson: 'the-login-manager',
      },
      {
        flask: '`login_manager.init_app(app)`, often inside `create_app()`',
        signedIn: '`app.use(session({ secret }), loginManager.middleware())`',
        names: ['session', 'middleware'],
        difference:
          'Hono has no application factory or app context. Middleware order matters: the session must be read before the login manager runs. Forgetting `init_app` in Flask raises an error about a missing login manager; forgetting the middleware here throws `LoginManagerError` with code `middleware-not-installed`, saying what to add.',
        lesson: 'the-login-manager',
      },
      {
        flask: "`app.config['SECRET_KEY']` / `app.secret_key`",
        signedIn: '`session({ secret: process.env.SESSION_SECRET })`',
        names: ['session', 'secret'],
        difference:
          'A missing, short or placeholder secret is refused with a `weak-secret` error that says why, instead of signing with whatever was given.',
        lesson: 'signed-cookies-and-the-secret',
      },
      {
        flask: '`@login_manager.user_loader` on `def load_user(user_id)`',
        signedIn: '`loginManager.userLoader(async (id) => findUser(id) ?? null)`',
        names: ['userLoader'],
        difference:
          'The loader may be async; the manager awaits it. It receives the id as a string, as Flask does, so convert before looking up a numeric key. Return `null` or `undefined` for an unknown id; never throw.',
        lesson: 'the-login-manager',
      },
      {
        flask: '`@login_manager.request_loader`',
        signedIn: '`loginManager.requestLoader(async (c) => …)`',
        names: ['requestLoader'],
        difference:
          "Gets the Hono context, so it reads headers with `c.req.header(...)`. Flask-Login's older `header_loader` has no separate equivalent: read the header inside `requestLoader`.",
      },
      {
        flask: '`login_manager.anonymous_user = MyAnonymous`',
        signedIn: 'the `anonymousUser: () => new MyAnonymous()` option',
        names: ['anonymousUser', 'AnonymousUser'],
        difference:
          'A factory returning an `AnonymousUser` (or your subclass of it) rather than a class, so each request gets its own object.',
      },
      {
        flask: '`login_manager.session_protection = "basic"` / `"strong"` / `None`',
        signedIn: "the `sessionProtection: 'basic' | 'strong' | null` option",
        names: ['sessionProtection'],
        difference:
          "The same three settings and the same default (`'basic'`). The browser identifier hashes the address and User-Agent, as Flask-Login's does.",
      },
    ],
  },
  {
    title: 'Users',
    rows: [
      {
        flask: '`class User(UserMixin, db.Model)`',
        signedIn: '`class User extends UserMixin`',
        names: ['UserMixin'],
        difference:
          'Set `id` in your class; `getId()` returns it as a string. Keep the database row and the user object apart: a loader that returns the raw row has no `getId()`.',
        lesson: 'the-login-manager',
      },
      {
        flask: '`get_id()`',
        signedIn: '`getId()`',
        names: ['getId'],
        difference:
          'Must return a string. Returning a number is refused with a `non-string-id` error rather than silently stored.',
        lesson: 'debugging-current-user',
      },
      {
        flask: '`is_authenticated`, `is_active`, `is_anonymous`',
        signedIn: '`isAuthenticated`, `isActive`, `isAnonymous`',
        names: ['isAuthenticated', 'isActive', 'isAnonymous'],
        difference:
          'Getters with the same meaning; override `isActive` to refuse disabled accounts.',
        lesson: 'the-login-manager',
      },
      {
        flask: '`AnonymousUserMixin`',
        signedIn: '`AnonymousUser`',
        names: ['AnonymousUser'],
        difference:
          'It has no `id`. Where Flask raises `AttributeError`, reading `.id` here gives `undefined`, and the error shows up a step later as a `TypeError` where that `undefined` is used. Check `isAuthenticated` first.',
        lesson: 'debugging-current-user',
      },
      {
        flask: '"Alternative tokens": a `get_id()` that changes when the password does',
        signedIn: 'a `sessionVersion` on the user, and `logoutEverywhere(c)`',
        names: ['sessionVersion', 'logoutEverywhere', 'sessionVersionSaver'],
        difference:
          'Built in rather than left to you: the version travels in the session and the remember cookie, and bumping it (saved through `loginManager.sessionVersionSaver(...)`) signs out every device.',
        lesson: 'remember-me-and-fresh-logins',
      },
    ],
  },
  {
    title: 'Logging in and out',
    rows: [
      {
        flask: '`login_user(user)`',
        signedIn: '`await loginUser(c, user)`',
        names: ['loginUser'],
        difference:
          'Takes the Hono context, because there is no global request. Returns `false` for an inactive user, as Flask-Login does. It also starts the session afresh: with a session store, a new id, so an id planted before login (session fixation) is left behind.',
        lesson: 'the-login-manager',
      },
      {
        flask: '`login_user(user, remember=True, duration=timedelta(days=14))`',
        signedIn: '`await loginUser(c, user, { remember: true, duration: 14 * 24 * 60 * 60 })`',
        names: ['loginUser'],
        difference: 'Durations are seconds, not `timedelta`.',
        lesson: 'remember-me-and-fresh-logins',
      },
      {
        flask: '`logout_user()`',
        signedIn: '`await logoutUser(c)`',
        names: ['logoutUser'],
        difference: 'Clears the session keys and deletes the remember cookie, as Flask-Login does.',
        lesson: 'the-login-manager',
      },
      {
        flask: '`current_user`',
        signedIn: '`await currentUser(c)`, or `c.var.currentUser` after a guard',
        names: ['currentUser'],
        difference:
          'No context-local proxy: ask for the user with the context. Behind `loginRequired()` the user is already loaded.',
        lesson: 'the-login-manager',
      },
      {
        flask: '`confirm_login()`, `login_fresh()`',
        signedIn: '`await confirmLogin(c)`, `loginFresh(c)`',
        names: ['confirmLogin', 'loginFresh'],
        difference: 'The same meaning.',
        lesson: 'remember-me-and-fresh-logins',
      },
      {
        flask: '`login_remembered()`',
        signedIn: '`await loginRemembered(c)`',
        names: ['loginRemembered'],
        difference: 'The same meaning.',
        lesson: 'remember-me-and-fresh-logins',
      },
    ],
  },
  {
    title: 'Protecting routes',
    rows: [
      {
        flask: '`@login_required`',
        signedIn: '`app.get(path, loginRequired(), handler)`',
        names: ['loginRequired'],
        difference:
          'Middleware instead of a decorator. It lets `OPTIONS` through by default (`exemptMethods`), as Flask-Login does.',
        lesson: 'protecting-routes',
      },
      {
        flask: '`@fresh_login_required`',
        signedIn: '`freshLoginRequired()`',
        names: ['freshLoginRequired'],
        difference: 'The same meaning.',
        lesson: 'remember-me-and-fresh-logins',
      },
      {
        flask: "`login_manager.login_view = 'auth.login'`",
        signedIn: "the `loginView: '/login'` option",
        names: ['loginView'],
        difference:
          'A path, not an endpoint name: there is no `url_for`. A `loginView` that points at a protected route loops; one that points nowhere gives a 404.',
        lesson: 'protecting-routes',
      },
      {
        flask: '`login_manager.login_message`, `login_message_category`',
        signedIn: 'the `loginMessage` and `loginMessageCategory` options',
        names: ['loginMessage', 'loginMessageCategory'],
        difference: '`null` flashes nothing.',
        lesson: 'protecting-routes',
      },
      {
        flask: '`login_manager.refresh_view`, `needs_refresh_message`',
        signedIn: 'the `refreshView` and `needsRefreshMessage` options',
        names: ['refreshView', 'needsRefreshMessage'],
        difference: 'The same meaning.',
        lesson: 'remember-me-and-fresh-logins',
      },
      {
        flask: '`@login_manager.unauthorized_handler`, `@login_manager.needs_refresh_handler`',
        signedIn:
          '`loginManager.unauthorizedHandler((c) => …)`, `loginManager.needsRefreshHandler(…)`',
        names: ['unauthorizedHandler', 'needsRefreshHandler'],
        difference: 'The handler gets the context and returns a `Response`.',
        lesson: 'protecting-routes',
      },
      {
        flask: "`request.args.get('next')`, then a hand-written `is_safe_url`",
        signedIn: "`safeNext(c.req.query('next'), '/dashboard')`",
        names: ['safeNext'],
        difference:
          'Flask-Login leaves checking `next` to you. `safeNext` refuses other hosts, `//evil.test`, backslashes and encoded control characters, and falls back to the path you give.',
        lesson: 'protecting-routes',
      },
      {
        flask: '`login_url()`, `make_next_param()`, `USE_SESSION_FOR_NEXT`',
        signedIn: '`loginUrl()`, `makeNextParam()`, the `useSessionForNext` option',
        names: ['loginUrl', 'makeNextParam', 'useSessionForNext'],
        difference: 'The same behaviour, with paths instead of endpoints.',
        lesson: 'protecting-routes',
      },
      {
        flask: 'a `role_required` or `admin_required` decorator written by hand',
        signedIn: 'a small middleware built on `c.var.currentUser`, answering 403',
        names: ['loginRequired'],
        difference:
          'Neither library ships roles. The course builds one after `loginRequired()`: a stranger is sent to log in, a signed-in user without the role gets 403.',
        lesson: 'authorization',
      },
    ],
  },
  {
    title: 'Cookies, sessions and settings',
    rows: [
      {
        flask:
          '`REMEMBER_COOKIE_NAME`, `_DURATION`, `_SECURE`, `_HTTPONLY`, `_SAMESITE`, `_REFRESH_EACH_REQUEST`',
        signedIn:
          'the `rememberCookie: { name, duration, secure, httpOnly, sameSite, refreshEachRequest }` option',
        names: ['rememberCookie', 'refreshEachRequest'],
        difference:
          '`HttpOnly` and `SameSite=Lax` by default, and `Secure` whenever the request came over https. Flask-Login defaults `REMEMBER_COOKIE_SECURE` to off.',
        lesson: 'remember-me-and-fresh-logins',
      },
      {
        flask: '`SESSION_COOKIE_SECURE`, `SESSION_COOKIE_HTTPONLY`, `SESSION_COOKIE_SAMESITE`',
        signedIn:
          '`session({ secret, cookie: { secure, httpOnly, sameSite } })`, or `hostPrefix: true` for `__Host-`',
        names: ['session', 'hostPrefix'],
        difference:
          'Flask leaves `SESSION_COOKIE_SECURE` off and `SAMESITE` unset by default; here the session cookie is `HttpOnly`, `SameSite=Lax`, and `Secure` on https unless you say otherwise.',
        lesson: 'cookie-security',
      },
      {
        flask: '`session.permanent = True` with `PERMANENT_SESSION_LIFETIME`',
        signedIn: '`getSession(c).permanent = true` with `session({ maxAge })`',
        names: ['getSession', 'maxAge'],
        difference:
          'The same 31-day default. The signed creation time lets the server refuse an old cookie even if the browser kept it.',
        lesson: 'signed-cookies-and-the-secret',
      },
      {
        flask: 'Flask-Session, or a server-side session table',
        signedIn: '`session({ secret, store })` with `MemorySessionStore` or a SQLite store',
        names: ['MemorySessionStore', 'store'],
        difference:
          'The cookie carries only a random id; the store keeps its SHA-256 hash, so a leaked table cannot be replayed.',
        lesson: 'server-side-sessions',
      },
      {
        flask: '`flash(message, category)`, `get_flashed_messages(with_categories=True)`',
        signedIn: '`flash(c, message, category)`, `getFlashedMessages(c)`',
        names: ['flash', 'getFlashedMessages'],
        difference: 'Each message comes back with its category; reading removes them, as in Flask.',
        lesson: 'protecting-routes',
      },
      {
        flask:
          'signals: `user_logged_in`, `user_logged_out`, `user_loaded_from_cookie`, `user_unauthorized`…',
        signedIn: "`loginManager.on('loggedIn', (c, user) => …)` and the other events",
        names: ['on'],
        difference:
          'Events on the manager instead of blinker signals: `loggedIn`, `loggedOut`, `loadedFromCookie`, `loadedFromRequest`, `loginConfirmed`, `unauthorized`, `needsRefresh`, `accessed`, `sessionProtected`.',
      },
    ],
  },
  {
    title: 'Passwords (Werkzeug)',
    rows: [
      {
        flask: '`generate_password_hash(password)`',
        signedIn: '`await generatePasswordHash(password)`',
        names: ['generatePasswordHash'],
        difference:
          "Werkzeug's formats (`pbkdf2:sha256:600000$salt$hash`, `scrypt:32768:8:1$salt$hash`), so hashes move between the two. The default here is PBKDF2 with 600,000 rounds; Werkzeug 3.1's is scrypt. The removed `method='sha256'` is refused, as is a cost too high to run safely.",
        lesson: 'passwords-and-guessing',
      },
      {
        flask: '`check_password_hash(hash, password)`',
        signedIn: '`await checkPasswordHash(hash, password)`',
        names: ['checkPasswordHash'],
        difference:
          'Async, so scrypt does not block the server, and bounded: a stored hash with absurd parameters answers `false` without hashing.',
        lesson: 'passwords-and-guessing',
      },
    ],
  },
  {
    title: 'Debugging and testing',
    rows: [
      {
        flask: 'a debug view printing `current_user`, `session` and cookies',
        signedIn: '`describeAuth(c)`',
        names: ['describeAuth'],
        difference:
          "Built in: one call reports whether the visitor is authenticated, the user id in the session, the session's key names (never values), whether a remember cookie came, whether the login is fresh, and whether a secret is set.",
        lesson: 'debugging-current-user',
      },
      {
        flask: '`app.test_client()` with `follow_redirects=True`',
        signedIn: "`app.request(path, init)` plus a cookie jar, or the course's test client",
        names: [],
        difference:
          'Hono apps answer `Request`s directly, so tests need no server. Keep the cookies between requests yourself, or with a client that does.',
        lesson: 'testing-the-login-flow',
      },
    ],
  },
]
