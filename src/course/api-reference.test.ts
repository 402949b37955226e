import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { linkDocReferences, readApiReference, unlinkDocReferences } from './api-reference'

describe('readApiReference', () => {
  const api = readApiReference('src/login-manager/index.ts')
  it('lists the public API with signatures', () => {
    const names = api.map((entry) => entry.name)
    for (const name of [
      'LoginManager',
      'loginUser',
      'logoutUser',
      'currentUser',
      'session',
      'safeNext',
      'describeAuth',
    ]) {
      expect(names).toContain(name)
    }
    expect(api.find((e) => e.name === 'loginUser')?.signature).toMatch(
      /^loginUser<User extends UserMixin>\(c: Context/,
    )
  })

  it('every exported function and class has a summary and an @example', () => {
    const missing = api
      .filter((entry) => entry.kind === 'function' || entry.kind === 'class')
      .filter((entry) => !entry.summary || entry.examples.length === 0)
      .map((entry) => entry.name)
    expect(missing).toEqual([])
  })
})

describe('JSDoc links', () => {
  const onPage = new Set(['LoginManager', 'LoginManager.unauthorized', 'session'])
  const anchorOf = (name: string) => (onPage.has(name) ? name : undefined)

  it('link a name on the page to its anchor, with its label when it has one', () => {
    expect(linkDocReferences('Options for {@link session}.', anchorOf)).toBe(
      'Options for [`session`](#session).',
    )
    expect(linkDocReferences('See {@link session | the session middleware}.', anchorOf)).toBe(
      'See [the session middleware](#session).',
    )
    expect(linkDocReferences('{@linkcode LoginManager} and {@linkplain session}', anchorOf)).toBe(
      '[`LoginManager`](#LoginManager) and [`session`](#session)',
    )
  })

  it("link a member to its own anchor, or else to its owner's", () => {
    expect(linkDocReferences('{@link LoginManager.unauthorized}', anchorOf)).toBe(
      '[`LoginManager.unauthorized`](#LoginManager.unauthorized)',
    )
    expect(linkDocReferences('{@link LoginManager.needsRefresh}', anchorOf)).toBe(
      '[`LoginManager.needsRefresh`](#LoginManager)',
    )
  })

  it('leave a name that is not on the page as plain code, or its label as text', () => {
    expect(linkDocReferences('Like {@link describeValue}, with a type.', anchorOf)).toBe(
      'Like `describeValue`, with a type.',
    )
    expect(linkDocReferences('Like {@link describeValue | that one}.', anchorOf)).toBe(
      'Like that one.',
    )
  })

  it('link a URL, and escape Markdown in a label', () => {
    expect(linkDocReferences('{@link https://owasp.org/ | OWASP [cheat] sheet}', anchorOf)).toBe(
      '[OWASP \\[cheat\\] sheet](https://owasp.org/)',
    )
    expect(linkDocReferences('{@link session | a `b` c}', anchorOf)).toBe('[a \\`b\\` c](#session)')
  })

  it('read links the way the source spells them, with or without "|", resolved or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-reference-'))
    const file = join(dir, 'm.ts')
    writeFileSync(
      file,
      [
        '/** Uses {@link b | the b function}, {@link b}, {@link b bee}, {@link gone | a ghost} and {@link C.m}.',
        ' * @param x - like {@link b | bee}',
        ' * @returns what {@link b} returns',
        ' * @example',
        ' * a(1)',
        ' */',
        'export function a(x: number): void {}',
        '/** Bee. @example b() */',
        'export function b(): void {}',
        '/** See. @example new C() */',
        'export class C {',
        '  /** Calls {@link b | it}. */',
        '  m(): void {}',
        '}',
      ].join('\n'),
    )
    const api = readApiReference(file)
    const a = api.find((entry) => entry.name === 'a')
    expect(a?.summary).toBe(
      'Uses {@link b | the b function}, {@link b}, {@link b | bee}, {@link gone | a ghost} and {@link C.m}.',
    )
    expect(a?.params).toEqual([{ name: 'x', text: 'like {@link b | bee}' }])
    expect(a?.returns).toBe('what {@link b} returns')
    expect(api.find((entry) => entry.name === 'C')?.members[0]?.summary).toBe(
      'Calls {@link b | it}.',
    )
  })

  it('show a link inside a declaration shown as code as its words', () => {
    expect(
      unlinkDocReferences('/** By {@link SessionStore.deleteAllForUser}, see {@link a | this}. */'),
    ).toBe('/** By SessionStore.deleteAllForUser, see this. */')
  })

  it('leave no "{@link" in any text of the real login manager reference', () => {
    const api = readApiReference('src/login-manager/index.ts')
    const anchors = new Set(api.map((entry) => entry.name))
    expect(api.filter((entry) => entry.signature.includes('{@link'))).toEqual([])
    const texts = api.flatMap((entry) => [
      entry.summary,
      entry.returns,
      entry.throws,
      ...entry.params.map((p) => p.text),
      ...entry.members.map((m) => m.summary),
    ])
    expect(texts.filter((text) => text.includes('{@link')).length).toBeGreaterThan(5)
    const rendered = texts.map((text) =>
      linkDocReferences(text, (name) => (anchors.has(name) ? name : undefined)),
    )
    expect(rendered.filter((text) => /\{@link/.test(text))).toEqual([])
    expect(rendered.join('\n')).toContain('[`LoginManager`](#LoginManager)')
  })
})
