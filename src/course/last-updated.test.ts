import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatUpdated, lastUpdated } from './last-updated'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A fresh repository with one commit of `tracked.txt`, dated `date`. */
function repo(date: string) {
  const dir = mkdtempSync(join(tmpdir(), 'last-updated-'))
  dirs.push(dir)
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
      stdio: 'ignore',
    })
  git('init', '-q')
  writeFileSync(join(dir, 'tracked.txt'), 'one\n')
  git('add', 'tracked.txt')
  git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'one')
  return dir
}

describe('lastUpdated', () => {
  it("gives the committer date of the file's last commit", () => {
    const dir = repo('2026-05-04T10:20:30+02:00')
    expect(lastUpdated(join(dir, 'tracked.txt'))).toBe('2026-05-04T10:20:30+02:00')
  })

  it('gives null for an untracked file', () => {
    const dir = repo('2026-05-04T10:20:30Z')
    writeFileSync(join(dir, 'new.txt'), 'new\n')
    expect(lastUpdated(join(dir, 'new.txt'))).toBeNull()
  })

  it('gives null outside a repository and when git is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-repo-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'a.txt'), 'a\n')
    expect(lastUpdated(join(dir, 'a.txt'))).toBeNull()
    expect(lastUpdated(resolve('README.md'), join(dir, 'no-such-git'))).toBeNull()
  })

  it("dates this repository's own lessons", () => {
    // Relative to the working directory, as Astro gives content file paths.
    const date = lastUpdated('lessons/how-a-login-works.mdx')
    expect(date).not.toBeNull()
    expect(Number.isNaN(Date.parse(date ?? ''))).toBe(false)
  })
})

describe('formatUpdated', () => {
  it('writes the UTC day in words', () => {
    expect(formatUpdated('2026-11-30T23:30:00-02:00')).toBe('1 December 2026')
    expect(formatUpdated('2026-11-30T14:02:11Z')).toBe('30 November 2026')
  })
})
