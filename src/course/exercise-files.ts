import { checksBuiltins } from '../grader/checks-builtins'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { parse } from 'yaml'
import {
  exerciseSchema,
  type ExerciseBundle,
  type ExerciseMeta,
  type ExerciseStep,
} from '../schemas/exercise'
import { findBlanks } from '../grader/blanks'
import { applyMutant } from '../grader/mutants/patch'
import { mutantSchema, type Mutant } from '../schemas/mutant'
import type { ChecksModule } from '../grader/harness/checks'
import { loadSqlite } from '../db/disk'
import { compileSqliteWasm } from './sqlite-wasm'
import { describeCodeError, loadChecks } from '../grader/module-loader'

/**
 * Every file under a folder, by path relative to it (an empty object when it does not exist).
 *
 * @param dir - the folder
 * @returns sources by relative path, with forward slashes
 * @example
 * readTree('exercises/complete-the-login-flow/starter') // { 'app.ts': '…', 'users.ts': '…' }
 */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8')
    }
  }
  if (existsSync(dir)) walk(dir)
  return files
}

/**
 * Read and validate an exercise folder. Throws an error naming the file and the field when
 * something is wrong, so a bad exercise stops the build with a clear message.
 *
 * @param dirOrSlug - `exercises/<slug>` or just the slug
 * @returns the exercise's bundle
 * @example
 * const bundle = loadExercise('complete-the-login-flow')
 * bundle.meta.kind // 'exercise'
 */
export function loadExercise(dirOrSlug: string): ExerciseBundle {
  const dir = existsSync(dirOrSlug) ? dirOrSlug : join('exercises', dirOrSlug)
  const shown = relative(process.cwd(), resolve(dir)) || dir
  const yamlPath = join(dir, 'exercise.yaml')
  if (!existsSync(yamlPath))
    throw new Error(
      `${shown}/exercise.yaml: the file is missing. Run "npm run exercise -- new <slug>" to scaffold one.`,
    )
  let data: unknown
  try {
    data = parse(readFileSync(yamlPath, 'utf8'))
  } catch (error) {
    throw new Error(
      `${shown}/exercise.yaml: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const parsed = exerciseSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `${shown}/exercise.yaml: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`,
    )
  }
  const meta = parsed.data
  const starter = readTree(join(dir, 'starter'))
  // solution/ holds only what the learner changes: files the learner cannot edit (and, for an
  // example, every file) come from starter/.
  const solutionFiles = readTree(join(dir, 'solution'))
  const solution = { ...starter, ...solutionFiles }
  meta.files.forEach((file, index) => {
    if (!(file.path in starter))
      throw new Error(
        `${shown}/exercise.yaml: files.${index}.path: "${file.path}" is missing from starter/`,
      )
    if (meta.kind !== 'example' && file.editable && !(file.path in solutionFiles))
      throw new Error(
        `${shown}/exercise.yaml: files.${index}.path: "${file.path}" is missing from solution/`,
      )
  })
  if (!(meta.entry in starter))
    throw new Error(`${shown}/exercise.yaml: entry: "${meta.entry}" is missing from starter/`)
  const editable = new Set(meta.files.filter((file) => file.editable).map((file) => file.path))
  for (const [path, source] of Object.entries(solutionFiles)) {
    // A file the learner cannot change lives once, in starter/ (type-checking sees it there through
    // rootDirs: src/course/exercise-types.test.ts); a second copy could drift and grade the
    // solution against a different app than the learner's.
    if (!editable.has(path) && path in starter)
      throw new Error(
        `${shown}/solution/${path}: the learner cannot edit this file, so it lives only in starter/${path}; delete it from solution/.`,
      )
    const blank = findBlanks(source)[0]
    if (blank)
      throw new Error(
        `${shown}/solution/${path}: line ${blank.line}: a solution may not contain a blank (___).`,
      )
  }
  if (meta.kind === 'exercise') {
    const hasBlank = meta.files.some(
      (file) => file.editable && findBlanks(starter[file.path] ?? '').length > 0,
    )
    if (!hasBlank)
      throw new Error(
        `${shown}/starter: an exercise's editable files need at least one blank (___) for the learner to fill.`,
      )
  }
  if (meta.tests !== undefined) {
    if (existsSync(join(dir, 'checks.ts')))
      throw new Error(
        `${shown}/checks.ts: an exercise graded by mutants (tests: ${meta.tests}) has no checks; delete this file.`,
      )
    const mutants = loadMutants(dir, shown, starter, meta.entry, meta.tests)
    return {
      slug: basename(resolve(dir)),
      meta,
      starter,
      solution,
      checks: '',
      mutants: { testFile: meta.tests, mutants },
    }
  }
  const checksPath = join(dir, 'checks.ts')
  if (!existsSync(checksPath))
    throw new Error(`${shown}/checks.ts: the file is missing; every exercise needs its checks.`)
  const checks = readFileSync(checksPath, 'utf8')
  const checkModules = sharedCheckModules(checksPath, `${shown}/checks.ts`, checks)
  const names = validateChecks(`${shown}/checks.ts`, checks, checkModules, meta.kind)
  meta.breaks.forEach((name, index) => {
    if (!names.includes(name))
      throw new Error(
        `${shown}/exercise.yaml: breaks.${index}: "${name}" is not the name of a check in checks.ts (its checks: ${names.map((each) => `"${each}"`).join(', ')}).`,
      )
  })
  if (meta.steps) validateSteps(shown, meta.steps, names)
  if (meta.kind === 'debug') {
    const blank = meta.files
      .filter((file) => file.editable)
      .map((file) => ({ path: file.path, blank: findBlanks(starter[file.path] ?? '')[0] }))
      .find((found) => found.blank)
    if (blank)
      throw new Error(
        `${shown}/starter/${blank.path}: line ${blank.blank?.line}: a debug exercise's starter runs as it is, so it may not contain a blank (___).`,
      )
  }
  let seed: string | undefined
  if (meta.seed !== undefined) {
    const seedPath = join(dir, meta.seed)
    if (!existsSync(seedPath))
      throw new Error(
        `${shown}/exercise.yaml: seed: "${meta.seed}" is missing from the exercise folder`,
      )
    seed = readFileSync(seedPath, 'utf8')
    if (seed.trim() === '')
      throw new Error(`${shown}/${meta.seed}: the seed file is empty; remove seed: or fill it`)
  }
  return {
    slug: basename(resolve(dir)),
    meta,
    starter,
    solution,
    checks,
    ...(seed === undefined ? {} : { seed }),
    ...(Object.keys(checkModules).length ? { checkModules } : {}),
  }
}

