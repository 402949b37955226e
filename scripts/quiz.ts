// The quiz authoring CLI, run by plain Node 24 (`npm run quiz -- …`):
//   npm run quiz -- new <slug> --lesson <lesson-slug>
// Scaffolds quizzes/<slug>.yaml (valid as written) and puts <Quiz slug="…" /> in the lesson.
// Exit codes: 0 scaffolded, 2 usage, a bad or taken slug, or a missing lesson.
import '../src/course/node-typescript-hooks.ts'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { insertTag, lessonProblem, takeFlag } from './lesson-tags.ts'

const { isSlug } = await import('../src/schemas/strict.ts')
const { parseQuizFile } = await import('../src/schemas/quiz.ts')

const usage = `Usage:
  npm run quiz -- new <slug> --lesson <lesson-slug>`

/** A quiz with one question of each common type, valid as written; the author rewrites them. */
const template = (lesson: string) => `title: 'Quiz: say what it checks'
lesson: ${lesson}
description: One sentence on what the questions cover.
questions:
  - id: first-question
    type: single
    prompt: Ask one thing the lesson taught.
    options:
      - id: right
        text: The right answer
      - id: wrong
        text: A tempting wrong answer
        feedback: Why this one is wrong.
    answer: right
    explanation: Why the right answer is right.
  - id: second-question
    type: text
    prompt: Which call logs a user in?
    accept:
      - loginUser(c, user)
    explanation: Say where the lesson shows it.
`

function scaffold(slug: string, flags: string[]): number {
  if (!isSlug(slug)) {
    console.error(
      `"${slug}" is not a good quiz name: use lowercase letters, digits and single dashes, like login-manager-practice.`,
    )
    return 2
  }
  const lessonFlag = takeFlag(flags, '--lesson')
  if (lessonFlag.rest.length > 0) {
    console.error(`Unknown option ${lessonFlag.rest.join(' ')}.\n${usage}`)
    return 2
  }
  const lesson = lessonFlag.value
  const problem = lessonProblem(lesson)
  if (problem || !lesson) {
    console.error(problem)
    return 2
  }
  const file = join('quizzes', `${slug}.yaml`)
  if (existsSync(file)) {
    console.error(`${file} already exists; pick another name.`)
    return 2
  }
  const text = template(lesson)
  parseQuizFile(file, text) // the template must stay valid as the schema changes
  writeFileSync(file, text)
  const tag = `<Quiz slug="${slug}" />`
  const lessonFile = insertTag(lesson, tag)
  console.log(`Created ${file} and put ${tag} in ${lessonFile} (before its Recap, or at the end:
move it where it belongs). Next: write the questions (src/quiz/README.md shows every type), then
npm run dev and answer the quiz at /lessons/${lesson}/.`)
  return 0
}

const [command, slug, ...flags] = process.argv.slice(2)
try {
  if (command === 'new' && slug) process.exitCode = scaffold(slug, flags)
  else {
    console.error(usage)
    process.exitCode = 2
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
}
