// Runs inside the WebContainer as `node runner.mjs`: the grader. It loads the checks here and
// forks `node app-server.mjs` for the learner's app (a fresh process per run and per restart),
// talking to it over real HTTP, so its cookies travel as real headers. It reports an example's
// lines as they are printed and the verdict on one marked line; the app's own output never
// reaches the page.
import { fork, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { fileURLToPath } from 'node:url'
import { checksBuiltins } from '../../grader/checks-builtins'
import { gradeInRealm } from '../../grader/realm/grade-in-realm'
import type {
  AppConnection,
  AppReply,
  AskHandler,
  RealmAsk,
  RealmSource,
  WireRequest,
} from '../../grader/realm/protocol'
import { answerAsk } from '../../grader/realm/wire'
import type { RunRequest } from '../../grader/run-request'
import { runSignal } from '../../grader/time-limit'
import type { CodeError } from '../../grader/verdict'
import {
  APP_ERRORS_HEADER,
  APP_THREW_STATUS,
  APP_URL_HEADER,
  OUTPUT_MARKER,
  VERDICT_MARKER,
  decodeIpc,
  encodeIpc,
} from './protocol'

const children = new Set<ChildProcess>()
const stopAll = () => {
  for (const child of children) child.kill('SIGKILL')
}
// The page kills this process at the time limit; the app processes go with it.
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => {
    stopAll()
    process.exit(1)
  })
process.on('exit', stopAll)

const appServers: RealmSource = {
  open: (signal) =>
    new Promise((resolve, reject) => {
      const child = fork(fileURLToPath(new URL('./app-server.mjs', import.meta.url)), [], {
        env: {},
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      })
      children.add(child)
      const onAbort = () => child.kill('SIGKILL')
      signal?.addEventListener('abort', onAbort, { once: true })
      child.once('exit', () => {
        children.delete(child)
        reject(new Error('The app stopped before it was ready.'))
      })
      child.once('message', (message: { ready?: boolean; port?: number }) => {
        if (message.ready && message.port) resolve(connect(child, message.port))
      })
    }),
}

function connect(child: ChildProcess, port: number): AppConnection {
  let nextCall = 1
  const pending = new Map<
    number,
    { resolve(reply: AppReply): void; reject(error: Error): void; answer?: AskHandler }
  >()
  child.on(
    'message',
    (message: {
      callId?: number
      reply?: AppReply
      failed?: string
      askId?: number
      ask?: RealmAsk
    }) => {
      if (message.callId === undefined) return
      if (message.ask && message.askId !== undefined) {
        const askId = message.askId
        void answerAsk(pending.get(message.callId)?.answer, message.ask).then((reply) => {
          if (child.connected) child.send({ answer: askId, reply })
        })
        return
      }
      const waiting = pending.get(message.callId)
      // The app's process could not answer the call: say why, rather than wait for nothing.
      if (message.failed !== undefined) waiting?.reject(new Error(message.failed))
      else if (message.reply) waiting?.resolve(decodeIpc(message.reply))
      else return
      pending.delete(message.callId)
    },
  )
  child.on('exit', (code) => {
    for (const { reject } of pending.values())
      reject(
        new Error(
          `The app stopped (its process exited with code ${code}), so it could not answer.`,
        ),
      )
    pending.clear()
  })
  return {
    call(call, signal, answer) {
      if (call.type === 'request') return overHttp(port, call, signal)
      return new Promise((resolve, reject) => {
        const callId = nextCall++
        pending.set(callId, { resolve, reject, ...(answer ? { answer } : {}) })
        signal?.addEventListener('abort', () => reject(new Error('Cancelled')), { once: true })
        child.send({ callId, call: encodeIpc(call) })
      })
    },
    close() {
      child.kill('SIGKILL')
    },
  }
}

/** Send one request to the app over real HTTP, and read its answer back as plain data. */
function overHttp(port: number, wire: WireRequest, signal?: AbortSignal): Promise<AppReply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { [APP_URL_HEADER]: wire.url }
    for (const [name, value] of wire.headers) {
      const key = name.toLowerCase()
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`
    }
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: wire.method,
        path: '/',
        headers,
        ...(signal ? { signal } : {}),
      },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('end', () => {
          const errors = JSON.parse(
            decodeURIComponent(String(incoming.headers[APP_ERRORS_HEADER] ?? '%5B%5D')),
          ) as CodeError[]
          if (incoming.statusCode === APP_THREW_STATUS) {
            const [error = { message: 'The app threw.' }, ...serverErrors] = errors
            return resolve({ type: 'threw', error, serverErrors })
          }
          const pairs: [string, string][] = []
          for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
            const name = (incoming.rawHeaders[index] ?? '').toLowerCase()
            if (name === APP_ERRORS_HEADER || name === 'date' || name === 'connection') continue
            if (name === 'keep-alive' || name === 'transfer-encoding') continue
            pairs.push([name, incoming.rawHeaders[index + 1] ?? ''])
          }
          resolve({
            type: 'response',
            status: incoming.statusCode ?? 500,
            headers: pairs,
            body: Buffer.concat(chunks).toString('utf8'),
            serverErrors: errors,
          })
        })
        incoming.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(wire.body ?? undefined)
  })
}

const request = JSON.parse(await readFile(process.argv[2] ?? 'request.json', 'utf8')) as RunRequest
// The time limit is kept here too, where the verdict can say what the app was doing when it
// struck; the page keeps its own, a little longer, in case this process cannot answer.
const limitMs = Number(process.argv[3])
const limit = Number.isFinite(limitMs) && limitMs > 0 ? runSignal(limitMs) : undefined
const verdict = await gradeInRealm(
  request,
  appServers,
  checksBuiltins,
  {
    onOutput: (output, index) =>
      process.stdout.write(`\n${OUTPUT_MARKER}${JSON.stringify({ output, index })}\n`),
  },
  limit?.signal,
)
limit?.done()
stopAll()
process.stdout.write(`\n${VERDICT_MARKER}${JSON.stringify(verdict)}\n`)
