// Middleware factories: route guards built from the context helpers.
import type { MiddlewareHandler } from 'hono'
import { currentUser, loginFresh, stateOf } from './helpers'
import type { LoginVariables } from './login-manager'
import type { UserMixin } from './users'

/**
 * Middleware that lets only logged-in users through. Methods in `exemptMethods` pass straight
 * through; anonymous visitors get `loginManager.unauthorized(c)`. Inside, `c.var.currentUser` is set.
 *
 * @returns the middleware; pass your user type to type `c.var.currentUser`
 * @example
 * app.get('/dashboard', loginRequired<User>(), (c) => c.text(`Welcome, ${c.var.currentUser.name}`))
 */
export function loginRequired<User extends UserMixin = UserMixin>(): MiddlewareHandler<{
  Variables: LoginVariables<User>
}> {
  return async function loginRequired(c, next) {
    const { manager } = stateOf<User>(c, 'loginRequired()')
    if (manager.exemptMethods.includes(c.req.method)) return next()
    const user = await currentUser<User>(c)
    if (!user.isAuthenticated) return manager.unauthorized(c)
    c.set('currentUser', user as User)
    await next()
  }
}

/**
 * Like {@link loginRequired}, and the login must be fresh; otherwise `loginManager.needsRefresh(c)`.
 *
 * @returns the middleware
 * @example
 * app.post('/delete-account', freshLoginRequired<User>(), (c) => c.text(`Goodbye, ${c.var.currentUser.name}`))
 */
export function freshLoginRequired<User extends UserMixin = UserMixin>(): MiddlewareHandler<{
  Variables: LoginVariables<User>
}> {
  return async function freshLoginRequired(c, next) {
    const { manager } = stateOf<User>(c, 'freshLoginRequired()')
    if (manager.exemptMethods.includes(c.req.method)) return next()
    const user = await currentUser<User>(c)
    if (!user.isAuthenticated) return manager.unauthorized(c)
    if (!loginFresh(c)) return manager.needsRefresh(c)
    c.set('currentUser', user as User)
    await next()
  }
}