/**
 * Run an exercise's seed SQL on an empty database, so a broken seed stops the build (the exercises
 * collection calls this) rather than a learner's run. Does nothing for an exercise without one.
 *
 * @param bundle - from {@link loadExercise}
 * @param dir - the exercise folder as shown in the message (default `exercises/<slug>`)
 * @throws naming the seed file and SQLite's error
 * @example
 * await checkSeed(loadExercise('server-side-sessions'))
 */
export async function checkSeed(
  bundle: ExerciseBundle,
  dir = `exercises/${bundle.slug}`,
): Promise<void> {
  if (bundle.seed === undefined) return
  const sqlite = await loadSqlite(await compileSqliteWasm())
  const database = new sqlite.Database()
  try {
    database.exec(bundle.seed)
  } catch (error) {
    throw new Error(
      `${dir}/${bundle.meta.seed}: seed: the SQL fails on an empty database: ${error instanceof Error ? error.message : String(error)}`,
    )
  } finally {
    database.close()
  }
}

/** The folder, beside the exercise folders, of check files several exercises share. */
const SHARED_CHECKS = '_shared'

/**
 * The shared check files a checks.ts imports, and the ones those import, by path under
 * `exercises/` (`_shared/current-user.ts`). A relative import that leads anywhere but
 * `exercises/_shared/`, or to a file that does not exist, stops the build naming the file.
 */
function sharedCheckModules(
  checksPath: string,
  shown: string,
  source: string,
): Record<string, string> {
  const root = resolve(dirname(checksPath), '..')
  const modules: Record<string, string> = {}
  const visit = (file: string, name: string, text: string) => {
    for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.[^'"]*)['"]/g)) {
      const base = relative(root, resolve(dirname(file), specifier ?? ''))
        .split(sep)
        .join('/')
      const path = base.endsWith('.ts') ? base : `${base.replace(/\.js$/, '')}.ts`
      if (!path.startsWith(`${SHARED_CHECKS}/`))
        throw new Error(
          `${name}: imports "${specifier}": checks may import only 'signed-in/checks' and shared check files in exercises/${SHARED_CHECKS}/.`,
        )
      if (path in modules) continue
      const full = join(root, path)
      if (!existsSync(full))
        throw new Error(`${name}: imports "${specifier}", but exercises/${path} does not exist.`)
      modules[path] = readFileSync(full, 'utf8')
      visit(full, `exercises/${path}`, modules[path])
    }
  }
  visit(checksPath, shown, source)
  return modules
}

/**
 * Read `mutants/*.yaml`: each must validate, its patches must apply to the app in starter/, and
 * it must change the app. (That each one changes the app's behaviour, so the solution's tests
 * catch it, is checked by running them: `verifyMutants` in `mutant-check.ts`.)
 */
