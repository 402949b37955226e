/**
 * The `hono/*` subpaths learner code may import: every export in hono's package.json except those
 * in {@link LEFT_OUT_HONO_EXPORTS}. `builtins.ts` imports each one (bundlers need static imports),
 * the editor gets their types, and a test checks this list against the installed package, so a
 * new hono export is either served or left out on purpose.
 *
 * @example
 * HONO_SUBPATHS.includes('hono/cors') // true
 */
export const HONO_SUBPATHS = [
  'hono/request',
  'hono/types',
  'hono/hono-base',
  'hono/tiny',
  'hono/quick',
  'hono/http-exception',
  'hono/basic-auth',
  'hono/bearer-auth',
  'hono/body-limit',
  'hono/ip-restriction',
  'hono/cache',
  'hono/route',
  'hono/mount',
  'hono/cookie',
  'hono/accepts',
  'hono/compress',
  'hono/cors',
  'hono/csrf',
  'hono/etag',
  'hono/trailing-slash',
  'hono/html',
  'hono/css',
  'hono/jsx',
  'hono/jsx/jsx-dev-runtime',
  'hono/jsx/jsx-runtime',
  'hono/jsx/streaming',
  'hono/jsx-renderer',
  'hono/jsx/dom',
  'hono/jsx/dom/jsx-dev-runtime',
  'hono/jsx/dom/jsx-runtime',
  'hono/jsx/dom/client',
  'hono/jsx/dom/css',
  'hono/jsx/dom/server',
  'hono/jwt',
  'hono/jwk',
  'hono/timeout',
  'hono/timing',
  'hono/logger',
  'hono/method-not-allowed',
  'hono/method-override',
  'hono/powered-by',
  'hono/pretty-json',
  'hono/request-id',
  'hono/language',
  'hono/secure-headers',
  'hono/combine',
  'hono/ssg',
  'hono/streaming',
  'hono/validator',
  'hono/router',
  'hono/router/reg-exp-router',
  'hono/router/smart-router',
  'hono/router/trie-router',
  'hono/router/pattern-router',
  'hono/router/linear-router',
  'hono/utils/jwt',
  'hono/client',
  'hono/adapter',
  'hono/factory',
  'hono/serve-static',
  'hono/testing',
  'hono/dev',
  'hono/ws',
  'hono/conninfo',
  'hono/proxy',
] as const

const adapter = 'an adapter for another platform; exercises run on their own (in a Worker or Node)'

/**
 * hono's package exports that learner code cannot import, with the reason. Everything else in the
 * package is served.
 *
 * @example
 * LEFT_OUT_HONO_EXPORTS['hono/context-storage'] // 'it imports node:async_hooks, which …'
 */
export const LEFT_OUT_HONO_EXPORTS: Readonly<Record<string, string>> = Object.freeze({
  'hono/context-storage':
    'it imports node:async_hooks, which browsers do not have; pass the context c instead',
  'hono/utils/*': "a pattern over hono's internal helpers, not a module (hono/utils/jwt is served)",
  'hono/cloudflare-workers': adapter,
  'hono/cloudflare-pages': adapter,
  'hono/deno': adapter,
  'hono/bun': adapter,
  'hono/aws-lambda': adapter,
  'hono/vercel': adapter,
  'hono/netlify': adapter,
  'hono/lambda-edge': adapter,
  'hono/service-worker': adapter,
})
