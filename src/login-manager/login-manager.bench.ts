import { Hono } from 'hono'
import { test } from 'vitest'
import { currentUser, encodeRememberCookie, LoginManager, MemorySessionStore } from './index'
import { encodeSessionCookie, session } from './session'
import { SECRET, TestUser } from './test-app'
import { checkPasswordHash, generatePasswordHash, hashPasswordWithSalt } from './utils/password'
import { randomSessionId, sha256Hex } from './utils/crypto'

// The overhead the login manager adds per request: requests that load a logged-in user (session
// read and loader call; or, for a returning visitor, the remember-cookie check and loader call)
// against a bare Hono handler and against the same loader with no login manager.
const ada = new TestUser('1', 'Ada')
const loader = async (id: string) => (id === '1' ? ada : null)

const bare = new Hono()
bare.get('/', (c) => c.text('ok'))

const loaderOnly = new Hono()
loaderOnly.get('/', async (c) => c.text((await loader('1'))?.name ?? ''))

const manager = new LoginManager<TestUser>()
manager.userLoader(loader)
const managed = new Hono()
managed.use(session({ secret: SECRET }), manager.middleware())
managed.get('/', async (c) => {
  const user = (await currentUser<TestUser>(c)) as TestUser
  return c.text(user.name)
})

// The same app with sessions on the server (memory store): the cookie holds a random id, and each
// request hashes it (SHA-256) and reads the row.
const store = new MemorySessionStore()
const stored = new Hono()
stored.use(session({ secret: SECRET, store }), manager.middleware())
stored.get('/', async (c) => {
  const user = (await currentUser<TestUser>(c)) as TestUser
  return c.text(user.name)
})

// The session identifier of a browser with no address and User-Agent `bench`, as a real login stores it.
const identifier = await (async () => {
  const digest = await crypto.subtle.digest('SHA-512', new TextEncoder().encode('|bench'))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
})()
const sessionCookie = await encodeSessionCookie(
  { _user_id: '1', _fresh: true, _id: identifier },
  SECRET,
)
const storedId = randomSessionId()
const now = Math.floor(Date.now() / 1000)
await store.set(sha256Hex(storedId), {
  userId: '1',
  data: JSON.stringify({ _user_id: '1', _fresh: true, _id: identifier }),
  createdAt: now,
  updatedAt: now,
  expiresAt: now + 24 * 60 * 60,
})
const storeHeaders = { Cookie: `session=${storedId}`, 'User-Agent': 'bench' }
const rememberCookie = encodeURIComponent(await encodeRememberCookie('1', SECRET))
const headers = {
  Cookie: `session=${sessionCookie}; remember_token=${rememberCookie}`,
  'User-Agent': 'bench',
}
// No session: the user comes back with only the remember cookie, so each request verifies its
// HMAC-SHA512 digest, calls the loader, and signs a new session cookie.
const rememberOnly = { Cookie: `remember_token=${rememberCookie}`, 'User-Agent': 'bench' }

// Distinct cookies, more than the verified-cookie cache holds, cycled in order so every request
// misses the cache and pays for the HMAC: the cost of a user's first request on this server.
const coldCookies = await Promise.all(
  Array.from({ length: 2048 }, async (_, i) => {
    const value = await encodeSessionCookie(
      { _user_id: '1', _fresh: true, _id: identifier, n: i },
      SECRET,
    )
    return { Cookie: `session=${value}`, 'User-Agent': 'bench' }
  }),
)
let coldIndex = 0

test('per request: bare handler, loader alone, login manager', async ({ bench }) => {
  await bench.compare(
    bench('bare Hono handler', async () => {
      await bare.request('/')
    }),
    bench('Hono handler calling the loader directly', async () => {
      await loaderOnly.request('/', { headers })
    }),
    // The remember cookie comes along but is not read: the session's user wins.
    bench('login manager: session read + loader (remember cookie sent, unread)', async () => {
      const response = await managed.request('/', { headers })
      if ((await response.text()) !== 'Ada') throw new Error('not logged in')
    }),
    bench('login manager with a memory store: id hash + store read + loader', async () => {
      const response = await stored.request('/', { headers: storeHeaders })
      if ((await response.text()) !== 'Ada') throw new Error('not logged in')
    }),
    bench(
      'login manager: restored from the remember cookie alone (HMAC-SHA512 check)',
      async () => {
        const response = await managed.request('/', { headers: rememberOnly })
        if ((await response.text()) !== 'Ada') throw new Error('not restored')
        if (!response.headers.get('Set-Cookie')?.startsWith('session='))
          throw new Error('no session')
      },
    ),
    bench('login manager, cold: a session cookie this server has not verified yet', async () => {
      const cold = coldCookies[coldIndex++ % coldCookies.length]!
      const response = await managed.request('/', { headers: cold })
      if ((await response.text()) !== 'Ada') throw new Error('not logged in')
    }),
    { time: 1500 },
  )
})

test('password hashing, default method (pbkdf2:sha256:600000)', async ({ bench }) => {
  const hash = await generatePasswordHash('correct horse')
  await bench.compare(
    bench('generatePasswordHash', async () => {
      await generatePasswordHash('correct horse')
    }),
    bench('checkPasswordHash', async () => {
      await checkPasswordHash(hash, 'correct horse')
    }),
    { iterations: 8, time: 0 },
  )
})

/**
 * The longest the event loop went without running a timer callback while one password check ran:
 * how long every other request on the server had to wait. Measured twice: in wall-clock time,
 * which on a shared machine also counts the moments the operating system ran other processes,
 * and in this thread's CPU time, which counts only the work done between two callbacks.
 */
async function longestStall(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuNow = () => {
    const { user, system } = process.threadCpuUsage()
    return (user + system) / 1000
  }
  let lastWall = performance.now()
  let lastCpu = cpuNow()
  let wall = 0
  let cpu = 0
  let running = true
  const sample = () => {
    const nowWall = performance.now()
    const nowCpu = cpuNow()
    wall = Math.max(wall, nowWall - lastWall)
    cpu = Math.max(cpu, nowCpu - lastCpu)
    lastWall = nowWall
    lastCpu = nowCpu
    if (running) setTimeout(sample, 0)
  }
  setTimeout(sample, 0)
  await work()
  running = false
  return { wall, cpu }
}

test('longest event-loop stall during one checkPasswordHash, per method', async () => {
  const methods = [
    'pbkdf2:sha256:600000',
    'pbkdf2:sha256:1000000',
    'pbkdf2:sha256:2000000',
    'scrypt:32768:8:1',
    'scrypt:131072:8:1',
    'scrypt:8192:8:10',
    'scrypt:1024:8:16',
  ]
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!.toFixed(1)
  const rows: string[] = []
  for (const method of methods) {
    const hash = await hashPasswordWithSalt('correct horse', 'benchSalt0123456', method)
    await checkPasswordHash(hash, 'correct horse') // warm up
    const runs: Array<{ wall: number; cpu: number; time: number }> = []
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      const stall = await longestStall(() => checkPasswordHash(hash, 'correct horse'))
      runs.push({ ...stall, time: performance.now() - start })
    }
    rows.push(
      `${method.padEnd(22)} check ${median(runs.map((r) => r.time)).padStart(7)} ms   longest stall (median of 3): CPU ${median(runs.map((r) => r.cpu)).padStart(5)} ms, wall ${median(runs.map((r) => r.wall)).padStart(6)} ms   (goal 50 ms)`,
    )
  }
  console.log(`\nEvent-loop stall during one password check:\n${rows.join('\n')}`)
})
