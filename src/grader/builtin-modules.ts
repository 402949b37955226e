// Every module learner code and checks may import, as a loader: a realm that runs learner code
// (the app Worker above all) loads only what the code imports, so a cold start compiles hono's
// core, the login manager and little else, instead of every hono subpath, SQLite and sucrase.
import type { HONO_SUBPATHS } from './hono-modules'
import type { Builtins } from './module-loader'

/**
 * Importable modules by specifier, each as a function that loads it.
 *
 * @example
 * const loaders: BuiltinLoaders = { hono: () => import('hono') }
 */
export type BuiltinLoaders = Readonly<Record<string, () => Promise<unknown>>>

/** Every served hono subpath, each with its loader: a missing or extra one is a type error. */
const honoSubpaths: Record<(typeof HONO_SUBPATHS)[number], () => Promise<unknown>> = {
  'hono/request': () => import('hono/request'),
  'hono/types': () => import('hono/types'),
  'hono/hono-base': () => import('hono/hono-base'),
  'hono/tiny': () => import('hono/tiny'),
  'hono/quick': () => import('hono/quick'),
  'hono/http-exception': () => import('hono/http-exception'),
  'hono/basic-auth': () => import('hono/basic-auth'),
  'hono/bearer-auth': () => import('hono/bearer-auth'),
  'hono/body-limit': () => import('hono/body-limit'),
  'hono/ip-restriction': () => import('hono/ip-restriction'),
  'hono/cache': () => import('hono/cache'),
  'hono/route': () => import('hono/route'),
  'hono/mount': () => import('hono/mount'),
  'hono/cookie': () => import('hono/cookie'),
  'hono/accepts': () => import('hono/accepts'),
  'hono/compress': () => import('hono/compress'),
  'hono/cors': () => import('hono/cors'),
  'hono/csrf': () => import('hono/csrf'),
  'hono/etag': () => import('hono/etag'),
  'hono/trailing-slash': () => import('hono/trailing-slash'),
  'hono/html': () => import('hono/html'),
  'hono/css': () => import('hono/css'),
  'hono/jsx': () => import('hono/jsx'),
  'hono/jsx/jsx-dev-runtime': () => import('hono/jsx/jsx-dev-runtime'),
  'hono/jsx/jsx-runtime': () => import('hono/jsx/jsx-runtime'),
  'hono/jsx/streaming': () => import('hono/jsx/streaming'),
  'hono/jsx-renderer': () => import('hono/jsx-renderer'),
  'hono/jsx/dom': () => import('hono/jsx/dom'),
  'hono/jsx/dom/jsx-dev-runtime': () => import('hono/jsx/dom/jsx-dev-runtime'),
  'hono/jsx/dom/jsx-runtime': () => import('hono/jsx/dom/jsx-runtime'),
  'hono/jsx/dom/client': () => import('hono/jsx/dom/client'),
  'hono/jsx/dom/css': () => import('hono/jsx/dom/css'),
  'hono/jsx/dom/server': () => import('hono/jsx/dom/server'),
  'hono/jwt': () => import('hono/jwt'),
  'hono/jwk': () => import('hono/jwk'),
  'hono/timeout': () => import('hono/timeout'),
  'hono/timing': () => import('hono/timing'),
  'hono/logger': () => import('hono/logger'),
  'hono/method-not-allowed': () => import('hono/method-not-allowed'),
  'hono/method-override': () => import('hono/method-override'),
  'hono/powered-by': () => import('hono/powered-by'),
  'hono/pretty-json': () => import('hono/pretty-json'),
  'hono/request-id': () => import('hono/request-id'),
  'hono/language': () => import('hono/language'),
  'hono/secure-headers': () => import('hono/secure-headers'),
  'hono/combine': () => import('hono/combine'),
  'hono/ssg': () => import('hono/ssg'),
  'hono/streaming': () => import('hono/streaming'),
  'hono/validator': () => import('hono/validator'),
  'hono/router': () => import('hono/router'),
  'hono/router/reg-exp-router': () => import('hono/router/reg-exp-router'),
  'hono/router/smart-router': () => import('hono/router/smart-router'),
  'hono/router/trie-router': () => import('hono/router/trie-router'),
  'hono/router/pattern-router': () => import('hono/router/pattern-router'),
  'hono/router/linear-router': () => import('hono/router/linear-router'),
  'hono/utils/jwt': () => import('hono/utils/jwt'),
  'hono/client': () => import('hono/client'),
  'hono/adapter': () => import('hono/adapter'),
  'hono/factory': () => import('hono/factory'),
  'hono/serve-static': () => import('hono/serve-static'),
  'hono/testing': () => import('hono/testing'),
  'hono/dev': () => import('hono/dev'),
  'hono/ws': () => import('hono/ws'),
  'hono/conninfo': () => import('hono/conninfo'),
  'hono/proxy': () => import('hono/proxy'),
}

