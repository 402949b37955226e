import { beforeAll, describe, expect, it } from 'vitest'
import { compileSqliteWasm } from '../course/sqlite-wasm'
import { describeSessionStore } from '../login-manager/session-store-contract'
import { mountDisk } from './disk'
import { openDatabase, SqliteSessionStore } from './index'

beforeAll(async () => {
  await mountDisk({ wasm: await compileSqliteWasm(), files: {} })
})

// The same contract MemorySessionStore passes (src/login-manager/sessions.test.ts).
describeSessionStore('SqliteSessionStore', () => {
  const db = openDatabase(':memory:')
  const store = new SqliteSessionStore(db)
  return {
    store,
    size: () =>
      Promise.resolve(
        db.prepare<{ n: number }>('SELECT count(*) AS n FROM sessions').get()?.n ?? -1,
      ),
  }
})

describe('SqliteSessionStore rows', () => {
  const now = Math.floor(Date.now() / 1000)
  const row = (userId: string, expiresAt: number) => ({
    userId,
    data: '{}',
    createdAt: now,
    updatedAt: now,
    expiresAt,
  })

  it('keeps only the hash it is given, never returns an expired row, and deletes it', async () => {
    const db = openDatabase(':memory:')
    const store = new SqliteSessionStore(db)
    await store.set('hash-live', row('1', now + 60))
    await store.set('hash-dead', row('1', now - 1))
    expect(await store.get('hash-live')).toEqual(row('1', now + 60))
    expect(await store.get('hash-dead')).toBeUndefined()
    expect(db.prepare('SELECT id_hash FROM sessions').all()).toEqual([{ id_hash: 'hash-live' }])
  })

  it('sweeps out expired rows, and revokes all of one user’s sessions', async () => {
    const db = openDatabase(':memory:')
    const store = new SqliteSessionStore(db)
    await store.set('a', row('1', now - 5))
    await store.set('b', row('1', now + 60))
    await store.set('c', row('2', now + 60))
    await store.set('d', row('1', now - 5))
    expect(store.deleteExpired()).toBe(1)
    await store.deleteAllForUser('1')
    expect(db.prepare('SELECT id_hash FROM sessions').all()).toEqual([{ id_hash: 'c' }])
  })
})
