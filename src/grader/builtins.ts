import * as hono from 'hono'
import * as honoRequest from 'hono/request'
import * as honoTypes from 'hono/types'
import * as honoHonoBase from 'hono/hono-base'
import * as honoTiny from 'hono/tiny'
import * as honoQuick from 'hono/quick'
import * as honoHttpException from 'hono/http-exception'
import * as honoBasicAuth from 'hono/basic-auth'
import * as honoBearerAuth from 'hono/bearer-auth'
import * as honoBodyLimit from 'hono/body-limit'
import * as honoIpRestriction from 'hono/ip-restriction'
import * as honoCache from 'hono/cache'
import * as honoRoute from 'hono/route'
import * as honoMount from 'hono/mount'
import * as honoCookie from 'hono/cookie'
import * as honoAccepts from 'hono/accepts'
import * as honoCompress from 'hono/compress'
import * as honoCors from 'hono/cors'
import * as honoCsrf from 'hono/csrf'
import * as honoEtag from 'hono/etag'
import * as honoTrailingSlash from 'hono/trailing-slash'
import * as honoHtml from 'hono/html'
import * as honoCss from 'hono/css'
import * as honoJsx from 'hono/jsx'
import * as honoJsxJsxDevRuntime from 'hono/jsx/jsx-dev-runtime'
import * as honoJsxJsxRuntime from 'hono/jsx/jsx-runtime'
import * as honoJsxStreaming from 'hono/jsx/streaming'
import * as honoJsxRenderer from 'hono/jsx-renderer'
import * as honoJsxDom from 'hono/jsx/dom'
import * as honoJsxDomJsxDevRuntime from 'hono/jsx/dom/jsx-dev-runtime'
import * as honoJsxDomJsxRuntime from 'hono/jsx/dom/jsx-runtime'
import * as honoJsxDomClient from 'hono/jsx/dom/client'
import * as honoJsxDomCss from 'hono/jsx/dom/css'
import * as honoJsxDomServer from 'hono/jsx/dom/server'
import * as honoJwt from 'hono/jwt'
import * as honoJwk from 'hono/jwk'
import * as honoTimeout from 'hono/timeout'
import * as honoTiming from 'hono/timing'
import * as honoLogger from 'hono/logger'
import * as honoMethodNotAllowed from 'hono/method-not-allowed'
import * as honoMethodOverride from 'hono/method-override'
import * as honoPoweredBy from 'hono/powered-by'
import * as honoPrettyJson from 'hono/pretty-json'
import * as honoRequestId from 'hono/request-id'
import * as honoLanguage from 'hono/language'
import * as honoSecureHeaders from 'hono/secure-headers'
import * as honoCombine from 'hono/combine'
import * as honoSsg from 'hono/ssg'
import * as honoStreaming from 'hono/streaming'
import * as honoValidator from 'hono/validator'
import * as honoRouter from 'hono/router'
import * as honoRouterRegExpRouter from 'hono/router/reg-exp-router'
import * as honoRouterSmartRouter from 'hono/router/smart-router'
import * as honoRouterTrieRouter from 'hono/router/trie-router'
import * as honoRouterPatternRouter from 'hono/router/pattern-router'
import * as honoRouterLinearRouter from 'hono/router/linear-router'
import * as honoUtilsJwt from 'hono/utils/jwt'
import * as honoClient from 'hono/client'
import * as honoAdapter from 'hono/adapter'
import * as honoFactory from 'hono/factory'
import * as honoServeStatic from 'hono/serve-static'
import * as honoTesting from 'hono/testing'
import * as honoDev from 'hono/dev'
import * as honoWs from 'hono/ws'
import * as honoConninfo from 'hono/conninfo'
import * as honoProxy from 'hono/proxy'
import * as database from '../db/index'
import * as loginManager from '../login-manager/index'
import * as checks from './harness/index'
import type { HONO_SUBPATHS } from './hono-modules'
import type { Builtins } from './module-loader'

