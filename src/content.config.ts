import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineCollection, reference } from 'astro:content'
import { glob, type Loader, type LoaderContext } from 'astro/loaders'
import { parse } from 'yaml'
import { outlineProblems, type OutlinePartInput } from './course/outline'
import { checkSeed, listExercises, loadExercise } from './course/exercise-files'
import { exerciseSchema } from './schemas/exercise'
import { lessonSchema, partSchema } from './schemas/lesson'
import { quizSchema } from './schemas/quiz'

const PARTS_FILE = 'lessons/parts.yaml'

/**
 * The raw entries of `lessons/parts.yaml`. Throws, naming the file and the line, when the YAML is
 * broken or is not a list; Astro's own `file()` loader only logs that and carries on with no parts.
 */
async function readPartsFile(root: URL): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(fileURLToPath(new URL(PARTS_FILE, root)), 'utf8')
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    throw new Error(`${PARTS_FILE}: the YAML cannot be read: ${(error as Error).message}`)
  }
  if (!Array.isArray(data) || data.some((item) => typeof item !== 'object' || item === null)) {
    throw new Error(
      `${PARTS_FILE}: expected a list of parts, each with id, title, order and description.`,
    )
  }
  return data as Array<Record<string, unknown>>
}

/** Fail the sync (so `astro build`, `astro dev` and `astro check`) with every course problem. */
function failOnProblems(problems: string[]) {
  if (problems.length > 0) {
    throw new Error(`The course does not hold together:\n${problems.join('\n')}`)
  }
}

/** Re-run `sync` when `path` changes under `astro dev`, logging (not crashing on) a mistake. */
function watch(context: LoaderContext, path: string, sync: () => Promise<void>) {
  context.watcher?.add(path)
  context.watcher?.on('change', (changed) => {
    if (changed === path) sync().catch((error: Error) => context.logger.error(error.message))
  })
}

/** Loads `lessons/parts.yaml`; each part is validated, and no two share an `id` or an `order`. */
const partsLoader: Loader = {
  name: 'course-parts',
  async load(context) {
    const sync = async () => {
      const items = await readPartsFile(context.config.root)
      const parts: Array<Pick<OutlinePartInput, 'id' | 'order'>> = []
      const entries = []
      for (const item of items) {
        const id = typeof item['id'] === 'string' ? item['id'] : ''
        const data = await context.parseData({ id, data: item, filePath: PARTS_FILE })
        parts.push({ id, order: Number(data['order']) })
        entries.push({ id, data, filePath: PARTS_FILE })
      }
      failOnProblems(outlineProblems(parts, [], PARTS_FILE))
      context.store.clear()
      for (const entry of entries) context.store.set(entry)
    }
    await sync()
    watch(context, fileURLToPath(new URL(PARTS_FILE, context.config.root)), sync)
  },
}

/**
 * Loads `lessons/*.mdx` with Astro's glob loader, then checks the lessons against each other and
 * against `lessons/parts.yaml`: every `part` exists, and no two published lessons of a part share
 * an `order`. Astro only logs a reference to a missing part, so this makes it an error.
 */
function lessonsLoader(): Loader {
  const files = glob({ pattern: '*.mdx', base: 'lessons' })
  return {
    name: 'course-lessons',
    async load(context) {
      await files.load(context)
      const parts = (await readPartsFile(context.config.root)).map((item) => ({
        id: String(item['id']),
        order: Number(item['order']),
      }))
      const lessons = context.store.values().map((entry) => {
        const data = entry.data as { part: { id: string }; order: number; draft: boolean }
        const file = entry.filePath ?? `lessons/${entry.id}.mdx`
        return { file, part: data.part.id, order: data.order, draft: data.draft }
      })
      // Part problems are the parts loader's to report; here only the lessons' own.
      failOnProblems(outlineProblems(parts, lessons).filter((p) => !p.startsWith(PARTS_FILE)))
    },
  }
}

/** The course's parts, in `lessons/parts.yaml`. */
const parts = defineCollection({ loader: partsLoader, schema: partSchema })

/** Lessons: one MDX file each, in `lessons/`. The file name is the lesson's URL slug. */
const lessons = defineCollection({
  loader: lessonsLoader(),
  schema: lessonSchema.extend({
    /** The id of the part this lesson belongs to, as listed in `lessons/parts.yaml`. */
    part: reference('parts'),
  }),
})

/**
 * Loads `exercises/<slug>/exercise.yaml` through `loadExercise`, the one reader and validator of an
 * exercise folder (the runner, the CLI and the pages use it too), so the collection never parses
 * the YAML a second way. The entry id is the folder name; a broken folder fails the sync, naming
 * the file and the field.
 */
const exercisesLoader: Loader = {
  name: 'course-exercises',
  async load(context) {
    const root = fileURLToPath(new URL('exercises/', context.config.root))
    const sync = async () => {
      context.store.clear()
      for (const slug of listExercises(root)) {
        const bundle = loadExercise(join(root, slug))
        const { meta } = bundle
        await checkSeed(bundle)
        const filePath = `exercises/${slug}/exercise.yaml`
        // `meta` is already validated; the collection's schema only gives it its type.
        context.store.set({ id: slug, data: meta, filePath, digest: context.generateDigest(meta) })
      }
    }
    await sync()
    context.watcher?.add(root)
    context.watcher?.on('change', (changed) => {
      if (changed.startsWith(root))
        sync().catch((error: unknown) => context.logger.error((error as Error).message))
    })
  },
}

/** Exercises and examples: `exercises/<slug>/`; the entry id is the folder name. */
const exercises = defineCollection({ loader: exercisesLoader, schema: exerciseSchema })

/** Quizzes: `quizzes/<slug>.yaml`. */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: 'quizzes' }),
  schema: quizSchema,
})

/**
 * The site's content collections, which Astro reads at build, dev and `astro check` time.
 *
 * @example
 * import { getCollection } from 'astro:content'
 * const lessons = await getCollection('lessons', (entry) => !entry.data.draft)
 */
export const collections = { parts, lessons, exercises, quizzes }
