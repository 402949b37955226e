// "Download as a project": the files of a runnable Node project for one exercise, holding the
// learner's code as it stands. Everything that is not the learner's (the bundled grader and
// server, the login manager's source, the versions to install) is made once at site build time
// (src/course/project-kit.ts, served at /project/kit.json); this module only puts the pieces
// together, and the page zips them. No DOM: tested in Node.
import { strToU8, zipSync } from 'fflate'
import { usesDatabase } from '../grader/run-request'
import type { ExerciseBundle } from '../schemas/exercise'

/**
 * What every downloaded project shares, made at build time.
 *
 * @example
 * const kit: ProjectKit = await (await fetch(PROJECT_KIT_URL)).json()
 */
export interface ProjectKit {
  /** Files by path inside the project: `tools/*.mjs` and the login manager's source. */
  files: Record<string, string>
  /** The exact versions the bundled tools were built against, by package name. */
  dependencies: Record<string, string>
  /** The Node versions the tools run on, as an `engines.node` range. */
  node: string
}

/**
 * Where the page fetches the kit (a static file, precached for offline use like every page).
 *
 * @example
 * fetch(PROJECT_KIT_URL)
 */
export const PROJECT_KIT_URL = '/project/kit.json'

/**
 * The exercise's own description of the project, read by `tools/test.mjs` and `tools/serve.mjs`.
 *
 * @example
 * JSON.parse(files['signed-in.json']) as ProjectManifest
 */
export interface ProjectManifest {
  slug: string
  title: string
  /** The file that `export default`s the Hono app. */
  entry: string
  /** Every file of the app, editable or not. */
  files: string[]
  /** The files the learner edits, where `___` blanks are looked for. */
  editable: string[]
  /** The exercise's seed data (`seed.sql`), when its app uses the database: what `app.db` holds at every start. */
  seed?: string
}

/** Paths the project itself uses; an exercise file may not take one. */
const reserved = [
  'package.json',
  'README.md',
  'signed-in.json',
  'checks.ts',
  'tsconfig.json',
  'seed.sql',
]

/**
 * Every file of the downloadable project, by path inside its folder: the app's files (the
 * learner's versions of the editable ones, blanks and all), the exercise's checks, the kit, a
 * `package.json`, a README and `signed-in.json`, and `seed.sql` when the exercise has seed data.
 *
 * @param kit - from {@link PROJECT_KIT_URL}
 * @param bundle - the exercise, as the page ships it
 * @param learnerFiles - the learner's files as the editor holds them
 * @returns the files; throws when an exercise file would overwrite one of the project's own
 * @example
 * const files = projectFiles(kit, bundle, store.$files.get())
 * files['package.json'] // { "scripts": { "start": "node tools/serve.mjs", "test": "node tools/test.mjs" }, … }
 */
export function projectFiles(
  kit: ProjectKit,
  bundle: ExerciseBundle,
  learnerFiles: Readonly<Record<string, string>>,
): Record<string, string> {
  const app = { ...bundle.starter }
  const editable = bundle.meta.files.filter((file) => file.editable).map((file) => file.path)
  for (const path of editable) if (learnerFiles[path] !== undefined) app[path] = learnerFiles[path]
  for (const path of Object.keys(app)) {
    if (reserved.includes(path) || path in kit.files || path.startsWith('tools/'))
      throw new Error(`The exercise file ${path} would overwrite the project's own ${path}.`)
  }
  const manifest: ProjectManifest = {
    slug: bundle.slug,
    title: bundle.meta.title,
    entry: bundle.meta.entry,
    files: Object.keys(app),
    editable,
    ...(bundle.seed === undefined ? {} : { seed: 'seed.sql' }),
  }
  return {
    ...kit.files,
    ...app,
    ...(bundle.seed === undefined ? {} : { 'seed.sql': bundle.seed }),
    'checks.ts': bundle.checks,
    'signed-in.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'package.json': `${JSON.stringify(packageJson(kit, bundle), null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    'README.md': readme(bundle, manifest),
  }
}

function packageJson(kit: ProjectKit, bundle: ExerciseBundle) {
  return {
    name: `signed-in-${bundle.slug}`,
    version: '1.0.0',
    private: true,
    description: `${bundle.meta.title}: an exercise from Signed In, as a Node project.`,
    type: 'module',
    engines: { node: kit.node },
    scripts: { start: 'node tools/serve.mjs', test: 'node tools/test.mjs' },
    dependencies: kit.dependencies,
  }
}

