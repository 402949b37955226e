import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { troubleshootingGroupSchema, type TroubleshootingGroup } from '../schemas/troubleshooting'
import { listExercises, loadExercise } from './exercise-files'
import {
  resolveTroubleshooting,
  symptomHref,
  troubleshootingProblems,
  type TroubleshootingFile,
} from './troubleshooting'

const lessons = [
  { slug: 'cookie-security', title: 'Cookie security' },
  { slug: 'debugging-current-user', title: 'Debugging current-user problems' },
]
const exercises = [
  { slug: 'login-csrf', title: 'Signed in as someone else', lesson: 'cookie-security' },
  { slug: 'missing-user-loader', title: 'No loader', lesson: 'debugging-current-user' },
]

const symptom = (fields: Partial<TroubleshootingGroup['symptoms'][number]> = {}) => ({
  id: 'signed-in-as-someone-else',
  symptom: 'I came back and was signed in as a stranger.',
  cause: 'Login CSRF.',
  lesson: 'cookie-security',
  exercise: 'login-csrf',
  ...fields,
})
const file = (name: string, order: number, ...symptoms: ReturnType<typeof symptom>[]) => ({
  file: `troubleshooting/${name}.yaml`,
  data: { title: name, order, symptoms },
})

describe('troubleshooting links', () => {
  it('points at the lesson, or at the exercise heading on its page', () => {
    expect(symptomHref({ lesson: 'cookie-security' })).toBe('/lessons/cookie-security/')
    expect(symptomHref({ lesson: 'cookie-security', exercise: 'login-csrf' })).toBe(
      '/lessons/cookie-security/#exercise-login-csrf-title',
    )
  })

  it('names the file and field of every link that does not resolve, and of a repeated id', () => {
    const files: TroubleshootingFile[] = [
      file(
        'a',
        1,
        symptom(),
        symptom({ id: 'two', lesson: 'no-such-lesson', exercise: undefined }),
      ),
      file(
        'b',
        2,
        symptom({ id: 'three', exercise: 'nope' }),
        symptom({ id: 'four', exercise: 'missing-user-loader' }),
        symptom(),
      ),
    ]
    expect(troubleshootingProblems(files, lessons, exercises)).toEqual([
      'troubleshooting/a.yaml: symptoms[1].lesson: there is no published lesson "no-such-lesson" in lessons/',
      'troubleshooting/b.yaml: symptoms[0].exercise: there is no exercise "nope" in exercises/',
      'troubleshooting/b.yaml: symptoms[1].exercise: "missing-user-loader" is shown in the lesson "debugging-current-user", not in "cookie-security"',
      'troubleshooting/b.yaml: symptoms[2].id: "signed-in-as-someone-else" is already used in troubleshooting/a.yaml',
    ])
    expect(() => resolveTroubleshooting(files, lessons, exercises)).toThrow(
      /troubleshooting\/a\.yaml: symptoms\[1\]\.lesson/,
    )
  })

  it('resolves groups in order, with the lesson and exercise titles for the link', () => {
    const groups = resolveTroubleshooting(
      [file('later', 2, symptom()), file('first', 1, symptom({ id: 'x', exercise: undefined }))],
      lessons,
      exercises,
    )
    expect(groups.map((group) => group.title)).toEqual(['first', 'later'])
    expect(groups[0]?.symptoms[0]?.link).toEqual({
      href: '/lessons/cookie-security/',
      lesson: 'Cookie security',
    })
    expect(groups[1]?.symptoms[0]?.link).toEqual({
      href: '/lessons/cookie-security/#exercise-login-csrf-title',
      lesson: 'Cookie security',
      exercise: 'Signed in as someone else',
    })
  })

  it("the course's own troubleshooting files are valid and every link resolves", () => {
    const files = readdirSync('troubleshooting')
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ({
        file: `troubleshooting/${name}`,
        data: troubleshootingGroupSchema.parse(
          parse(readFileSync(`troubleshooting/${name}`, 'utf8')),
        ),
      }))
    const published = readdirSync('lessons')
      .filter((name) => name.endsWith('.mdx'))
      .filter((name) => !/^draft: true$/m.test(readFileSync(`lessons/${name}`, 'utf8')))
      .map((name) => ({ slug: name.slice(0, -4), title: name }))
    const all = listExercises().map((slug) => ({
      slug,
      title: slug,
      lesson: loadExercise(slug).meta.lesson,
    }))
    expect(troubleshootingProblems(files, published, all)).toEqual([])
    // Every mission of Part 3, "When login breaks", is linked from the page.
    const partThree = published
      .map((lesson) => lesson.slug)
      .filter((slug) => /^part: when-it-breaks$/m.test(readFileSync(`lessons/${slug}.mdx`, 'utf8')))
    const linked = new Set(
      files.flatMap(({ data }) => data.symptoms.map((entry) => entry.exercise)),
    )
    const missions = all.filter(
      (exercise) =>
        partThree.includes(exercise.lesson) && loadExercise(exercise.slug).meta.kind === 'debug',
    )
    expect(missions.length).toBeGreaterThanOrEqual(5)
    for (const mission of missions) expect(linked, mission.slug).toContain(mission.slug)
  })
})
