// Node realms (the worker thread of the Node runtime, the processes in the WebContainer) give
// learner code a `process` with ways out of its realm: Node's own modules (the thread's port, the
// file system, child processes) and the IPC channel to the grader. A realm takes what it needs
// first, then closes those ways, so learner code can neither post a reply the grader would read
// nor keep anything between two runs.

/**
 * What {@link lockDownNodeProcess} removes from `process`.
 *
 * @example
 * NODE_WAYS_OUT.includes('getBuiltinModule') // true
 */
export const NODE_WAYS_OUT = [
  'getBuiltinModule',
  'binding',
  '_linkedBinding',
  'dlopen',
  'send',
  '_send',
  'mainModule',
] as const

/**
 * Remove Node's ways out of the realm from `process` (see {@link NODE_WAYS_OUT}): on the object
 * and on its prototypes, replaced by `undefined` for good. Capture the IPC `send` first (see
 * {@link captureIpcSend}).
 *
 * @param scope - the realm's global object
 * @example
 * const send = captureIpcSend(process)
 * lockDownNodeProcess(globalThis)
 */
export function lockDownNodeProcess(scope: typeof globalThis): void {
  const target = (scope as { process?: object }).process
  if (!target) return
  for (const name of NODE_WAYS_OUT) {
    for (let each: object | null = target; each; each = Object.getPrototypeOf(each) as object) {
      if (Object.hasOwn(each, name)) Reflect.deleteProperty(each, name)
    }
    Object.defineProperty(target, name, { value: undefined, configurable: false, writable: false })
  }
}

/**
 * The IPC `send` of a forked process, kept working after {@link lockDownNodeProcess} takes
 * `process.send` and `process._send` away: it calls Node's own `_send` as `process.send` would.
 *
 * @param owner - the process (`process`)
 * @returns sends one message to the parent, or `undefined` when there is no IPC channel
 * @example
 * const send = captureIpcSend(process)
 * send?.({ ready: true })
 */
export function captureIpcSend(owner: {
  send?: unknown
  _send?: unknown
  connected?: boolean
}): ((message: unknown) => void) | undefined {
  const raw = owner._send
  if (typeof owner.send !== 'function' || typeof raw !== 'function') return undefined
  return (message) => {
    if (owner.connected) raw.call(owner, message, undefined, { swallowErrors: false }, undefined)
  }
}
