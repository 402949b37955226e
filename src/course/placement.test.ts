import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { findPlacementProblems, type PlacedItem, type PlacementLesson } from './placement'
import { listExercises } from './exercise-files'

const lesson = (slug: string, body: string): PlacementLesson => ({
  slug,
  file: `lessons/${slug}.mdx`,
  body,
})
const exercise = (slug: string, lessonSlug: string, kind: PlacedItem['kind'] = 'exercise') => ({
  kind,
  slug,
  file: kind === 'quiz' ? `quizzes/${slug}.yaml` : `exercises/${slug}/exercise.yaml`,
  lesson: lessonSlug,
})

describe('findPlacementProblems', () => {
  const lessons = [
    lesson('how-a-login-works', 'Text\n\n<Example slug="by-hand" />\n'),
    lesson(
      'the-login-manager',
      '<Exercise slug="fill-in"/>\n<Exercise  slug=\'fix-it\' />\n<Quiz slug="practice" />',
    ),
  ]

  it('accepts items placed in their own lesson with the right component', () => {
    expect(
      findPlacementProblems(lessons, [
        exercise('by-hand', 'how-a-login-works', 'example'),
        exercise('fill-in', 'the-login-manager'),
        exercise('fix-it', 'the-login-manager', 'debug'),
        exercise('practice', 'the-login-manager', 'quiz'),
      ]),
    ).toEqual([])
  })

  it('names the file and field of a lesson that does not exist', () => {
    expect(findPlacementProblems(lessons, [exercise('fill-in', 'the-login-manger')])).toEqual([
      'exercises/fill-in/exercise.yaml: lesson: "the-login-manger" is not a lesson (the lessons are: how-a-login-works, the-login-manager).',
      'lessons/the-login-manager.mdx: <Exercise slug="fill-in" /> is placed here, but exercises/fill-in/exercise.yaml says lesson: "the-login-manger". Move the tag, or change the lesson field.',
    ])
  })

  it('catches an exercise or quiz its lesson never shows, such as a fresh scaffold', () => {
    expect(
      findPlacementProblems(lessons, [
        exercise('say-hello', 'how-a-login-works'),
        exercise('other-quiz', 'the-login-manager', 'quiz'),
      ]),
    ).toEqual([
      'exercises/say-hello/exercise.yaml: lesson: "how-a-login-works", but lessons/how-a-login-works.mdx has no <Exercise slug="say-hello" />. Place it in that lesson, or name the lesson that shows it.',
      'quizzes/other-quiz.yaml: lesson: "the-login-manager", but lessons/the-login-manager.mdx has no <Quiz slug="other-quiz" />. Place it in that lesson, or name the lesson that shows it.',
    ])
  })

  it('catches an item placed in a different lesson from the one its file names', () => {
    expect(
      findPlacementProblems(lessons, [exercise('by-hand', 'the-login-manager', 'example')]),
    ).toEqual([
      'exercises/by-hand/exercise.yaml: lesson: "the-login-manager", but lessons/the-login-manager.mdx has no <Example slug="by-hand" />. Place it in that lesson, or name the lesson that shows it.',
      'lessons/how-a-login-works.mdx: <Example slug="by-hand" /> is placed here, but exercises/by-hand/exercise.yaml says lesson: "the-login-manager". Move the tag, or change the lesson field.',
    ])
  })

  it('catches an exercise shown as an example', () => {
    expect(findPlacementProblems(lessons, [exercise('by-hand', 'how-a-login-works')])).toEqual([
      'exercises/by-hand/exercise.yaml: kind: lessons/how-a-login-works.mdx shows "by-hand" with <Example />, but an exercise is placed with <Exercise slug="by-hand" />.',
    ])
  })

  it("passes for this course's own lessons, exercises and quizzes", () => {
    const read = (path: string) => readFileSync(path, 'utf8')
    const realLessons = readdirSync('lessons')
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => lesson(name.replace(/\.mdx$/, ''), read(`lessons/${name}`)))
    const items: PlacedItem[] = [
      ...listExercises().map((slug) => {
        const meta = parse(read(`exercises/${slug}/exercise.yaml`)) as {
          kind: PlacedItem['kind']
          lesson: string
        }
        return exercise(slug, meta.lesson, meta.kind)
      }),
      ...readdirSync('quizzes')
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => {
          const meta = parse(read(`quizzes/${name}`)) as { lesson: string }
          return exercise(name.replace(/\.yaml$/, ''), meta.lesson, 'quiz')
        }),
    ]
    expect(items.length).toBeGreaterThan(3)
    expect(findPlacementProblems(realLessons, items)).toEqual([])
  })
})
