// Runs inside the WebContainer as `node app-server.mjs`, forked by runner.mjs for every run and
// every restart: the learner's app alone in its own Node process. Requests arrive over real HTTP
// on 127.0.0.1; the clock and the work counters over the IPC channel. It decides nothing.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { courseModules, loadedModules } from '../../grader/builtin-modules'
import { createAppRealm, loadRealmHelpers } from '../../grader/realm/app-realm'
import { lockDownEvaluators } from '../../grader/realm/evaluators'
import { captureIpcSend, lockDownNodeProcess } from '../../grader/realm/node-lockdown'
import { answerCalls, type CallMessage } from '../../grader/realm/answer-calls'
import {
  APP_ERRORS_HEADER,
  APP_THREW_STATUS,
  APP_URL_HEADER,
  decodeIpc,
  encodeIpc,
  SQLITE_WASM_FILE,
} from './protocol'

const send = captureIpcSend(process)
if (!send) throw new Error('app-server.mjs runs forked by runner.mjs, with an IPC channel.')
// Learner code gets no IPC of its own (to forge a reply) and no Node module through `process`.
// Every module is loaded first, as it always was: before the lockdown and before learner code
// (see loadedModules).
const [modules] = await Promise.all([loadedModules(courseModules), loadRealmHelpers()])
lockDownNodeProcess(globalThis)
lockDownEvaluators(globalThis)
// Processes share nothing, so each app process that imports signed-in/db compiles SQLite itself.
const realm = createAppRealm(modules, {
  scope: globalThis,
  sqliteWasm: () =>
    WebAssembly.compile(
      Buffer.from(
        readFileSync(new URL(`./${SQLITE_WASM_FILE}`, import.meta.url), 'utf8'),
        'base64',
      ),
    ),
})

const server = createServer((incoming, outgoing) => {
  const chunks: Buffer[] = []
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
  incoming.on('end', () => {
    const headers: [string, string][] = []
    for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
      const name = incoming.rawHeaders[index] ?? ''
      // The loopback Host and connection headers are the transport's, not the client's.
      if ([APP_URL_HEADER, 'host', 'connection'].includes(name.toLowerCase())) continue
      headers.push([name, incoming.rawHeaders[index + 1] ?? ''])
    }
    const body = chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : null
    const url = String(incoming.headers[APP_URL_HEADER] ?? incoming.url ?? '/')
    void (async () => {
      // await, not then(): learner code may patch Promise.prototype.then, which await never calls.
      const reply = await realm.handle({
        type: 'request',
        url,
        method: incoming.method ?? 'GET',
        headers,
        body,
      })
      {
        if (reply.type === 'threw') {
          outgoing.writeHead(APP_THREW_STATUS, {
            [APP_ERRORS_HEADER]: encodeURIComponent(
              JSON.stringify([reply.error, ...reply.serverErrors]),
            ),
          })
          outgoing.end()
          return
        }
        if (reply.type !== 'response') return void outgoing.writeHead(500).end()
        const raw: string[] = []
        for (const [name, value] of reply.headers) raw.push(name, value)
        raw.push(APP_ERRORS_HEADER, encodeURIComponent(JSON.stringify(reply.serverErrors)))
        outgoing.writeHead(reply.status, raw)
        outgoing.end(reply.body)
      }
    })()
  })
})

// A test realm's requests go back to runner.mjs, which passes them to the app's process.
const receive = answerCalls(realm, send, { decode: decodeIpc, encode: encodeIpc })
process.on('message', (message: CallMessage) => void receive(message))
// The runner is gone: so is this app.
process.on('disconnect', () => process.exit(0))
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  send({ ready: true, port: typeof address === 'object' && address ? address.port : 0 })
})