function loadMutants(
  dir: string,
  shown: string,
  starter: Record<string, string>,
  entry: string,
  testFile: string,
): Mutant[] {
  const folder = join(dir, 'mutants')
  const names = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
    : []
  if (names.length === 0)
    throw new Error(
      `${shown}/mutants: an exercise graded by mutants needs at least one mutants/<name>.yaml.`,
    )
  const app = Object.fromEntries(Object.entries(starter).filter(([path]) => path !== testFile))
  return names.map((file) => {
    const where = `${shown}/mutants/${file}`
    let data: unknown
    try {
      data = parse(readFileSync(join(folder, file), 'utf8'))
    } catch (error) {
      throw new Error(
        `${where}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    const parsed = mutantSchema.safeParse(data)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(
        `${where}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`,
      )
    }
    const mutant: Mutant = { name: file.replace(/\.yaml$/, ''), ...parsed.data }
    let mutated: Record<string, string>
    try {
      mutated = applyMutant(app, mutant, entry)
    } catch (error) {
      throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (Object.keys(app).every((path) => app[path] === mutated[path]))
      throw new Error(`${where}: patches: the patches leave the app as it was.`)
    return mutant
  })
}

/**
 * A multi-step exercise's steps must share out checks.ts between them: every name a step lists is
 * a check, every check is in exactly one step, and read in step order they run in checks.ts order
 * (so grading "this step and every earlier one" is a prefix of the file).
 */
function validateSteps(shown: string, steps: ExerciseStep[], names: string[]) {
  const listed = steps.flatMap((step, index) =>
    step.checks.map((name, at) => ({ name, where: `steps.${index}.checks.${at}` })),
  )
  for (const [index, { name, where }] of listed.entries()) {
    if (!names.includes(name))
      throw new Error(
        `${shown}/exercise.yaml: ${where}: "${name}" is not the name of a check in checks.ts (its checks: ${names.map((each) => `"${each}"`).join(', ')}).`,
      )
    if (listed.findIndex((other) => other.name === name) !== index)
      throw new Error(
        `${shown}/exercise.yaml: ${where}: "${name}" is listed twice; each check belongs to one step.`,
      )
  }
  const missing = names.find((name) => !listed.some((each) => each.name === name))
  if (missing)
    throw new Error(
      `${shown}/exercise.yaml: steps: the check "${missing}" in checks.ts belongs to no step; list it under the step it grades.`,
    )
  const outOfOrder = listed.findIndex((each, index) => each.name !== names[index])
  if (outOfOrder >= 0)
    throw new Error(
      `${shown}/exercise.yaml: ${listed[outOfOrder]?.where ?? 'steps'}: the steps list the checks in a different order from checks.ts; expected "${names[outOfOrder] ?? ''}" here, so that each step's checks follow the earlier steps' checks.`,
    )
}

/**
 * Load checks.ts once at build time, so a broken one stops the build instead of a learner's run.
 * Returns the checks' names (an example's step labels).
 */
function validateChecks(
  shown: string,
  source: string,
  checkModules: Record<string, string>,
  kind: ExerciseMeta['kind'],
): string[] {
  let module: ChecksModule | undefined
  try {
    module = loadChecks(source, checkModules, checksBuiltins) as ChecksModule | undefined
  } catch (error) {
    const described = describeCodeError(error, { ...checkModules, 'checks.ts': source })
    const file =
      described.file && described.file !== 'checks.ts' ? `exercises/${described.file}` : shown
    throw new Error(
      `${file}: ${described.line ? `line ${described.line}: ` : ''}${described.message}`,
    )
  }
  const wanted = kind === 'example' ? 'scenario' : 'checks'
  if (module?.kind !== wanted)
    throw new Error(
      kind === 'example'
        ? `${shown}: an example must "export default defineScenario([...])" from 'signed-in/checks'.`
        : `${shown}: an ${kind === 'debug' ? 'debugging exercise' : 'exercise'} must "export default defineChecks([...])" from 'signed-in/checks'.`,
    )
  const names =
    module.kind === 'scenario'
      ? module.steps.map((step) => step.label)
      : module.checks.map((check) => check.name)
  if (names.length === 0)
    throw new Error(
      `${shown}: the list is empty; add at least one ${module.kind === 'scenario' ? 'step' : 'check'}.`,
    )
  return names
}

/**
 * The slugs of every exercise folder.
 *
 * @param root - the exercises folder (default `exercises`)
 * @returns the slugs, sorted
 * @example
 * listExercises() // ['account-page', 'complete-the-login-flow', 'manual-session-login']
 */
export function listExercises(root = 'exercises'): string[] {
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'exercise.yaml')))
    .sort()
}

/**
 * The bundle an Astro page ships for one exercise, made at build time: validated like
 * {@link loadExercise} (a broken exercise stops the build, naming file and field) and guaranteed to
 * survive `JSON.stringify`, so a page can put it in a `data-` attribute or a `<script
 * type="application/json">`. `checks` stays TypeScript: every runtime compiles it next to the
 * learner's code with the same compiler, so errors read the same everywhere.
 *
 * @param slug - the folder name under `exercises/` (or a path to the folder)
 * @returns `{ slug, meta, starter, solution, checks }`
 * @example
 * // src/pages/…/[slug].astro (frontmatter)
 * const bundle = buildExerciseBundle('manual-session-login')
 * // <script type="application/json" set:html={JSON.stringify(bundle)} />
 */
export function buildExerciseBundle(slug: string): ExerciseBundle {
  const bundle = loadExercise(slug)
  return JSON.parse(JSON.stringify(bundle)) as ExerciseBundle
}