/** Every served hono subpath, each bound to its module: a missing or extra one is a type error. */
const honoSubpaths: Record<(typeof HONO_SUBPATHS)[number], unknown> = {
  'hono/request': honoRequest,
  'hono/types': honoTypes,
  'hono/hono-base': honoHonoBase,
  'hono/tiny': honoTiny,
  'hono/quick': honoQuick,
  'hono/http-exception': honoHttpException,
  'hono/basic-auth': honoBasicAuth,
  'hono/bearer-auth': honoBearerAuth,
  'hono/body-limit': honoBodyLimit,
  'hono/ip-restriction': honoIpRestriction,
  'hono/cache': honoCache,
  'hono/route': honoRoute,
  'hono/mount': honoMount,
  'hono/cookie': honoCookie,
  'hono/accepts': honoAccepts,
  'hono/compress': honoCompress,
  'hono/cors': honoCors,
  'hono/csrf': honoCsrf,
  'hono/etag': honoEtag,
  'hono/trailing-slash': honoTrailingSlash,
  'hono/html': honoHtml,
  'hono/css': honoCss,
  'hono/jsx': honoJsx,
  'hono/jsx/jsx-dev-runtime': honoJsxJsxDevRuntime,
  'hono/jsx/jsx-runtime': honoJsxJsxRuntime,
  'hono/jsx/streaming': honoJsxStreaming,
  'hono/jsx-renderer': honoJsxRenderer,
  'hono/jsx/dom': honoJsxDom,
  'hono/jsx/dom/jsx-dev-runtime': honoJsxDomJsxDevRuntime,
  'hono/jsx/dom/jsx-runtime': honoJsxDomJsxRuntime,
  'hono/jsx/dom/client': honoJsxDomClient,
  'hono/jsx/dom/css': honoJsxDomCss,
  'hono/jsx/dom/server': honoJsxDomServer,
  'hono/jwt': honoJwt,
  'hono/jwk': honoJwk,
  'hono/timeout': honoTimeout,
  'hono/timing': honoTiming,
  'hono/logger': honoLogger,
  'hono/method-not-allowed': honoMethodNotAllowed,
  'hono/method-override': honoMethodOverride,
  'hono/powered-by': honoPoweredBy,
  'hono/pretty-json': honoPrettyJson,
  'hono/request-id': honoRequestId,
  'hono/language': honoLanguage,
  'hono/secure-headers': honoSecureHeaders,
  'hono/combine': honoCombine,
  'hono/ssg': honoSsg,
  'hono/streaming': honoStreaming,
  'hono/validator': honoValidator,
  'hono/router': honoRouter,
  'hono/router/reg-exp-router': honoRouterRegExpRouter,
  'hono/router/smart-router': honoRouterSmartRouter,
  'hono/router/trie-router': honoRouterTrieRouter,
  'hono/router/pattern-router': honoRouterPatternRouter,
  'hono/router/linear-router': honoRouterLinearRouter,
  'hono/utils/jwt': honoUtilsJwt,
  'hono/client': honoClient,
  'hono/adapter': honoAdapter,
  'hono/factory': honoFactory,
  'hono/serve-static': honoServeStatic,
  'hono/testing': honoTesting,
  'hono/dev': honoDev,
  'hono/ws': honoWs,
  'hono/conninfo': honoConninfo,
  'hono/proxy': honoProxy,
}

/**
 * The modules learner code and checks may import, the same in Node, in the Worker and in the
 * WebContainer: `hono`, every browser-safe `hono/*` subpath (`hono-modules.ts` lists them and
 * says which are left out), the login manager, SQLite (`signed-in/db`) and the checks library.
 *
 * @example
 * loadModules(files, 'app.ts', courseBuiltins)
 */
export const courseBuiltins: Builtins = Object.freeze({
  hono,
  ...honoSubpaths,
  'signed-in/login-manager': loginManager,
  'signed-in/db': database,
  'signed-in/checks': checks,
})