/**
 * The modules learner code and checks may import, the same in Node, in the Worker and in the
 * WebContainer: `hono`, every browser-safe `hono/*` subpath (`hono-modules.ts` lists them and
 * says which are left out), the login manager, SQLite (`signed-in/db`), the checks library and
 * the test library (`signed-in/testing`). `builtins.ts` holds them all loaded, for Node.
 *
 * @example
 * const builtins = await loadBuiltins(courseModules, ['hono', 'signed-in/login-manager'])
 */
export const courseModules: BuiltinLoaders = Object.freeze({
  hono: () => import('hono'),
  ...honoSubpaths,
  'signed-in/login-manager': () => import('../login-manager/index'),
  'signed-in/db': () => import('../db/index'),
  'signed-in/checks': () => import('./harness/index'),
  'signed-in/testing': () => import('./testing/index'),
})

/**
 * Load builtins: the ones named (all of them when `names` is left out), in parallel. Every other
 * name stays importable in the sense that matters for messages: reading it throws an error that
 * says how to import it, since only a module named in an `import` is loaded ahead of the code.
 *
 * @param loaders - the modules by specifier
 * @param names - the specifiers to load; unknown ones are ignored (the loader reports them)
 * @returns the builtins, ready for `loadModules`
 * @example
 * const builtins = await loadBuiltins(courseModules, importedSpecifiers([compiledApp]))
 */
export async function loadBuiltins(
  loaders: BuiltinLoaders,
  names: Iterable<string> = Object.keys(loaders),
): Promise<Builtins> {
  const wanted = new Set([...names].filter((name) => Object.hasOwn(loaders, name)))
  const loaded = await Promise.all(
    [...wanted].map(async (name) => [name, await (loaders[name] as () => Promise<unknown>)()]),
  )
  const builtins: Record<string, unknown> = Object.fromEntries(loaded)
  for (const name of Object.keys(loaders)) {
    if (wanted.has(name)) continue
    Object.defineProperty(builtins, name, {
      enumerable: true,
      get() {
        throw new Error(
          `"${name}" was not loaded: here a module is loaded only when a file imports it with an import statement, such as import … from '${name}'.`,
        )
      },
    })
  }
  return Object.freeze(builtins)
}

/**
 * The bare specifiers compiled code requires by name (`require('hono/cookie')`): every static
 * import and export-from, and every `import('…')` of a fixed string, once compiled.
 *
 * @param code - compiled JavaScript files
 * @returns the specifiers, relative ones left out
 * @example
 * importedSpecifiers(["var _hono = require('hono');"]) // Set { 'hono' }
 */
export function importedSpecifiers(code: Iterable<string>): Set<string> {
  const found = new Set<string>()
  for (const text of code)
    for (const match of text.matchAll(/\brequire\(\s*(['"])([^'"\n]+)\1\s*\)/g)) {
      const specifier = match[2] ?? ''
      if (!specifier.startsWith('.')) found.add(specifier)
    }
  return found
}

/**
 * Load every module now, and give back loaders that hand them over at once. This is for Node
 * realms: Node builds some globals (`Response`, `Request`…) from JavaScript on first use, and
 * loading every module up front makes that happen before learner code can patch a built-in that
 * code relies on. A browser Worker, whose globals are native, loads lazily instead.
 *
 * @param loaders - the modules by specifier
 * @returns loaders of the modules, already loaded
 * @example
 * const realm = createAppRealm(await loadedModules(courseModules), { scope: globalThis })
 */
export async function loadedModules(loaders: BuiltinLoaders): Promise<BuiltinLoaders> {
  const loaded = await loadBuiltins(loaders)
  return Object.freeze(
    Object.fromEntries(
      Object.keys(loaders).map((name) => [name, () => Promise.resolve(loaded[name])]),
    ),
  )
}
