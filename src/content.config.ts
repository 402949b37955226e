import { defineCollection, reference } from 'astro:content'
import { file, glob } from 'astro/loaders'
import { exerciseSchema } from './schemas/exercise'
import { lessonSchema, partSchema } from './schemas/lesson'
import { quizSchema } from './schemas/quiz'

/** The course's parts, in `lessons/parts.yaml`. */
const parts = defineCollection({
  loader: file('lessons/parts.yaml'),
  schema: partSchema,
})

/** Lessons: one MDX file each, in `lessons/`. The file name is the lesson's URL slug. */
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: 'lessons' }),
  schema: lessonSchema.extend({
    /** The id of the part this lesson belongs to, as listed in `lessons/parts.yaml`. */
    part: reference('parts'),
  }),
})

/** Exercises and examples: `exercises/<slug>/exercise.yaml`; the entry id is the folder name. */
const exercises = defineCollection({
  loader: glob({
    pattern: '*/exercise.yaml',
    base: 'exercises',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: exerciseSchema,
})

/** Quizzes: `quizzes/<slug>.yaml`. */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: 'quizzes' }),
  schema: quizSchema,
})

export const collections = { parts, lessons, exercises, quizzes }