/** For an editor's sake: `signed-in/login-manager` is the source in login-manager/. */
const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'preserve',
    moduleResolution: 'bundler',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    paths: { 'signed-in/login-manager': ['./login-manager/index.ts'] },
  },
  // checks.ts imports signed-in/checks, which lives in tools/test.mjs and has no types here.
  exclude: ['checks.ts', 'node_modules', 'tools'],
}

/** What the README says about the database, for an app that imports `signed-in/db`. */
function databaseNote(manifest: ProjectManifest): string {
  return `

The app keeps its data in SQLite (\`signed-in/db\`, on the \`sql.js\` that \`npm install\` puts in
\`node_modules\`). Its \`app.db\` lives in memory: every \`npm start\` and every check begins from
${manifest.seed ? 'the rows in `seed.sql`' : 'an empty database'}, and nothing is written to your disk.`
}

function readme(bundle: ExerciseBundle, manifest: ProjectManifest): string {
  const files = manifest.files
    .map((path) => `- \`${path}\`${manifest.editable.includes(path) ? ' (yours to edit)' : ''}`)
    .join('\n')
  const description = bundle.meta.description?.trim()
  const quoted = description
    ? ` The exercise, as the course puts it:\n\n> ${description.replace(/\n/g, '\n> ')}`
    : ''
  return `# ${bundle.meta.title}

An exercise from the Signed In course (\`${bundle.slug}\`), with your code as it was in the
course's editor when you downloaded it.${quoted}

## Run it

You need Node.js 20 or newer.

\`\`\`sh
npm install
npm start     # serves the app at http://localhost:3000 (PORT and HOST change that)
npm test      # runs the exercise's checks against your code, check by check
\`\`\`

\`npm test\` grades your files the way the course page does and prints the same results: ✓ or ✗
per check, with the hint. A \`___\` blank you have not filled in fails the checks that reach it,
naming its file and line; \`npm start\` still serves the app, lists the blanks, and a request
that reaches one answers 500 while the terminal shows \`blank left at <file> line <n>\`.${
    usesDatabase(bundle.starter) ? databaseNote(manifest) : ''
  }

## What is here

${files}
- \`checks.ts\`: the exercise's checks, written with \`signed-in/checks\`.
- \`login-manager/\`: the source of the login manager your code imports as
  \`signed-in/login-manager\`, for reading. The copy that runs is built into \`tools/\`.
- \`tools/\`: the course's grader and server, bundled (\`serve.mjs\`, \`test.mjs\`,
  \`app-thread.mjs\`). Your app runs on the \`hono\` and \`@hono/node-server\` that \`npm install\`
  puts in \`node_modules\`.
- \`signed-in.json\`: which file is the app's entry, and which files are yours.${
    manifest.seed ? '\n- `seed.sql`: the tables and rows `app.db` starts with.' : ''
  }
`
}

/**
 * Zip a project's files into one folder named after the exercise, so unzipping makes
 * `<slug>/package.json` and the rest.
 *
 * @param folder - the folder name inside the zip
 * @param files - from {@link projectFiles}
 * @returns the zip file's bytes
 * @example
 * const zip = zipProject(bundle.slug, projectFiles(kit, bundle, files))
 * new Blob([zip], { type: 'application/zip' })
 */
export function zipProject(folder: string, files: Readonly<Record<string, string>>): Uint8Array {
  const entries: Record<string, Uint8Array> = {}
  for (const [path, text] of Object.entries(files)) entries[`${folder}/${path}`] = strToU8(text)
  return zipSync(entries, { level: 6 })
}

/**
 * The whole download: fetch the kit, put the project together and zip it, named after the
 * exercise. What the "Download as a project" button does, apart from saving the file.
 *
 * @param bundle - the exercise, as the page ships it
 * @param learnerFiles - the learner's files as the editor holds them
 * @param fetchKit - how the kit is fetched (default: {@link PROJECT_KIT_URL} with `fetch`)
 * @returns the zip's name and bytes
 * @example
 * const { name, bytes } = await downloadableProject(bundle, store.$files.get())
 */
export async function downloadableProject(
  bundle: ExerciseBundle,
  learnerFiles: Readonly<Record<string, string>>,
  fetchKit: () => Promise<ProjectKit> = async () => {
    const response = await fetch(PROJECT_KIT_URL)
    if (!response.ok) throw new Error(`the course's project kit answered ${response.status}`)
    return (await response.json()) as ProjectKit
  },
): Promise<{ name: string; bytes: Uint8Array }> {
  const kit = await fetchKit()
  return {
    name: `${bundle.slug}.zip`,
    bytes: zipProject(bundle.slug, projectFiles(kit, bundle, learnerFiles)),
  }
}
