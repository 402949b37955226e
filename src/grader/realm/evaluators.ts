// Every realm that runs learner code (the app Worker, the grader Worker, the Node runtime's app
// thread, the WebContainer's processes) takes away the ways to turn text into code, once its
// module loader has captured `eval` for itself.

/**
 * What learner code gets instead of a way to turn text into code: every attempt throws this.
 *
 * @example
 * try { new Function('return 1') } catch (error) { error instanceof EvalError } // true in the Worker
 */
export const NO_EVAL_MESSAGE =
  'Turning text into code (eval, new Function, a string passed to setTimeout) is switched off here, so learner code cannot load scripts from the network with import().'

/**
 * Take away every way learner code could turn text into code: `eval`, the `Function` constructor
 * (also reached as `(() => {}).constructor` and through async and generator functions), and strings
 * given to `setTimeout`/`setInterval`. Without them it cannot reach a dynamic `import()` of a URL
 * (sucrase already turns an `import()` in its own source into the loader's `require`, which serves
 * only the course's modules). Call it after the module loader has captured `eval` for itself.
 *
 * @param scope - the realm's global object
 * @example
 * lockDownEvaluators(self)
 * eval('1') // TypeError: eval is not a function
 */
export function lockDownEvaluators(scope: typeof globalThis): void {
  const refuse = function Function(): never {
    throw new EvalError(NO_EVAL_MESSAGE)
  }
  const functionKinds = [
    function () {},
    async function () {},
    function* () {},
    async function* () {},
  ].map((sample) => Object.getPrototypeOf(sample) as object)
  // `instanceof Function` keeps working: the stand-in shares the real prototype.
  Object.defineProperty(refuse, 'prototype', { value: functionKinds[0] })
  for (const prototype of functionKinds)
    Object.defineProperty(prototype, 'constructor', {
      value: refuse,
      writable: false,
      configurable: false,
    })
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = scope[name].bind(scope) as (handler: unknown, ...rest: unknown[]) => number
    const guarded = (handler: unknown, ...rest: unknown[]) => {
      if (typeof handler !== 'function') throw new EvalError(NO_EVAL_MESSAGE)
      return original(handler, ...rest)
    }
    replaceGlobal(scope, name, guarded)
  }
  replaceGlobal(scope, 'eval', undefined)
  replaceGlobal(scope, 'Function', refuse)
}

/** Set a global for good, removing it from every prototype of the global object first. */
function replaceGlobal(scope: object, name: string, value: unknown): void {
  for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
    if (Object.hasOwn(target, name)) Reflect.deleteProperty(target, name)
  }
  Object.defineProperty(scope, name, { value, configurable: false, writable: false })
}
