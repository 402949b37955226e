// The capstone quiz's facts, checked by running the lesson's example and the exercise's solution.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exampleOutput, questionOf, readQuiz } from './quiz-facts'
import { loadExercise } from '../course/exercise-files'
import { compileSqliteWasm } from '../course/sqlite-wasm'
import { mountDisk } from '../db/disk'
import { openDatabase } from '../db/index'

const quiz = readQuiz('capstone-quiz')
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('the capstone quiz', () => {
  it('has at least 6 questions of at least 3 types, all for its lesson', () => {
    expect(quiz.lesson).toBe('capstone')
    expect(quiz.questions.length).toBeGreaterThanOrEqual(6)
    expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
  })

  it('predict-duplicate: its code is the example’s, and the second sign-up gets the stated answer', async () => {
    const question = questionOf(quiz, 'predict-duplicate', 'predict')
    const app = squash(readFileSync('exercises/members-table/starter/app.ts', 'utf8'))
    for (const line of question.code
      .split('\n')
      .filter((text) => text.trim() && !text.includes('…')))
      expect(app).toContain(squash(line))
    const [first, second] = await exampleOutput('members-table')
    expect(first).toMatch(/^201 /)
    expect(second).toBe(
      `${question.answer} Refused by the database: Error: UNIQUE constraint failed: users.email`,
    )
    expect(squash(question.explanation)).toContain(squash(second ?? ''))
  })

  it('new-column: migrate runs an appended migration once, and refuses an edited or replaced one', async () => {
    const question = questionOf(quiz, 'new-column', 'single')
    expect(question.answer).toBe('append')
    // The capstone's db.ts migrates with this very function, on the same kind of database.
    expect(loadExercise('capstone-app').solution['db.ts']).toMatch(/db\.migrate\(\[/)
    await mountDisk({ wasm: await compileSqliteWasm(), files: {} })
    const db = openDatabase()
    const create =
      'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL)'
    expect(db.migrate([create])).toBe(1)
    db.prepare('INSERT INTO users (email, name) VALUES (?, ?)').run(['grace@example.com', 'Grace'])
    const option = (id: string) => question.options.find((o) => o.id === id)
    // nothing: SQLite does not add a column for an INSERT that names it.
    expect(() =>
      db.prepare('UPDATE users SET last_login = ? WHERE id = 1').run(['2026-12-03']),
    ).toThrow('no such column: last_login')
    expect(() =>
      db
        .prepare('INSERT INTO users (email, name, last_login) VALUES (?, ?, ?)')
        .run(['a@b.c', 'A', 'x']),
    ).toThrow('table users has no column named last_login')
    expect(option('nothing')?.feedback).toContain('table users has no column named last_login')
    // edit and drop: migrate refuses a list whose first entry differs from the one that ran.
    const edited = create.replace(')', ', last_login TEXT)')
    expect(() => db.migrate([edited])).toThrow('Migration 1 has changed since it ran')
    expect(() => db.migrate(['DROP TABLE users', create])).toThrow('Migration 1 has changed')
    expect(question.explanation).toContain('Migration 1 has changed since it ran')
    // append: runs once, keeps the accounts, and is skipped the next time.
    const alter = 'ALTER TABLE users ADD COLUMN last_login TEXT'
    expect(option('append')?.text).toContain(alter)
    expect(db.migrate([create, alter])).toBe(1)
    expect(db.migrate([create, alter])).toBe(0)
    expect(db.prepare('SELECT email, last_login FROM users').all()).toEqual([
      { email: 'grace@example.com', last_login: null },
    ])
  })

  it('signup-order agrees with the exercise the lesson sets', () => {
    const solution = loadExercise('capstone-app').solution['app.ts'] ?? ''
    expect(solution).toContain("refuse(409, 'That email already has an account.")
    expect(solution).toMatch(/MIN_PASSWORD = 15\b/)
    expect(solution).toMatch(/MAX_PASSWORD = 256\b/)
    // The handler's order is the order the question teaches.
    const order = [
      'toLowerCase()',
      'password.length < MIN_PASSWORD',
      'generatePasswordHash(password',
      'refuse(409',
      'loginUser(c, user)',
    ]
    const at = order.map((text) => solution.indexOf(text))
    expect(at.every((index) => index >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })
})
