/**
 * Globals learner code must not reach from the Worker: storage, the network, other contexts.
 *
 * @example
 * BLOCKED_GLOBALS.includes('indexedDB') // true
 */
export const BLOCKED_GLOBALS = [
  'indexedDB',
  'caches',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'importScripts',
  'BroadcastChannel',
  'Worker',
  'SharedWorker',
  'postMessage',
  'onmessage',
  'onmessageerror',
  'close',
  'cookieStore',
  // A font face with a url() source is one more way to make a network request.
  'FontFace',
  'fonts',
] as const

/**
 * Remove storage, network and messaging from a Worker's global scope, on the object itself and on
 * every prototype that defines them (so `Object.getPrototypeOf(self).fetch` is gone too), and give
 * it a `navigator` without `storage` or `locks`. Capture anything the runtime needs first.
 *
 * @param scope - the Worker's global object
 * @example
 * const post = self.postMessage.bind(self)
 * lockDownWorkerScope(self)
 */
export function lockDownWorkerScope(scope: typeof globalThis): void {
  for (const name of BLOCKED_GLOBALS) {
    for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
      if (Object.hasOwn(target, name)) Reflect.deleteProperty(target, name)
    }
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false })
  }
  const userAgent = scope.navigator?.userAgent ?? ''
  for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
    if (Object.hasOwn(target, 'navigator')) Reflect.deleteProperty(target, 'navigator')
  }
  Object.defineProperty(scope, 'navigator', {
    value: Object.freeze({ userAgent }),
    configurable: false,
  })
}

// Shared with the Node realms, which take the same ways away (src/grader/realm/evaluators.ts).
export { lockDownEvaluators, NO_EVAL_MESSAGE } from '../../grader/realm/evaluators'
