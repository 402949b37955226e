import { execFileSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'

/**
 * When a file was last changed, from git: the committer date of the last commit that touched it
 * (`git log -1 --format=%cI -- <file>`), as ISO 8601. Build-time only.
 *
 * Never throws and never fails the build: a missing git binary, a directory outside a repository,
 * an untracked file, or a shallow clone that lacks the commit all give `null`, and the page leaves
 * the date out. (In a shallow clone git answers with the oldest commit it has only when that
 * commit touched the file; a date it cannot stand behind is not invented.)
 *
 * @param file - the file's path (absolute, or relative to the working directory)
 * @param git - the git executable to run (a parameter so tests can name a missing one)
 * @returns the date, or `null` when git cannot say
 * @example
 * lastUpdated('lessons/welcome.mdx') // '2026-11-30T14:02:11+00:00', or null without git
 */
export function lastUpdated(file: string, git = 'git'): string | null {
  const path = resolve(file)
  let out: string
  try {
    out = execFileSync(git, ['log', '-1', '--format=%cI', '--', path], {
      cwd: dirname(path),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim()
  } catch {
    return null
  }
  // Anything but one strict ISO date (empty for an untracked file) is not a date to show.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(out)) return null
  return Number.isNaN(Date.parse(out)) ? null : out
}

/**
 * A date for a lesson footer, in words: "30 November 2026", in UTC so every build says the same.
 *
 * @param iso - an ISO 8601 date from {@link lastUpdated}
 * @returns the day, month and year
 * @example
 * formatUpdated('2026-11-30T14:02:11+00:00') // '30 November 2026'
 */
export function formatUpdated(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso))
}
