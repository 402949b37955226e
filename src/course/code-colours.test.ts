import { codeToHtml } from 'shiki'
import { describe, expect, it } from 'vitest'
import { codeThemes, loadCodeColours } from './code-colours'

const colours = await loadCodeColours()

// The first highlight in a Vitest worker sometimes colours a few light-theme tokens differently
// (seen with Shiki 4.6 only under Vitest, with or without this transformer, never in plain Node),
// so one throwaway highlight comes first and the comparisons below start from a settled highlighter.
await codeToHtml("import { Hono } from 'hono'", {
  lang: 'ts',
  themes: codeThemes,
  defaultColor: 'light-dark()',
})

/** Custom property values by class, read back from the generated stylesheet. */
function rulesOf(css: string) {
  const byClass = new Map<string, [string, string]>()
  for (const [, name, prop, value] of css.matchAll(
    /\.astro-code \.(\w+)\{(--s[ld]):(#[0-9a-f]+)\}/g,
  ))
    byClass.set(name!, [prop!, value!])
  const defaults = /\.astro-code\{--sl:(#[0-9a-f]+);--sd:(#[0-9a-f]+);/.exec(css)
  return { byClass, light: defaults?.[1], dark: defaults?.[2] }
}

/**
 * The light and dark colour of every character of the code, as a browser would paint it: each
 * `<span>` takes its colours from its classes (through `css`) or from Shiki's inline
 * `--shiki-light`/`--shiki-dark`, and otherwise keeps its parent's.
 */
function paint(html: string, css: string) {
  const { byClass, light, dark } = rulesOf(css)
  const code = /<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? ''
  const stack = [{ light, dark }]
  const painted: string[] = []
  for (const [, open, attributes = '', close, text = ''] of code.matchAll(
    /(<span([^>]*)>)|(<\/span>)|([^<]+)/g,
  )) {
    if (open) {
      const colour = { ...stack.at(-1)! }
      const style = /style="([^"]*)"/.exec(attributes)?.[1] ?? ''
      colour.light = /--shiki-light:(#\w+)/.exec(style)?.[1]?.toLowerCase() ?? colour.light
      colour.dark = /--shiki-dark:(#\w+)/.exec(style)?.[1]?.toLowerCase() ?? colour.dark
      for (const name of /class="([^"]*)"/.exec(attributes)?.[1]?.split(' ') ?? []) {
        const rule = byClass.get(name)
        if (rule?.[0] === '--sl') colour.light = rule[1]
        if (rule?.[0] === '--sd') colour.dark = rule[1]
      }
      stack.push(colour)
    } else if (close) stack.pop()
    // Spaces show no colour, and the newlines between lines sit outside any span.
    else
      for (const char of text.replace(/\s/g, ''))
        painted.push(`${char} ${stack.at(-1)!.light} ${stack.at(-1)!.dark}`)
  }
  return painted
}

const highlight = (code: string, lang: string, transformers = [colours.transformer]) =>
  codeToHtml(code, { lang, themes: codeThemes, defaultColor: 'light-dark()', transformers })

const samples = [
  [
    'ts',
    "import { Hono } from 'hono'\nconst app = new Hono() // a comment\napp.get('/', (c) => c.text(`hi ${1 + 2}`))",
  ],
  ['html', '<form method="post" action="/login"><input name="password" type="password"></form>'],
  ['md', '# Title\n\n*italic* and **bold** and [a link](https://example.com)'],
  ['diff', '- const a = 1\n+ const a = 2'],
  ['sh', 'npm install && npm start # run it'],
] as const

describe('loadCodeColours', () => {
  it.each(samples)(
    'gives every %s token the same light and dark colours as inline styles did',
    async (lang, code) => {
      const before = await highlight(code, lang, [])
      const after = await highlight(code, lang)
      expect(after).not.toMatch(/color:|--shiki-(light|dark):/)
      expect(paint(after, colours.css)).toEqual(paint(before, ''))
    },
  )

  it('turns tokens in the default colours into plain text in their line', async () => {
    const html = await highlight('app.get(c)', 'ts')
    expect(html).toContain('<span class="line">app.<span class="l5 d5">get</span>(c)</span>')
  })

  it('keeps the declarations it has no class for, such as font styles, inline', async () => {
    const html = await highlight('*italic* and **bold**', 'md')
    expect(html).toContain(
      '<span style="--shiki-light-font-style:italic;--shiki-dark-font-style:italic">',
    )
    expect(html).toContain(
      '<span style="--shiki-light-font-weight:bold;--shiki-dark-font-weight:bold">',
    )
  })

  it('leaves no colour on the <pre>, which the stylesheet colours, and keeps its other styles', async () => {
    const html = await highlight('const a = 1', 'ts')
    const pre = /<pre([^>]*)>/.exec(html)?.[1] ?? ''
    expect(pre).not.toContain('style=')
    const astro = await codeToHtml('const a = 1', {
      lang: 'ts',
      themes: codeThemes,
      defaultColor: 'light-dark()',
      transformers: [
        { pre: (node) => void (node.properties['style'] += ';overflow-x:auto') },
        colours.transformer,
      ],
    })
    expect(/<pre[^>]*style="([^"]*)"/.exec(astro)?.[1]).toBe('overflow-x:auto')
  })

  it('leaves a token alone when a colour is not one of the themes', async () => {
    const html = await codeToHtml('const a = 1', {
      lang: 'ts',
      themes: codeThemes,
      defaultColor: 'light-dark()',
      transformers: [
        {
          span: (node) =>
            void (node.properties['style'] = '--shiki-light:#123456;--shiki-dark:#E6EDF3'),
        },
        colours.transformer,
      ],
    })
    expect(html).toContain('style="--shiki-light:#123456;--shiki-dark:#E6EDF3"')
  })

  it('writes one rule per theme colour besides the default, and the default on the block', () => {
    const { byClass, light, dark } = rulesOf(colours.css)
    expect(light).toBe('#1f2328')
    expect(dark).toBe('#e6edf3')
    expect(byClass.size).toBeGreaterThan(10)
    expect(colours.css).toContain('.astro-code span{color:light-dark(var(--sl),var(--sd))}')
  })
})
