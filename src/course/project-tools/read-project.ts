// What tools/serve.mjs and tools/test.mjs read in a downloaded project: signed-in.json, the app's
// files, checks.ts and the seed data, from the project's folder, with a clear message when one is
// missing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunRequest } from '../../grader/run-request'
import type { ProjectManifest } from '../../take-home/project'

/**
 * A downloaded project, read from disk.
 *
 * @example
 * const { manifest, request } = readProject(process.cwd())
 */
export interface ReadProject {
  manifest: ProjectManifest
  /** The app's files, the editable ones, checks.ts and the seed SQL, as a run request. */
  request: RunRequest
}

/**
 * Read a downloaded project's folder.
 *
 * @param root - the folder holding signed-in.json (npm runs scripts there)
 * @returns the manifest and a run request
 * @throws an Error naming the file that is missing or unreadable
 * @example
 * readProject(process.cwd()).request.entry // 'app.ts'
 */
export function readProject(root: string): ReadProject {
  const read = (path: string) => {
    try {
      return readFileSync(join(root, path), 'utf8')
    } catch {
      throw new Error(
        `${path} is missing from ${root}. Download the project again from the course page, or put the file back.`,
      )
    }
  }
  let manifest: ProjectManifest
  try {
    manifest = JSON.parse(read('signed-in.json')) as ProjectManifest
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new Error(`signed-in.json is not valid JSON (${error.message}).`)
    throw error
  }
  const valid =
    typeof manifest?.entry === 'string' &&
    Array.isArray(manifest.files) &&
    Array.isArray(manifest.editable) &&
    (manifest.seed === undefined || typeof manifest.seed === 'string') &&
    [...manifest.files, ...manifest.editable, ...(manifest.seed ? [manifest.seed] : [])].every(
      (path) =>
        typeof path === 'string' && !path.startsWith('/') && !path.split('/').includes('..'),
    )
  if (!valid)
    throw new Error('signed-in.json must give "entry", "files" and "editable", as downloaded.')
  const files = Object.fromEntries(manifest.files.map((path) => [path, read(path)]))
  return {
    manifest,
    request: {
      files,
      editable: manifest.editable,
      checks: read('checks.ts'),
      entry: manifest.entry,
      ...(manifest.seed === undefined ? {} : { seed: read(manifest.seed) }),
    },
  }
}
