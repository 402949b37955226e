import { beforeEach, describe, expect, it } from 'vitest'
import { compileSqliteWasm } from '../course/sqlite-wasm'
import { mountDisk, saveDisk } from './disk'
import { openDatabase } from './index'

const users = [
  'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, admin INTEGER NOT NULL DEFAULT 0)',
]

beforeEach(async () => {
  await mountDisk({ wasm: await compileSqliteWasm(), files: {} })
})

describe('signed-in/db', () => {
  it('runs migrations once, in order, and records them', () => {
    const db = openDatabase()
    expect(db.migrate(users)).toBe(1)
    expect(db.migrate(users)).toBe(0)
    expect(db.migrate([...users, 'ALTER TABLE users ADD COLUMN name TEXT'])).toBe(1)
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1 },
      { version: 2 },
    ])
  })

  it('refuses a migration that was edited after it ran, and rolls back a failing one', () => {
    const db = openDatabase()
    db.migrate(users)
    expect(() => db.migrate([`${users[0]} -- edited`])).toThrow(/Migration 1 has changed/)
    expect(() => db.migrate([...users, 'CREATE TABLE x (a); CREATE TABL y (b)'])).toThrow(/syntax/)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").get()).toBeUndefined()
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 })
  })

  it('prepares statements with typed rows, positional and named parameters', () => {
    const db = openDatabase()
    db.migrate(users)
    const insert = db.prepare('INSERT INTO users (email, admin) VALUES (:email, :admin)')
    expect(insert.run({ email: 'ada@example.com', admin: true })).toEqual({
      changes: 1,
      lastInsertRowid: 1,
    })
    insert.run({ email: 'bob@example.com', admin: false })
    const byId = db.prepare<{ id: number; email: string; admin: number }>(
      'SELECT id, email, admin FROM users WHERE id = ?',
    )
    expect(byId.get([1])).toEqual({ id: 1, email: 'ada@example.com', admin: 1 })
    expect(byId.get([3])).toBeUndefined()
    expect(db.prepare<{ email: string }>('SELECT email FROM users ORDER BY id').all()).toEqual([
      { email: 'ada@example.com' },
      { email: 'bob@example.com' },
    ])
    expect(db.prepare('DELETE FROM users').run().changes).toBe(2)
  })

  it('says plainly which parameter is missing or of the wrong kind', () => {
    const db = openDatabase()
    db.migrate(users)
    const find = db.prepare('SELECT * FROM users WHERE email = :email')
    expect(() => find.get({ emial: 'x' })).toThrow('needs a value for :email')
    expect(() => find.get(['x'])).toThrow('has named parameters (:email)')
    expect(() => db.prepare('SELECT * FROM users WHERE id = ?').get([])).toThrow(
      'has 1 "?" placeholder, but 0 values were given',
    )
    expect(() => find.get({ email: undefined as unknown as string })).toThrow(':email is undefined')
    // A ? or :name inside a string is not a parameter.
    expect(db.prepare("SELECT 'a?b:c' AS text").get()).toEqual({ text: 'a?b:c' })
    expect(() => db.prepare('SELECT * FROM nowhere')).toThrow('no such table: nowhere')
  })

  it('keeps every write of a transaction, or none when it throws', () => {
    const db = openDatabase()
    db.migrate(users)
    const insert = db.prepare('INSERT INTO users (email) VALUES (?)')
    db.transaction(() => insert.run(['ada@example.com']))
    expect(() =>
      db.transaction(() => {
        insert.run(['bob@example.com'])
        insert.run(['ada@example.com'])
      }),
    ).toThrow(/UNIQUE/)
    expect(() => db.transaction(async () => insert.run(['eve@example.com']))).toThrow(
      'needs a synchronous fn',
    )
    expect(db.prepare('SELECT email FROM users').all()).toEqual([{ email: 'ada@example.com' }])
  })

  it('gives the same database for the same file, and a saved file back after a remount', async () => {
    const db = openDatabase()
    expect(openDatabase('app.db')).toBe(db)
    expect(openDatabase(':memory:')).not.toBe(openDatabase(':memory:'))
    db.migrate(users)
    db.prepare('INSERT INTO users (email) VALUES (?)').run(['ada@example.com'])
    const files = saveDisk()
    await mountDisk({ wasm: await compileSqliteWasm(), files, seed: 'CREATE TABLE ignored (a)' })
    const again = openDatabase()
    expect(again).not.toBe(db)
    expect(again.prepare('SELECT email FROM users').all()).toEqual([{ email: 'ada@example.com' }])
    expect(again.prepare("SELECT name FROM sqlite_master WHERE name = 'ignored'").get()).toBe(
      undefined,
    )
  })

  it('fills app.db from the seed on a first start, and names seed.sql when it fails', async () => {
    const wasm = await compileSqliteWasm()
    await mountDisk({
      wasm,
      files: {},
      seed: "CREATE TABLE t (a); INSERT INTO t VALUES ('seeded');",
    })
    expect(openDatabase().prepare('SELECT a FROM t').all()).toEqual([{ a: 'seeded' }])
    expect(
      openDatabase('other.db').prepare('SELECT count(*) AS n FROM sqlite_master').get(),
    ).toEqual({ n: 0 })
    await expect(mountDisk({ wasm, files: {}, seed: 'CREAT TABLE t (a)' })).rejects.toThrow(
      /seed data \(seed.sql\) failed: .*syntax error/,
    )
  })
})
