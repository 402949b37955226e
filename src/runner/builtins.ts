import * as hono from 'hono'
import * as honoCookie from 'hono/cookie'
import * as honoCsrf from 'hono/csrf'
import * as honoFactory from 'hono/factory'
import * as honoHtml from 'hono/html'
import * as honoHttpException from 'hono/http-exception'
import * as loginManager from '../login-manager/index'
import * as checks from './harness/index'
import type { Builtins } from './module-loader'

/**
 * The modules learner code and checks may import, the same in Node and in the Worker.
 *
 * @example
 * loadModules(files, 'app.ts', courseBuiltins)
 */
export const courseBuiltins: Builtins = Object.freeze({
  hono,
  'hono/cookie': honoCookie,
  'hono/csrf': honoCsrf,
  'hono/factory': honoFactory,
  'hono/html': honoHtml,
  'hono/http-exception': honoHttpException,
  'signed-in/login-manager': loginManager,
  'signed-in/checks': checks,
})
