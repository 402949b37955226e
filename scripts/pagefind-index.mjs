import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as pagefind from 'pagefind'
import { parse } from 'yaml'

/**
 * What search must never show of a quiz embedded in a lesson: its answers, the option lists and
 * steps that contain them, its explanations and feedback, and the grading data. (Pagefind already
 * skips `<form>` content; this keeps the rule if the markup changes.) The quiz markup belongs to
 * the quiz component, so the rule lives here rather than as attributes scattered through it.
 *
 * @example
 * excludeSelectors.includes('quiz-form template') // true
 */
export const excludeSelectors = [
  'quiz-form script',
  'quiz-form template',
  'quiz-form [data-options]',
  'quiz-form [data-steps]',
  'quiz-form .text-answer',
  'quiz-form [data-verdict]',
  'quiz-form [data-summary]',
  'quiz-form [data-best]',
]

/**
 * One search record per quiz, holding its title, description and question prompts and nothing
 * else, so no answer, option, feedback or explanation can ever be found. (Pagefind skips `<form>`
 * content, which is where a quiz page shows its prompts, so the quiz pages are indexed this way.)
 *
 * @param {string} folder - where the quiz YAML files are
 * @returns {Array<{ url: string, content: string, language: string, meta: Record<string, string> }>}
 * @example
 * quizRecords('quizzes')[0].url // '/quizzes/login-manager-practice/'
 */
export function quizRecords(folder = 'quizzes') {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const quiz = parse(readFileSync(join(folder, name), 'utf8'))
      const prompts = (quiz.questions ?? []).map((question) => question.prompt)
      return {
        url: `/quizzes/${name.slice(0, -'.yaml'.length)}/`,
        content: [quiz.title, quiz.description ?? '', ...prompts].join('\n\n'),
        language: 'en',
        meta: { title: quiz.title, part: 'Quiz' },
      }
    })
}

/**
 * Build the Pagefind index of a built site into `<dir>/pagefind/`. Pages opt in with
 * `data-pagefind-body` (BaseLayout adds it unless a page says `searchable={false}`).
 *
 * @param {string} dir - the built site
 * @returns {Promise<number>} how many pages were indexed
 * @throws when Pagefind reports an error, naming it
 * @example
 * await buildSearchIndex('dist') // 14
 */
export async function buildSearchIndex(dir) {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors, forceLanguage: 'en' })
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    const added = await index.addDirectory({ path: dir })
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`)
    const quizzes = quizRecords()
    for (const record of quizzes) {
      const result = await index.addCustomRecord(record)
      if (result.errors.length > 0) throw new Error(`Pagefind: ${result.errors.join('; ')}`)
    }
    const written = await index.writeFiles({ outputPath: `${dir}/pagefind` })
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`)
    return added.page_count + quizzes.length
  } finally {
    await pagefind.close()
  }
}

/**
 * An Astro integration that indexes the built site for search after every `astro build`, so
 * `npm run build`, `npm start` and `npm test` all serve a search index.
 *
 * @returns {import('astro').AstroIntegration}
 * @example
 * defineConfig({ integrations: [searchIndex()] })
 */
export function searchIndex() {
  return {
    name: 'signed-in:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await buildSearchIndex(fileURLToPath(dir))
        logger.info(`Search index: ${pages} pages.`)
      },
    },
  }
}
