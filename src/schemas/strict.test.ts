import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { exerciseSchema } from './exercise'
import { lessonSchema, partSchema } from './lesson'
import { quizSchema } from './quiz'
import { isSlug, slug, strictObject } from './strict'

describe('strictObject', () => {
  const schema = strictObject({ title: z.string(), editable: z.boolean().default(true) })

  it('accepts the known fields and fills defaults', () => {
    expect(schema.parse({ title: 'A' })).toEqual({ title: 'A', editable: true })
  })

  it('rejects an unknown key, naming it and the fields that exist', () => {
    const issue = schema.safeParse({ title: 'A', editible: false }).error?.issues[0]
    expect(issue?.message).toBe(
      'unknown field "editible": check the spelling (the fields are title, editable)',
    )
  })

  it('is what every content schema is built with, nested objects included', () => {
    const misspelt = (result: { error?: z.ZodError | undefined }) =>
      result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    expect(
      misspelt(
        exerciseSchema.safeParse({
          title: 'Title',
          lesson: 'a-lesson',
          kind: 'example',
          files: [{ path: 'app.ts', editible: false }],
        }),
      ),
    ).toEqual([expect.stringMatching(/^files\.0: unknown field "editible"/)])
    expect(
      misspelt(
        partSchema.safeParse({
          id: 'p',
          title: 'Part',
          order: 1,
          description: 'A part of it.',
          colour: 'red',
        }),
      ),
    ).toEqual([expect.stringMatching(/^: unknown field "colour"/)])
    expect(
      lessonSchema.safeParse({ drafts: true }).error?.issues.map((i) => i.message),
    ).toContainEqual(expect.stringMatching(/unknown field "drafts"/))
    expect(
      misspelt(
        quizSchema.safeParse({
          title: 'Quiz',
          lesson: 'a-lesson',
          questions: [
            {
              id: 'q',
              type: 'text',
              prompt: 'What?',
              explanation: 'Because.',
              accept: ['x'],
              feedbak: 'typo',
            },
          ],
        }),
      ),
    ).toEqual([expect.stringMatching(/^questions\.0: unknown field "feedbak"/)])
  })
})

describe('slug', () => {
  it('accepts lowercase words joined by single dashes', () => {
    for (const good of ['the-login-manager', 'a', 'part-2', '404-page']) {
      expect(isSlug(good)).toBe(true)
      expect(slug().parse(good)).toBe(good)
    }
  })

  it('rejects capitals, underscores, spaces, dots and stray dashes, with the rule in the message', () => {
    for (const bad of ['Login', 'log_in', 'log in', '../x', 'a--b', '-a', 'a-', '']) {
      expect(isSlug(bad)).toBe(false)
      expect(slug('fix-it').safeParse(bad).error?.issues[0]?.message).toBe(
        'use lowercase letters, digits and dashes only, e.g. "fix-it"',
      )
    }
  })
})
